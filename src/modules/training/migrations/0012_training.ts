import { sql, type Kysely } from 'kysely';

// Issue 14: training institutions, their catalogue, sessions, enrolments and records.
// Credentials (0013) and development plans (0014) come in their own migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A school of politics, an academy, a university or an agency's own training unit.
  // It belongs to an agency (its accounts are that agency's), and serves client agencies.
  await sql`
    CREATE TABLE training_institutions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      name_en text NOT NULL DEFAULT '',
      search_name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('school_of_politics', 'academy', 'university', 'agency_trainer', 'other')),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // Accounts (role trainer) that act for an institution; an account serves one institution.
  await sql`
    CREATE TABLE training_institution_staff (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      institution_id uuid NOT NULL REFERENCES training_institutions(id) ON DELETE CASCADE
    )`.execute(db);

  // Agencies that buy training from an institution: it sees their aggregated, anonymous needs.
  await sql`
    CREATE TABLE training_institution_clients (
      institution_id uuid NOT NULL REFERENCES training_institutions(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      PRIMARY KEY (institution_id, agency_id)
    )`.execute(db);
  await sql`CREATE INDEX training_institution_clients_agency ON training_institution_clients (agency_id)`.execute(db);

  // One row a version of a course; a new version supersedes the previous one (same code).
  await sql`
    CREATE TABLE training_courses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      institution_id uuid NOT NULL REFERENCES training_institutions(id),
      code text NOT NULL,
      version int NOT NULL DEFAULT 1 CHECK (version >= 1),
      supersedes_id uuid REFERENCES training_courses(id),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'retired')),
      title text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      search_title text NOT NULL,
      description text NOT NULL DEFAULT '',
      format text NOT NULL CHECK (format IN ('online', 'classroom', 'blended', 'simulation', 'on_the_job', 'job_rotation')),
      hours numeric(6, 1) NOT NULL CHECK (hours > 0),
      cost_per_seat bigint NOT NULL CHECK (cost_per_seat >= 0),
      -- The competencies it raises are those of this framework version.
      framework_version_id uuid NOT NULL REFERENCES framework_versions(id),
      -- Completion rule: share of meetings attended, and a final score out of 100 when the course is examined.
      min_attendance numeric(3, 2) NOT NULL DEFAULT 0.80 CHECK (min_attendance BETWEEN 0 AND 1),
      pass_score numeric(5, 2) CHECK (pass_score BETWEEN 0 AND 100),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (institution_id, code, version)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX training_courses_one_active ON training_courses (institution_id, code) WHERE status = 'active'`.execute(db);
  await sql`CREATE INDEX training_courses_version ON training_courses (framework_version_id)`.execute(db);

  await sql`
    CREATE TABLE training_course_competencies (
      course_id uuid NOT NULL REFERENCES training_courses(id) ON DELETE CASCADE,
      competency_id uuid NOT NULL REFERENCES competencies(id),
      from_level smallint NOT NULL CHECK (from_level BETWEEN 0 AND 7),
      to_level smallint NOT NULL CHECK (to_level BETWEEN 1 AND 8),
      CHECK (to_level > from_level),
      PRIMARY KEY (course_id, competency_id)
    )`.execute(db);
  await sql`CREATE INDEX training_course_competencies_competency ON training_course_competencies (competency_id)`.execute(db);

  await sql`
    CREATE TABLE training_course_prerequisites (
      course_id uuid NOT NULL REFERENCES training_courses(id) ON DELETE CASCADE,
      prerequisite_id uuid NOT NULL REFERENCES training_courses(id),
      CHECK (course_id <> prerequisite_id),
      PRIMARY KEY (course_id, prerequisite_id)
    )`.execute(db);

  await sql`
    CREATE TABLE training_lecturers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      institution_id uuid NOT NULL REFERENCES training_institutions(id),
      full_name text NOT NULL,
      search_name text NOT NULL,
      title text NOT NULL DEFAULT '',
      email text,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX training_lecturers_institution ON training_lecturers (institution_id)`.execute(db);

  // What a lecturer can teach, up to which level.
  await sql`
    CREATE TABLE training_lecturer_competencies (
      lecturer_id uuid NOT NULL REFERENCES training_lecturers(id) ON DELETE CASCADE,
      competency_id uuid NOT NULL REFERENCES competencies(id),
      max_level smallint NOT NULL CHECK (max_level BETWEEN 1 AND 8),
      PRIMARY KEY (lecturer_id, competency_id)
    )`.execute(db);

  await sql`
    CREATE TABLE training_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES training_courses(id),
      code text NOT NULL UNIQUE,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      place text NOT NULL DEFAULT '',
      online_url text,
      seats int NOT NULL CHECK (seats > 0),
      enrol_opens_on date NOT NULL,
      enrol_closes_on date NOT NULL,
      cost_per_seat bigint NOT NULL CHECK (cost_per_seat >= 0),
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'running', 'completed', 'cancelled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on >= starts_on),
      CHECK (enrol_closes_on >= enrol_opens_on),
      CHECK (enrol_closes_on <= ends_on)
    )`.execute(db);
  await sql`CREATE INDEX training_sessions_course ON training_sessions (course_id)`.execute(db);
  await sql`CREATE INDEX training_sessions_dates ON training_sessions (starts_on, ends_on)`.execute(db);

  await sql`
    CREATE TABLE training_session_lecturers (
      session_id uuid NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
      lecturer_id uuid NOT NULL REFERENCES training_lecturers(id),
      PRIMARY KEY (session_id, lecturer_id)
    )`.execute(db);

  // The meetings of a session: attendance is recorded per meeting.
  await sql`
    CREATE TABLE training_session_meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      topic text NOT NULL DEFAULT '',
      CHECK (ends_at > starts_at)
    )`.execute(db);
  await sql`CREATE INDEX training_session_meetings_session ON training_session_meetings (session_id, starts_at)`.execute(db);

  // pending_approval: asked by the person, waiting for the leader. enrolled / waitlisted: has a seat or
  // waits for one (by requested_at). completed / not_completed: the institution's result. agency_id is the
  // person's agency when enrolled (scope and distribution key).
  await sql`
    CREATE TABLE training_enrolments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES training_sessions(id),
      person_id uuid NOT NULL REFERENCES people(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      status text NOT NULL CHECK (status IN ('pending_approval', 'enrolled', 'waitlisted', 'rejected', 'cancelled', 'completed', 'not_completed')),
      source text NOT NULL CHECK (source IN ('self', 'hr', 'plan')),
      requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
      decided_at timestamptz,
      replaces_id uuid REFERENCES training_enrolments(id),
      cancel_reason text,
      attendance_share numeric(4, 3) CHECK (attendance_share BETWEEN 0 AND 1),
      final_score numeric(5, 2) CHECK (final_score BETWEEN 0 AND 100),
      completed_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // A person holds at most one live enrolment in a session.
  await sql`CREATE UNIQUE INDEX training_enrolments_live ON training_enrolments (session_id, person_id) WHERE status NOT IN ('rejected', 'cancelled')`.execute(db);
  await sql`CREATE INDEX training_enrolments_person ON training_enrolments (person_id)`.execute(db);
  await sql`CREATE INDEX training_enrolments_agency ON training_enrolments (agency_id)`.execute(db);
  await sql`CREATE INDEX training_enrolments_queue ON training_enrolments (session_id, status, requested_at)`.execute(db);

  await sql`
    CREATE TABLE training_attendance (
      enrolment_id uuid NOT NULL REFERENCES training_enrolments(id) ON DELETE CASCADE,
      meeting_id uuid NOT NULL REFERENCES training_session_meetings(id) ON DELETE CASCADE,
      present boolean NOT NULL,
      recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (enrolment_id, meeting_id)
    )`.execute(db);

  // In-app notifications of training steps (enrolled, promoted from the waiting list, cancelled, approved...).
  await sql`
    CREATE TABLE training_notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES people(id),
      enrolment_id uuid REFERENCES training_enrolments(id) ON DELETE CASCADE,
      kind text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      emailed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX training_notifications_person ON training_notifications (person_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'training_notifications',
    'training_attendance',
    'training_enrolments',
    'training_session_meetings',
    'training_session_lecturers',
    'training_sessions',
    'training_lecturer_competencies',
    'training_lecturers',
    'training_course_prerequisites',
    'training_course_competencies',
    'training_courses',
    'training_institution_clients',
    'training_institution_staff',
    'training_institutions',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
