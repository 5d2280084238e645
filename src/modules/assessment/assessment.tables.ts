import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { GapFlag, RaterSource, SourceGroup, SourceWeights } from './consolidation.js';
import type { NotificationPayload } from './assessment.responses.js';

export interface CycleScope {
  agencyIds: string[];
  positionIds: string[];
  personIds: string[];
}

export const CYCLE_STATUSES = ['draft', 'open', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
/**
 * `follow_up`: the small cycle the evaluation module opens some months after a
 * training, on the trained competencies only. Nobody creates one through the
 * API, and it never stands for a person's whole profile: the gap profile, the
 * development plan and the annual plan read the newest cycle of another kind.
 */
export const CYCLE_KINDS = ['periodic', 'ad_hoc', 'follow_up'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];
/** The kinds HR creates: every competency of the person's profile. */
export const CREATED_CYCLE_KINDS = ['periodic', 'ad_hoc'] as const;
export const ASSIGNMENT_STATUSES = ['pending', 'draft', 'submitted'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const NOTIFICATION_KINDS = ['reminder', 'assigned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AssessmentCyclesTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  name_en: string | null;
  kind: CycleKind;
  year: number | null;
  scope: JSONColumnType<CycleScope>;
  opens_on: string;
  closes_on: string;
  framework_version_id: string;
  weights: JSONColumnType<SourceWeights>;
  min_peers: number;
  anonymity_threshold: number;
  gap_threshold: number;
  test_cutoffs: ColumnType<number[] | null, string | null | undefined, string | null>;
  status: Generated<CycleStatus>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AssessmentSubjectsTable {
  cycle_id: string;
  person_id: string;
  agency_id: string;
  position_id: string | null;
  competency_ids: JSONColumnType<string[]>;
  added_at: Generated<Date>;
}

export interface AssessmentAssignmentsTable {
  id: Generated<string>;
  cycle_id: string;
  subject_id: string;
  agency_id: string;
  source: RaterSource;
  rater_person_id: string | null;
  rater_user_id: string | null;
  status: Generated<AssignmentStatus>;
  saved_at: Timestamp | null;
  submitted_at: Timestamp | null;
  reopened_at: Timestamp | null;
  last_reminded_at: Timestamp | null;
  reminder_count: Generated<number>;
  created_at: Generated<Date>;
}

export interface AssessmentRatingsTable {
  assignment_id: string;
  competency_id: string;
  agency_id: string;
  level: number | null;
  comment: string | null;
  evidence_url: string | null;
}

export interface LocalizedOption {
  vi: string;
  en: string;
}

export interface AssessmentQuestionsTable {
  id: Generated<string>;
  competency_id: string;
  agency_id: string | null;
  stem: string;
  stem_en: string | null;
  options: JSONColumnType<LocalizedOption[]>;
  correct_option: number;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AssessmentTestAttemptsTable {
  id: Generated<string>;
  cycle_id: string;
  person_id: string;
  agency_id: string;
  competency_id: string;
  question_ids: JSONColumnType<string[]>;
  answers: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  correct: number | null;
  total: number;
  score: number | null;
  level: number | null;
  started_at: Generated<Date>;
  submitted_at: Timestamp | null;
}

/** The contract the training-needs module (issue 6) reads. */
export interface AssessmentResultsTable {
  cycle_id: string;
  person_id: string;
  competency_id: string;
  agency_id: string;
  position_id: string | null;
  /** The person's role category at consolidation (the needs summaries count the result under it). */
  role_category: Generated<string | null>;
  assessed_level: number;
  required_level: number | null;
  criticality: number | null;
  spread: number;
  source_count: number;
  self_level: number | null;
  others_level: number | null;
  flag: GapFlag | null;
  source_groups: JSONColumnType<SourceGroup[]>;
  version: number;
  consolidated_at: Timestamp;
}

export interface AssessmentResultsHistoryTable extends AssessmentResultsTable {
  superseded_at: Generated<Date>;
}

/** Anonymous aggregates already released per person and cycle (docs/ANONYMITY.md). */
export interface AssessmentAnonymityReleasesTable {
  cycle_id: string;
  person_id: string;
  agency_id: string;
  source: 'peer' | 'subordinate' | 'colleagues';
  members: JSONColumnType<string[]>;
  fingerprint: string;
  version: number;
  released_at: Generated<Date>;
}

export interface AssessmentNotificationsTable {
  id: Generated<string>;
  user_id: string;
  cycle_id: string | null;
  kind: NotificationKind;
  payload: JSONColumnType<NotificationPayload>;
  emailed: Generated<boolean>;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

export interface AssessmentTables {
  assessment_cycles: AssessmentCyclesTable;
  assessment_subjects: AssessmentSubjectsTable;
  assessment_assignments: AssessmentAssignmentsTable;
  assessment_ratings: AssessmentRatingsTable;
  assessment_questions: AssessmentQuestionsTable;
  assessment_test_attempts: AssessmentTestAttemptsTable;
  assessment_results: AssessmentResultsTable;
  assessment_results_history: AssessmentResultsHistoryTable;
  assessment_anonymity_releases: AssessmentAnonymityReleasesTable;
  assessment_notifications: AssessmentNotificationsTable;
}

// The module adds its tables to the one Kysely schema itself (declaration
// merging), so the platform, which owns `Database`, names no module.
declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends AssessmentTables {}
}
