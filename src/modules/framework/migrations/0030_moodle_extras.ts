import { sql, type Kysely } from 'kysely';

// Issue 19: what a Moodle CSV carried beyond NangLuc's model (export ids, taxonomy per depth, the scale's
// id/default/proficient levels: document.ts MoodleExtras), and the names of an imported CASE package's
// rubrics, criteria and criterion levels, so that both survive the database and re-export as they came.
// Nullable: a framework not imported from Moodle, or whose rubric names are NangLuc's own, has none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE framework_versions ADD COLUMN moodle_extras jsonb, ADD COLUMN case_rubrics jsonb`.execute(db);
  await sql`ALTER TABLE competencies ADD COLUMN case_criterion jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE competencies DROP COLUMN case_criterion`.execute(db);
  await sql`ALTER TABLE framework_versions DROP COLUMN moodle_extras, DROP COLUMN case_rubrics`.execute(db);
}
