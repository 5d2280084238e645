import { sql, type Kysely } from 'kysely';

// The finest summary grain gets a key, so a consolidation can add and subtract
// one person's contribution by upsert instead of rebuilding the agency's rows.
// A blank position is one key value, not many: the key reads it as the nil
// uuid (PostgreSQL 14 has no NULLS NOT DISTINCT; DESIGN.md keeps us on 14).
export const BLANK_POSITION = '00000000-0000-0000-0000-000000000000';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX needs_summary_cycle_agency`.execute(db);
  await sql`
    CREATE UNIQUE INDEX needs_summary_key
    ON needs_summary (cycle_id, agency_id, (COALESCE(position_id, ${sql.lit(BLANK_POSITION)}::uuid)), role_category, competency_id)`.execute(db);
  // Deltas rewrite rows in place: room on each page lets the new row version
  // stay there (a HOT update) instead of adding an entry to every index.
  for (const table of SUMMARY_TABLES) await sql`ALTER TABLE ${sql.table(table)} SET (fillfactor = 70)`.execute(db);
}

const SUMMARY_TABLES = ['needs_summary', 'needs_summary_agency', 'needs_summary_province', 'needs_summary_people'];

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of SUMMARY_TABLES) await sql`ALTER TABLE ${sql.table(table)} RESET (fillfactor)`.execute(db);
  await sql`DROP INDEX needs_summary_key`.execute(db);
  await sql`CREATE INDEX needs_summary_cycle_agency ON needs_summary (cycle_id, agency_id)`.execute(db);
}
