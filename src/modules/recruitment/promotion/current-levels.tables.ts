import type { ColumnType } from 'kysely';

/** Migration 0035: each person's newest closed full cycle with results (promotion/current-levels.ts). */
interface CurrentCyclesTable {
  person_id: string;
  cycle_id: string;
}

/** Migration 0035: the person's assessed levels in that cycle, one row a competency. */
interface CurrentLevelsTable {
  person_id: string;
  competency_id: string;
  cycle_id: string;
  assessed_level: ColumnType<string, number, number>;
}

interface CurrentLevelsTables {
  recruitment_current_cycles: CurrentCyclesTable;
  recruitment_current_levels: CurrentLevelsTable;
}

declare module '../../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends CurrentLevelsTables {}
}
