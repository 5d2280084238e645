/**
 * A person's current levels packed in one text column of recruitment_current_cycles (migration 0044):
 * `<competency id>:<level>` entries joined by commas, written by SQL (PACKED_LEVELS_SQL in current-levels.ts).
 * One row a person instead of one a competency: the promotion shortlist of a province reads ~19,000 rows, not
 * ~570,000 (30 competencies a person) folded by json_object_agg, which was 80 % of its time (PERFORMANCE.md, r17d).
 * Text rather than arrays: one column value to decode per row, and the profile's competencies are picked here.
 */

/** The levels of `packed` in the competencies of `wanted` (all of them when null), by competency id. */
export function unpackLevels(packed: string, wanted: ReadonlySet<string> | null = null): Map<string, number> {
  const levels = new Map<string, number>();
  let at = 0;
  // indexOf rather than split: no intermediate arrays for 19,000 people × 30 entries.
  while (at < packed.length) {
    const colon = packed.indexOf(':', at);
    if (colon < 0) break;
    let end = packed.indexOf(',', colon);
    if (end < 0) end = packed.length;
    const id = packed.slice(at, colon);
    if (wanted === null || wanted.has(id)) levels.set(id, Number(packed.slice(colon + 1, end)));
    at = end + 1;
  }
  return levels;
}

/** The inverse, for tests and for anything that writes levels from JavaScript. */
export function packLevels(levels: Iterable<readonly [string, number]>): string {
  return [...levels].map(([id, level]) => `${id}:${level}`).join(',');
}
