import { sql, type Kysely } from 'kysely';

// Failed sign-in counters, kept in the database so a restart (or a second
// process on the same server database) does not hand an attacker a fresh
// allowance. One row per counter: kind ('account' or 'address') and its key,
// a fixed window that ends at window_end, and the attempts counted in it.
// Rows whose window has ended carry no information and are pruned on a timer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE login_attempts (
      kind text NOT NULL CHECK (kind IN ('account', 'address')),
      key text NOT NULL,
      count integer NOT NULL,
      window_end timestamptz NOT NULL,
      PRIMARY KEY (kind, key)
    )`.execute(db);
  await sql`CREATE INDEX login_attempts_window_end ON login_attempts (window_end)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS login_attempts`.execute(db);
}
