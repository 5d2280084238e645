import { sql, type Kysely } from 'kysely';

// Issue 15: "a class to open". HR declares, for a course, a class that would run only if the plan chooses at
// least min_class people for it (one opening cost, its seats, its dates). A plan's seats in it are kept with
// the opening (opening_id) until the plan is approved, which creates the session (session_id here).
export async function up(db: Kysely<unknown>): Promise<void> {
  // agency_id: the agency whose plans (its own, those above it and of its subtree) may fill the class.
  await sql`
    CREATE TABLE planning_openings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      course_id uuid NOT NULL REFERENCES training_courses(id),
      code text NOT NULL UNIQUE,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      seats int NOT NULL CHECK (seats > 0),
      min_class int NOT NULL CHECK (min_class >= 1),
      opening_cost bigint NOT NULL CHECK (opening_cost >= 0),
      cost_per_seat bigint NOT NULL CHECK (cost_per_seat >= 0),
      status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'opened', 'withdrawn')),
      session_id uuid REFERENCES training_sessions(id),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on >= starts_on),
      CHECK (min_class <= seats),
      CHECK ((status = 'opened') = (session_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX planning_openings_agency ON planning_openings (agency_id, status)`.execute(db);

  // A seat is in a session or in a class to open, never both; the key is the pair whichever it is.
  await sql`ALTER TABLE planning_assignments ADD COLUMN opening_id uuid REFERENCES planning_openings(id)`.execute(db);
  await sql`ALTER TABLE planning_assignments DROP CONSTRAINT planning_assignments_pkey`.execute(db);
  await sql`ALTER TABLE planning_assignments ALTER COLUMN session_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE planning_assignments ADD CONSTRAINT planning_assignments_one_place CHECK ((session_id IS NULL) <> (opening_id IS NULL))`.execute(db);
  await sql`CREATE UNIQUE INDEX planning_assignments_seat ON planning_assignments (plan_id, version, person_id, (COALESCE(session_id, opening_id)))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM planning_assignments WHERE opening_id IS NOT NULL`.execute(db);
  await sql`DROP INDEX IF EXISTS planning_assignments_seat`.execute(db);
  await sql`ALTER TABLE planning_assignments DROP CONSTRAINT IF EXISTS planning_assignments_one_place`.execute(db);
  await sql`ALTER TABLE planning_assignments ALTER COLUMN session_id SET NOT NULL`.execute(db);
  await sql`ALTER TABLE planning_assignments ADD PRIMARY KEY (plan_id, version, person_id, session_id)`.execute(db);
  await sql`ALTER TABLE planning_assignments DROP COLUMN opening_id`.execute(db);
  await sql`DROP TABLE IF EXISTS planning_openings`.execute(db);
}
