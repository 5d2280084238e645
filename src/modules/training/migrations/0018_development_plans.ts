import { sql, type Kysely } from 'kysely';

// Issue 14, item 7: an individual development plan per civil servant and assessment cycle.
export async function up(db: Kysely<unknown>): Promise<void> {
  // draft: the person is choosing; submitted: waiting for the leader; approved; returned: the leader asked for changes.
  await sql`
    CREATE TABLE training_development_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES people(id),
      cycle_id uuid NOT NULL REFERENCES assessment_cycles(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
      submitted_at timestamptz,
      decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
      decided_at timestamptz,
      leader_note text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (person_id, cycle_id)
    )`.execute(db);
  await sql`CREATE INDEX training_development_plans_agency ON training_development_plans (agency_id, status)`.execute(db);

  // The courses in a plan, with why each is there (the gaps it closes, as the recommendation said).
  await sql`
    CREATE TABLE training_plan_items (
      plan_id uuid NOT NULL REFERENCES training_development_plans(id) ON DELETE CASCADE,
      course_id uuid NOT NULL REFERENCES training_courses(id),
      session_id uuid REFERENCES training_sessions(id),
      position int NOT NULL,
      benefit numeric(6, 2) NOT NULL,
      reasons jsonb NOT NULL,
      added_by text NOT NULL CHECK (added_by IN ('person', 'leader')),
      PRIMARY KEY (plan_id, course_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS training_plan_items`.execute(db);
  await sql`DROP TABLE IF EXISTS training_development_plans`.execute(db);
}
