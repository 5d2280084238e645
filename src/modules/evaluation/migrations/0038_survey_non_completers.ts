import { sql, type Kysely } from 'kysely';

// Issue 16, item 1: everyone who attended a session may answer its survey, not only those who completed it.
// The invitation says whether the trainee completed; the anonymous sheet keeps only that (no link to the
// invitation), so the aggregate can show non-completers apart when both groups reach the anonymity threshold.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE evaluation_survey_invitations ADD COLUMN completed boolean NOT NULL DEFAULT true`.execute(db);
  await sql`ALTER TABLE evaluation_survey_responses ADD COLUMN completed boolean NOT NULL DEFAULT true`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE evaluation_survey_responses DROP COLUMN IF EXISTS completed`.execute(db);
  await sql`ALTER TABLE evaluation_survey_invitations DROP COLUMN IF EXISTS completed`.execute(db);
}
