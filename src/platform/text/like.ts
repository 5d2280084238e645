/**
 * Escape LIKE's wildcards (and the escape character itself) so a value —
 * a user's search text, an agency path used as a prefix — matches only
 * itself; for patterns used with LIKE's default `\` escape. The one copy:
 * text utilities and the auth layer's scope both use it.
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}
