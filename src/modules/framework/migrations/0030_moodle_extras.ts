import { sql, type Kysely } from 'kysely';

// Issue 19: what a Moodle CSV carried beyond NangLuc's model (export ids, taxonomy per depth, the scale's
// id/default/proficient levels: document.ts MoodleExtras), so that it survives the database and re-exports
// as it came. Nullable: a framework not imported from Moodle has none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE framework_versions ADD COLUMN moodle_extras jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE framework_versions DROP COLUMN moodle_extras`.execute(db);
}
