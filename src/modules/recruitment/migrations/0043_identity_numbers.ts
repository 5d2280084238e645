import { sql, type Kysely } from 'kysely';

// Issue 17, item 4 (r17c): the citizen identity number (căn cước, 12 digits) on the register and on a candidate,
// so an outsider who signed up is matched to their existing record when appointed instead of becoming a second
// person. Nullable: the register is imported without it today. The candidate's is personal data, erased with them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE people ADD COLUMN identity_number text`.execute(db);
  await sql`CREATE INDEX people_identity_number ON people (identity_number) WHERE identity_number IS NOT NULL`.execute(db);
  // The other match (same date of birth and name): people by date of birth, then the name compared.
  await sql`CREATE INDEX people_date_of_birth ON people (date_of_birth) WHERE date_of_birth IS NOT NULL`.execute(db);
  await sql`ALTER TABLE recruitment_candidates ADD COLUMN identity_number text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE recruitment_candidates DROP COLUMN identity_number`.execute(db);
  await sql`DROP INDEX people_date_of_birth`.execute(db);
  await sql`DROP INDEX people_identity_number`.execute(db);
  await sql`ALTER TABLE people DROP COLUMN identity_number`.execute(db);
}
