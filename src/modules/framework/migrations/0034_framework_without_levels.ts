import { sql, type Kysely } from 'kysely';

// Issue 19: a CASE package without rubrics may be imported as a draft without levels
// (import-choices.ts); publishing refuses it until levels are added (framework.service.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE framework_versions DROP CONSTRAINT IF EXISTS framework_versions_level_count_check`.execute(db);
  await sql`ALTER TABLE framework_versions ADD CONSTRAINT framework_versions_level_count_check
    CHECK (level_count = 0 OR level_count BETWEEN 2 AND 8)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE framework_versions DROP CONSTRAINT framework_versions_level_count_check`.execute(db);
  await sql`ALTER TABLE framework_versions ADD CONSTRAINT framework_versions_level_count_check CHECK (level_count BETWEEN 2 AND 8)`.execute(db);
}
