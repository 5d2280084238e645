import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export const FOLLOWUP_STATUSES = ['scheduled', 'open', 'closed'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

export interface EvaluationFollowupSettingsTable {
  agency_id: string;
  months: JSONColumnType<number[]>;
  window_days: number;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface EvaluationFollowupsTable {
  id: Generated<string>;
  enrolment_id: string;
  person_id: string;
  agency_id: string;
  session_id: string;
  course_id: string;
  institution_id: string;
  /** YYYY-MM-DD */
  completed_on: string;
  months: number;
  due_on: string;
  status: Generated<FollowupStatus>;
  cycle_id: string | null;
  created_at: Generated<Date>;
}

/** One person's change of assessed level of one competency: trained by `course_id`, or of the comparison group. */
export interface EvaluationEffectObservationsTable {
  person_id: string;
  competency_id: string;
  agency_id: string;
  course_id: string;
  before_cycle_id: string;
  after_cycle_id: string;
  gap_band: number;
  role_category: string;
  tier: string;
  before_level: number;
  after_level: number;
}

/** Sums of the observations per agency, competency, stratum and course: what the ranking reads. */
export interface EvaluationEffectCellsTable {
  agency_id: string;
  competency_id: string;
  gap_band: number;
  role_category: string;
  tier: string;
  course_id: string;
  n: number;
  sum_before: number;
  sum_after: number;
  sum_change: number;
  sum_change_sq: number;
}

/** The cells summed per scope a ranking is read for: the country (the zero uuid), each top agency and each agency below one. */
export interface EvaluationEffectRollupsTable extends Omit<EvaluationEffectCellsTable, 'agency_id'> {
  scope_id: string;
}

export interface EvaluationFollowupTables {
  evaluation_followup_settings: EvaluationFollowupSettingsTable;
  evaluation_followups: EvaluationFollowupsTable;
  evaluation_effect_observations: EvaluationEffectObservationsTable;
  evaluation_effect_cells: EvaluationEffectCellsTable;
  evaluation_effect_rollups: EvaluationEffectRollupsTable;
}

declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends EvaluationFollowupTables {}
}
