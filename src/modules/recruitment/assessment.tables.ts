import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

/** Migration 0032: tests, rating sheets and appointments of a campaign. */
export interface RecruitmentTestResultsTable {
  id: Generated<string>;
  campaign_id: string;
  stage_id: string;
  application_id: string;
  source: 'online' | 'paper';
  /** The drawn questions ({ id, competencyId }), without their answers. */
  questions: ColumnType<Array<{ id: string; competencyId: string }>, string | undefined, string>;
  answers: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  submitted_at: Date | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface RecruitmentTestScoresTable {
  result_id: string;
  competency_id: string;
  score: ColumnType<number, number, number>;
  level: number;
}

export interface RecruitmentRatingSheetsTable {
  id: Generated<string>;
  campaign_id: string;
  stage_id: string;
  application_id: string;
  user_id: string;
  submitted_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RecruitmentRatingsTable {
  sheet_id: string;
  competency_id: string;
  level: number;
  note: Generated<string>;
}

export interface RecruitmentAppointmentsTable {
  application_id: string;
  campaign_id: string;
  person_id: string;
  cycle_id: string;
  plan_id: string | null;
  fit_score: ColumnType<number, number, number>;
  reason: Generated<string>;
  appointed_by: string | null;
  appointed_at: Generated<Date>;
}

export interface RecruitmentAssessmentTables {
  recruitment_test_results: RecruitmentTestResultsTable;
  recruitment_test_scores: RecruitmentTestScoresTable;
  recruitment_rating_sheets: RecruitmentRatingSheetsTable;
  recruitment_ratings: RecruitmentRatingsTable;
  recruitment_appointments: RecruitmentAppointmentsTable;
}

declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends RecruitmentAssessmentTables {}
}

// The column 0032 adds to 0031's campaigns, merged into its row type.
declare module './recruitment.tables.js' {
  interface RecruitmentCampaignsTable {
    results_published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  }
}
