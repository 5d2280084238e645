import type { ColumnType, Generated } from 'kysely';
import type { SurveyQuestion } from './surveys.rules.js';

type Json<T> = ColumnType<T, string, string>;

export interface EvaluationSurveySetsTable {
  id: Generated<string>;
  institution_id: string | null;
  agency_id: string | null;
  course_id: string | null;
  session_id: string | null;
  title: string;
  questions: Json<SurveyQuestion[]>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface EvaluationSurveysTable {
  id: Generated<string>;
  session_id: string;
  set_id: string;
  questions: Json<SurveyQuestion[]>;
  opens_at: Date;
  closes_at: Date;
}

export interface EvaluationSurveyInvitationsTable {
  survey_id: string;
  enrolment_id: string;
  person_id: string;
  agency_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  reminded_at: Date | null;
  answered_at: Date | null;
  /** false: attended the session without completing it (still asked: everyone who attended may answer). */
  completed: ColumnType<boolean, boolean | undefined, boolean>;
}

/** An answer sheet: no person, no invitation, no time (see the migration). */
export interface EvaluationSurveyResponsesTable {
  id: Generated<string>;
  survey_id: string;
  answers: Json<Record<string, number | string>>;
  /** The respondent's group (completed the course or not), shown apart only when both groups reach the threshold. */
  completed: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SurveyTables {
  evaluation_survey_sets: EvaluationSurveySetsTable;
  evaluation_surveys: EvaluationSurveysTable;
  evaluation_survey_invitations: EvaluationSurveyInvitationsTable;
  evaluation_survey_responses: EvaluationSurveyResponsesTable;
}

declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends SurveyTables {}
}
