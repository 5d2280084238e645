/**
 * Migrations 0035, 0044: each person's newest closed full cycle with results (promotion/current-levels.ts) and
 * their assessed levels in it, packed (packed-levels.ts).
 */
interface CurrentCyclesTable {
  person_id: string;
  cycle_id: string;
  /** `<competency id>,…`, ordered by id: the competencies of the person's results. */
  competency_ids: string;
  /** `3.50,2.00,…`: the levels, in the order of competency_ids. */
  levels: string;
  /** md5 of competency_ids: people with the same list share it, and a read fetches each list once. */
  competency_key: string;
}

interface CurrentLevelsTables {
  recruitment_current_cycles: CurrentCyclesTable;
}

declare module '../../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends CurrentLevelsTables {}
}
