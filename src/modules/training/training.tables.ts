import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
/** numeric columns are read as numbers on both engines (platform/db/engine.ts). */
type Numeric = ColumnType<number, number | string, number | string>;
/** date columns are read as yyyy-mm-dd strings on both engines. */
type CalendarDate = string;

export type InstitutionKind = 'school_of_politics' | 'academy' | 'university' | 'agency_trainer' | 'other';
export type CourseFormat = 'online' | 'classroom' | 'blended' | 'simulation' | 'on_the_job' | 'job_rotation';
export type CourseStatus = 'draft' | 'active' | 'retired';
export type SessionStatus = 'planned' | 'open' | 'running' | 'completed' | 'cancelled';
export type EnrolmentStatus = 'pending_approval' | 'enrolled' | 'waitlisted' | 'rejected' | 'cancelled' | 'completed' | 'not_completed';
export type EnrolmentSource = 'self' | 'hr' | 'plan';

export interface TrainingInstitutionsTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: Generated<string>;
  search_name: string;
  kind: InstitutionKind;
  agency_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingInstitutionStaffTable {
  user_id: string;
  institution_id: string;
}

export interface TrainingInstitutionClientsTable {
  institution_id: string;
  agency_id: string;
}

export interface TrainingCoursesTable {
  id: Generated<string>;
  institution_id: string;
  code: string;
  version: Generated<number>;
  supersedes_id: string | null;
  status: Generated<CourseStatus>;
  title: string;
  title_en: Generated<string>;
  search_title: string;
  description: Generated<string>;
  format: CourseFormat;
  hours: Numeric;
  cost_per_seat: ColumnType<number, number, number>;
  framework_version_id: string;
  min_attendance: ColumnType<number, number | string | undefined, number | string>;
  pass_score: ColumnType<number | null, number | string | null | undefined, number | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingCourseCompetenciesTable {
  course_id: string;
  competency_id: string;
  from_level: number;
  to_level: number;
}

export interface TrainingCoursePrerequisitesTable {
  course_id: string;
  prerequisite_id: string;
}

export interface TrainingLecturersTable {
  id: Generated<string>;
  institution_id: string;
  full_name: string;
  search_name: string;
  title: Generated<string>;
  email: string | null;
  user_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingLecturerCompetenciesTable {
  lecturer_id: string;
  competency_id: string;
  max_level: number;
}

export interface TrainingSessionsTable {
  id: Generated<string>;
  course_id: string;
  code: string;
  starts_on: CalendarDate;
  ends_on: CalendarDate;
  place: Generated<string>;
  online_url: string | null;
  seats: number;
  enrol_opens_on: CalendarDate;
  enrol_closes_on: CalendarDate;
  cost_per_seat: ColumnType<number, number, number>;
  status: Generated<SessionStatus>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingSessionLecturersTable {
  session_id: string;
  lecturer_id: string;
}

export interface TrainingSessionMeetingsTable {
  id: Generated<string>;
  session_id: string;
  starts_at: Date;
  ends_at: Date;
  topic: Generated<string>;
}

export interface TrainingEnrolmentsTable {
  id: Generated<string>;
  session_id: string;
  person_id: string;
  agency_id: string;
  status: EnrolmentStatus;
  source: EnrolmentSource;
  requested_by: string | null;
  requested_at: ColumnType<Date, Date | undefined, never>;
  decided_by: string | null;
  decided_at: Date | null;
  replaces_id: string | null;
  cancel_reason: string | null;
  attendance_share: ColumnType<number | null, number | string | null | undefined, number | string | null>;
  final_score: ColumnType<number | null, number | string | null | undefined, number | string | null>;
  completed_at: Date | null;
  updated_at: UpdatedAt;
}

export interface TrainingAttendanceTable {
  enrolment_id: string;
  meeting_id: string;
  present: boolean;
  recorded_by: string | null;
  recorded_at: ColumnType<Date, Date | undefined, Date>;
}

export interface TrainingNotificationsTable {
  id: Generated<string>;
  person_id: string;
  enrolment_id: string | null;
  kind: string;
  created_at: CreatedAt;
  read_at: Date | null;
  emailed_at: Date | null;
}

export interface TrainingTables {
  training_institutions: TrainingInstitutionsTable;
  training_institution_staff: TrainingInstitutionStaffTable;
  training_institution_clients: TrainingInstitutionClientsTable;
  training_courses: TrainingCoursesTable;
  training_course_competencies: TrainingCourseCompetenciesTable;
  training_course_prerequisites: TrainingCoursePrerequisitesTable;
  training_lecturers: TrainingLecturersTable;
  training_lecturer_competencies: TrainingLecturerCompetenciesTable;
  training_sessions: TrainingSessionsTable;
  training_session_lecturers: TrainingSessionLecturersTable;
  training_session_meetings: TrainingSessionMeetingsTable;
  training_enrolments: TrainingEnrolmentsTable;
  training_attendance: TrainingAttendanceTable;
  training_notifications: TrainingNotificationsTable;
}

declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends TrainingTables {}
}
