import { sql, type Kysely } from 'kysely';

// Issue 16, item 3 (behaviour, Kirkpatrick level 3): follow-up assessments of the trained competencies a few
// months after a completion, opened by the job queue as small ad hoc 360° cycles of the assessment module.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluation_followup_settings (
      agency_id uuid PRIMARY KEY REFERENCES agencies(id),
      -- Months after completion, e.g. [3, 6].
      months jsonb NOT NULL,
      -- How long the raters have to answer once a follow-up cycle opens.
      window_days int NOT NULL CHECK (window_days BETWEEN 7 AND 90),
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE evaluation_followups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrolment_id uuid NOT NULL REFERENCES training_enrolments(id),
      person_id uuid NOT NULL REFERENCES people(id),
      -- The trainee's agency at completion: its HR sees and runs the follow-up.
      agency_id uuid NOT NULL REFERENCES agencies(id),
      session_id uuid NOT NULL REFERENCES training_sessions(id),
      course_id uuid NOT NULL REFERENCES training_courses(id),
      institution_id uuid NOT NULL REFERENCES training_institutions(id),
      completed_on date NOT NULL,
      months int NOT NULL CHECK (months BETWEEN 1 AND 36),
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'open', 'closed')),
      cycle_id uuid REFERENCES assessment_cycles(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (enrolment_id, months)
    )`.execute(db);
  await sql`CREATE INDEX evaluation_followups_due ON evaluation_followups (due_on) WHERE status = 'scheduled'`.execute(db);
  await sql`CREATE INDEX evaluation_followups_cycle ON evaluation_followups (cycle_id) WHERE cycle_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX evaluation_followups_agency ON evaluation_followups (agency_id, due_on)`.execute(db);
}
