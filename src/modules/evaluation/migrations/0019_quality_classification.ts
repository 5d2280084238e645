import { sql, type Kysely } from 'kysely';

// Issue 16, item 4: each civil servant's annual quality classification (Decree 335/2025/NĐ-CP from 2026;
// earlier years' four levels of Decree 90/2020/NĐ-CP imported).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluation_quality_records (
      person_id uuid NOT NULL REFERENCES people(id),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      -- The person's agency for that year: the quota and the scope are the agency's.
      agency_id uuid NOT NULL REFERENCES agencies(id),
      basis text NOT NULL CHECK (basis IN ('decree_335_2025', 'decree_90_2020')),
      -- [{ period: '2026-03' | '2026-Q1', general: 0–30, tasks: 0–70 }]
      periods jsonb NOT NULL DEFAULT '[]',
      score numeric(4, 1) CHECK (score BETWEEN 0 AND 100),
      disqualified boolean NOT NULL DEFAULT false,
      disqualifying_reason text NOT NULL DEFAULT '',
      level text NOT NULL CHECK (level IN ('excellent', 'good', 'completed', 'not_completed')),
      recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (person_id, year)
    )`.execute(db);
  await sql`CREATE INDEX evaluation_quality_records_agency ON evaluation_quality_records (agency_id, year)`.execute(db);

  // An agency's year once its head has signed the classification: the quota held then, and nothing changes after.
  await sql`
    CREATE TABLE evaluation_quality_years (
      agency_id uuid NOT NULL REFERENCES agencies(id),
      year int NOT NULL,
      finalized_by uuid REFERENCES users(id) ON DELETE SET NULL,
      finalized_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, year)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS evaluation_quality_years`.execute(db);
  await sql`DROP TABLE IF EXISTS evaluation_quality_records`.execute(db);
}
