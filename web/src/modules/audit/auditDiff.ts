// Turns an audit entry's before/after snapshots into rows a person can read.
// Pure, so the rules (what counts as a change, the order of fields) are tested alone.

export type DiffKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  field: string;
  kind: DiffKind;
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality for JSON values; key order of objects does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameJson(a[key], b[key]));
  }
  return false;
}

/**
 * One row per top-level field. A created record has `before` null (every field
 * "added"), a deleted one `after` null (every field "removed"). Fields keep the
 * order the server wrote them in, "after" first, so a record reads naturally.
 */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const oldRecord = isPlainObject(before) ? before : null;
  const newRecord = isPlainObject(after) ? after : null;
  if (!oldRecord && !newRecord) {
    if (before === null && after === null) return [];
    // A snapshot that is not an object (a bare value): compare it whole.
    return [{ field: '', kind: classify(true, true, before, after), before, after }];
  }
  const fields = [...new Set([...Object.keys(newRecord ?? {}), ...Object.keys(oldRecord ?? {})])];
  return fields.map((field) => {
    const hadField = oldRecord !== null && Object.hasOwn(oldRecord, field);
    const hasField = newRecord !== null && Object.hasOwn(newRecord, field);
    const oldValue = oldRecord?.[field];
    const newValue = newRecord?.[field];
    return { field, kind: classify(hadField, hasField, oldValue, newValue), before: oldValue, after: newValue };
  });
}

function classify(hadField: boolean, hasField: boolean, before: unknown, after: unknown): DiffKind {
  if (!hadField) return 'added';
  if (!hasField) return 'removed';
  return sameJson(before, after) ? 'unchanged' : 'changed';
}

/** How a snapshot value is shown in the diff table. */
export function formatAuditValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}
