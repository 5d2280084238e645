import { sql, type Kysely } from 'kysely';

// Issue 15: the agency's annual training plan — its inputs, each solve's progress, the versions kept, their seats.
export async function up(db: Kysely<unknown>): Promise<void> {
  // inputs: the planning inputs as HR stated them (sessions, limits, exclusions, mandatory seats, priorities), checked by planning.schema.ts.
  await sql`
    CREATE TABLE planning_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      year int NOT NULL,
      name text NOT NULL,
      budget bigint NOT NULL CHECK (budget >= 0),
      inputs jsonb NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
      approved_version int,
      approved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      approved_at timestamptz,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX planning_plans_agency ON planning_plans (agency_id, year)`.execute(db);

  // One solve: the job writes its progress here (the page polls it); cancel_requested is how the page stops it.
  await sql`
    CREATE TABLE planning_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES planning_plans(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
      phase text,
      incumbent float8,
      bound float8,
      gap float8,
      cancel_requested boolean NOT NULL DEFAULT false,
      error jsonb,
      version int,
      requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX planning_runs_plan ON planning_runs (plan_id, created_at)`.execute(db);

  // Every version is kept: the solver's, each hand edit, each import. summary holds the figures and the explanation's totals.
  await sql`
    CREATE TABLE planning_versions (
      plan_id uuid NOT NULL REFERENCES planning_plans(id) ON DELETE CASCADE,
      number int NOT NULL,
      source text NOT NULL CHECK (source IN ('solver', 'edit', 'import')),
      method text,
      benefit float8 NOT NULL,
      cost bigint NOT NULL,
      bound float8,
      greedy_benefit float8,
      summary jsonb NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (plan_id, number)
    )`.execute(db);

  // A version's seats. agency_id is the person's agency (the distribution key of large tables).
  await sql`
    CREATE TABLE planning_assignments (
      plan_id uuid NOT NULL,
      version int NOT NULL,
      person_id uuid NOT NULL REFERENCES people(id),
      session_id uuid NOT NULL REFERENCES training_sessions(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      PRIMARY KEY (plan_id, version, person_id, session_id),
      FOREIGN KEY (plan_id, version) REFERENCES planning_versions(plan_id, number) ON DELETE CASCADE
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS planning_assignments`.execute(db);
  await sql`DROP TABLE IF EXISTS planning_versions`.execute(db);
  await sql`DROP TABLE IF EXISTS planning_runs`.execute(db);
  await sql`DROP TABLE IF EXISTS planning_plans`.execute(db);
}
