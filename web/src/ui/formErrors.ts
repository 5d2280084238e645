/**
 * The server's refusals mapped to the fields of a form (issue 18): a
 * validation detail `{ path, message, issue, limit }` names its field, and an
 * app error with `details.fields` (or `details.field`) names the fields its
 * message is about. What names no field of the form stays a general message.
 * No imports: the web unit tests run it as it is.
 */
export interface FieldProblem {
  message: string;
  /** Set for schema limits ("tối đa 20 ký tự"): the form puts the field's label in front. */
  issue?: string;
}

export interface FormErrors {
  fields: Record<string, FieldProblem>;
  general: string | null;
}

interface ApiErrorLike {
  code: string;
  message: string;
  details?: unknown;
}

const isApiErrorLike = (e: unknown): e is ApiErrorLike =>
  typeof e === 'object' && e !== null && typeof (e as ApiErrorLike).code === 'string' && typeof (e as ApiErrorLike).message === 'string';

/** `known`: the form's field names; a detail for `scope.agencyIds.3` belongs to `scope.agencyIds` when that is the field. */
export function formErrorsOf(error: unknown, known: readonly string[]): FormErrors {
  if (!error) return { fields: {}, general: null };
  if (!isApiErrorLike(error)) return { fields: {}, general: String(error instanceof Error ? error.message : error) };
  const fieldOf = (path: string) => known.find((k) => path === k || path.startsWith(`${k}.`)) ?? null;
  const fields: Record<string, FieldProblem> = {};
  const unplaced: string[] = [];
  const details = error.details as { fields?: unknown; field?: unknown } | unknown[] | undefined;
  if (Array.isArray(details)) {
    for (const d of details as Array<{ path?: unknown; message?: unknown; issue?: unknown }>) {
      const field = typeof d.path === 'string' ? fieldOf(d.path) : null;
      const message = typeof d.message === 'string' ? d.message : error.message;
      if (field && !fields[field]) fields[field] = { message, ...(typeof d.issue === 'string' && { issue: d.issue }) };
      else if (!field) unplaced.push(typeof d.path === 'string' && d.path ? `${d.path}: ${message}` : message);
    }
  } else if (details && typeof details === 'object') {
    const named = [...(Array.isArray(details.fields) ? (details.fields as unknown[]) : []), ...(typeof details.field === 'string' ? [details.field] : [])];
    for (const path of named) {
      const field = typeof path === 'string' ? fieldOf(path) : null;
      if (field) fields[field] = { message: error.message };
    }
  }
  const placed = Object.keys(fields).length > 0;
  // A validation refusal whose every detail found its field needs no banner; anything else keeps the server's sentence.
  const general = !placed ? error.message : unplaced.length > 0 ? `${error.message} ${unplaced.join('; ')}` : null;
  return { fields, general };
}
