import { sql, type Kysely } from 'kysely';

// A change that concerns more than one agency (a transfer, an agency move or
// merge, an account moved, an administrator's import) is recorded once, under
// its main agency path, with the other agencies' paths here, so the HR of
// every agency concerned reads it in GET /api/audit (issue 12).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN related_agency_paths text[]`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log DROP COLUMN IF EXISTS related_agency_paths`.execute(db);
}
