import { sql, type Kysely } from 'kysely';

// A first password handed out on paper or by e-mail (issue 18) has been read
// by someone other than its owner: the owner replaces it at first sign-in.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN password_must_change boolean NOT NULL DEFAULT false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users DROP COLUMN IF EXISTS password_must_change`.execute(db);
}
