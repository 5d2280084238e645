import { sql, type Kysely } from 'kysely';

// The finest summary grain gets a key, so a consolidation can add and subtract
// one person's contribution by upsert instead of rebuilding the agency's rows.
// A blank position is one key value, not many (NULLS NOT DISTINCT).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX needs_summary_cycle_agency`.execute(db);
  await sql`
    CREATE UNIQUE INDEX needs_summary_key ON needs_summary (cycle_id, agency_id, position_id, role_category, competency_id)
    NULLS NOT DISTINCT`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX needs_summary_key`.execute(db);
  await sql`CREATE INDEX needs_summary_cycle_agency ON needs_summary (cycle_id, agency_id)`.execute(db);
}
