import { sql, type Kysely } from 'kysely';

// Issue 16, item 2 (learning): a pre-test and a post-test per enrolment, drawn from the assessment module's
// question banks for the course's competencies (or a score the institution records), scored per competency.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluation_learning_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrolment_id uuid NOT NULL REFERENCES training_enrolments(id),
      person_id uuid NOT NULL REFERENCES people(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      course_id uuid NOT NULL REFERENCES training_courses(id),
      phase text NOT NULL CHECK (phase IN ('pre', 'post')),
      -- 'online': taken in the app from the banks; 'recorded': a score the institution entered (a paper test).
      source text NOT NULL CHECK (source IN ('online', 'recorded')),
      -- [{ id, competencyId }] in the order asked
      questions jsonb NOT NULL DEFAULT '[]',
      answers jsonb,
      submitted_at timestamptz,
      recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (enrolment_id, phase)
    )`.execute(db);
  await sql`CREATE INDEX evaluation_learning_attempts_course ON evaluation_learning_attempts (course_id)`.execute(db);

  await sql`
    CREATE TABLE evaluation_learning_scores (
      attempt_id uuid NOT NULL REFERENCES evaluation_learning_attempts(id) ON DELETE CASCADE,
      competency_id uuid NOT NULL REFERENCES competencies(id),
      score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
      level int NOT NULL,
      PRIMARY KEY (attempt_id, competency_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS evaluation_learning_scores`.execute(db);
  await sql`DROP TABLE IF EXISTS evaluation_learning_attempts`.execute(db);
}
