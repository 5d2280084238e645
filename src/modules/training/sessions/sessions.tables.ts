import type { ColumnType } from 'kysely';

/** 0013: the hash of each person's calendar feed token. */
export interface TrainingCalendarFeedsTable {
  person_id: string;
  token_hash: string;
  created_at: ColumnType<Date, never, Date>;
}

export interface TrainingSessionsExtraTables {
  training_calendar_feeds: TrainingCalendarFeedsTable;
}

declare module '../../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends TrainingSessionsExtraTables {}
}
