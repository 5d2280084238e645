/**
 * Migrations 0035, 0044: each person's newest closed full cycle with results (promotion/current-levels.ts) and
 * their assessed levels in it, packed as `<competency id>:<level>,…` (packed-levels.ts).
 */
interface CurrentCyclesTable {
  person_id: string;
  cycle_id: string;
  levels: string;
}

interface CurrentLevelsTables {
  recruitment_current_cycles: CurrentCyclesTable;
}

declare module '../../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends CurrentLevelsTables {}
}
