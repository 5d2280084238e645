import { sql, type Kysely } from 'kysely';

// Issue 14, sessions: a per-person calendar feed a calendar app subscribes to without a cookie.
// Only the token's SHA-256 is kept: a leaked database row does not open anyone's calendar,
// and renewing the link replaces the hash (the old URL stops working at once).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE training_calendar_feeds (
      person_id uuid PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS training_calendar_feeds`.execute(db);
}
