import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * One rule for every route: text the database cannot store is refused as a 400
 * naming the field, before any handler or SQL sees it (defect 5 of issue 12 —
 * a NUL byte in a search answered 500 "invalid byte sequence" on six routes).
 * Refused: U+0000 (PostgreSQL text cannot hold it) and lone UTF-16 surrogates
 * (not Unicode; the driver would silently store U+FFFD instead).
 */
export function installInputTextCheck(app: FastifyInstance): void {
  // preValidation, registered after access control: a caller without access
  // still gets 401/403 first, and the schemas only ever see storable text.
  app.addHook('preValidation', async (request) => {
    const issues = [...badText('params', request.params), ...badText('querystring', request.query), ...badText('body', request.body)];
    if (issues.length > 0) throw new AppError('validation_failed', 400, issues.slice(0, 20));
  });
}

/** Deeper than this a request body is not ours (no schema nests beyond a few levels). */
const MAX_DEPTH = 64;

interface TextIssue {
  in: string;
  path: string;
  message: string;
}

/** Where a value sits, kept as a link to its parent so a wide body costs no path copies. */
interface Place {
  parent: Place | null;
  key: string;
  depth: number;
}
const pathOf = (place: Place | null): string => {
  const keys: string[] = [];
  for (let p = place; p; p = p.parent) keys.push(p.key);
  return keys.reverse().join('.');
};
// With the u flag a well-formed surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;
const problemOf = (text: string): string | null =>
  text.includes('\0') ? 'contains a NUL character' : LONE_SURROGATE.test(text) ? 'is not valid Unicode text' : null;

/** Every bad string (value or key) in a parsed request part, walked without recursion so deep input cannot overflow the stack. */
function badText(part: string, value: unknown): TextIssue[] {
  if (value === null || value === undefined || Buffer.isBuffer(value)) return [];
  const issues: TextIssue[] = [];
  const stack: Array<{ value: unknown; place: Place | null }> = [{ value, place: null }];
  while (stack.length > 0 && issues.length < 20) {
    const { value: current, place } = stack.pop()!;
    if (typeof current === 'string') {
      const message = problemOf(current);
      if (message) issues.push({ in: part, path: pathOf(place), message });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    const depth = place ? place.depth : 0;
    if (depth >= MAX_DEPTH) {
      issues.push({ in: part, path: pathOf(place), message: `is nested more than ${MAX_DEPTH} levels deep` });
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      const childPlace = { parent: place, key, depth: depth + 1 };
      const message = problemOf(key);
      if (message) issues.push({ in: part, path: pathOf(childPlace), message: `name ${message}` });
      else stack.push({ value: child, place: childPlace });
    }
  }
  return issues;
}
