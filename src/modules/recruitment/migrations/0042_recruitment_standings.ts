import { sql, type Kysely } from 'kysely';

// Issue 17, item 4 (r17c): each application's standing — its consolidated stage levels scored against the
// position's profile — written in the transaction that changes its evidence (a sheet submitted or reopened, a test
// scored, a conflict declared, the campaign's stages reweighted), so ranking 5,000 candidates (≤ 200 ms) is one
// indexed read and a sort instead of consolidating ~120,000 ratings at every read. `basis` names the stages and
// profile the row was scored on: a row on another basis (a profile edited in org) is scored again when read.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE recruitment_standings (
      application_id uuid PRIMARY KEY REFERENCES recruitment_applications(id) ON DELETE CASCADE,
      campaign_id uuid NOT NULL REFERENCES recruitment_campaigns(id) ON DELETE CASCADE,
      basis text NOT NULL,
      fit double precision NOT NULL,
      digital_fit double precision NOT NULL,
      -- Packed text, not jsonb: 5,000 rows cross from the embedded engine's thread, and parsing JSON objects of
      -- them took most of the read. The shortfalls are the fit rule's again on the levels (fit-score.ts).
      stage_fits text NOT NULL,
      levels text NOT NULL,
      disagreements int NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX recruitment_standings_campaign ON recruitment_standings (campaign_id)`.execute(db);
  // Scoring one application again at each submit reads its test by the application, not the campaign's 5,000.
  await sql`CREATE INDEX recruitment_test_results_application ON recruitment_test_results (application_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX recruitment_test_results_application`.execute(db);
  await sql`DROP TABLE recruitment_standings`.execute(db);
}
