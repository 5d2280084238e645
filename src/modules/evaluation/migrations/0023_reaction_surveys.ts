import { sql, type Kysely } from 'kysely';

// Issue 16, item 1 (reaction): question sets of institutions and HR, one survey per closed session and set,
// who was invited, and the answers — kept apart from who gave them (a response row names no person, no
// invitation and no time, so not even the database links an answer to its author).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluation_survey_sets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The owner: a training institution, or an agency's HR (whose set is asked of its own staff only).
      institution_id uuid REFERENCES training_institutions(id),
      agency_id uuid REFERENCES agencies(id),
      -- Attached to a course (every session of it) or to one session.
      course_id uuid REFERENCES training_courses(id),
      session_id uuid REFERENCES training_sessions(id),
      title text NOT NULL,
      -- [{ id, kind: 'scale' | 'text', text, textEn, points?: [{ label, labelEn }] }]
      questions jsonb NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (num_nonnulls(institution_id, agency_id) = 1),
      CHECK (num_nonnulls(course_id, session_id) = 1)
    )`.execute(db);
  await sql`CREATE INDEX evaluation_survey_sets_course ON evaluation_survey_sets (course_id)`.execute(db);
  await sql`CREATE INDEX evaluation_survey_sets_session ON evaluation_survey_sets (session_id)`.execute(db);

  // One survey a session and set; its questions are a copy taken when it opened (a set edited later does not change it).
  await sql`
    CREATE TABLE evaluation_surveys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES training_sessions(id),
      set_id uuid NOT NULL REFERENCES evaluation_survey_sets(id),
      questions jsonb NOT NULL,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      UNIQUE (session_id, set_id)
    )`.execute(db);

  await sql`
    CREATE TABLE evaluation_survey_invitations (
      survey_id uuid NOT NULL REFERENCES evaluation_surveys(id),
      enrolment_id uuid NOT NULL REFERENCES training_enrolments(id),
      person_id uuid NOT NULL REFERENCES people(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      reminded_at timestamptz,
      answered_at timestamptz,
      PRIMARY KEY (survey_id, enrolment_id)
    )`.execute(db);
  await sql`CREATE INDEX evaluation_survey_invitations_person ON evaluation_survey_invitations (person_id)`.execute(db);

  await sql`
    CREATE TABLE evaluation_survey_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      survey_id uuid NOT NULL REFERENCES evaluation_surveys(id),
      answers jsonb NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX evaluation_survey_responses_survey ON evaluation_survey_responses (survey_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS evaluation_survey_responses`.execute(db);
  await sql`DROP TABLE IF EXISTS evaluation_survey_invitations`.execute(db);
  await sql`DROP TABLE IF EXISTS evaluation_surveys`.execute(db);
  await sql`DROP TABLE IF EXISTS evaluation_survey_sets`.execute(db);
}
