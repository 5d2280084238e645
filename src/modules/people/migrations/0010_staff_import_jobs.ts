import { sql, type Kysely } from 'kysely';

// Staff import jobs (issue 12): the wizard's upload lives here, not in the
// process's memory, so four large uploads do not hold a gigabyte for two
// hours, a restart keeps open previews, and both engines behave the same.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE staff_import_jobs (
      id uuid PRIMARY KEY,
      owner_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      -- The owner's agency at upload, for the audit trail and clean-up reports.
      agency_path text NOT NULL,
      file_name text NOT NULL,
      format text,
      -- The uploaded bytes until the job is committed or fails (the per-user cap counts them).
      file bytea,
      file_size integer NOT NULL,
      phase text NOT NULL,
      headers jsonb NOT NULL DEFAULT '[]',
      mapping jsonb NOT NULL DEFAULT '{}',
      valid_rows integer NOT NULL DEFAULT 0,
      -- The first valid rows for the preview.
      preview jsonb NOT NULL DEFAULT '[]',
      -- Every valid row as the commit inserts it (gzip'd JSON, a few MB for 100,000
      -- rows): the commit does not read and validate the file a second time.
      valid_data bytea,
      errors jsonb NOT NULL DEFAULT '[]',
      imported integer NOT NULL DEFAULT 0,
      failure jsonb,
      -- The process running the current phase, and its heartbeat: a job left
      -- half way by a stopped process is picked up again on access.
      runner text,
      updated_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX staff_import_jobs_owner ON staff_import_jobs (owner_user_id)`.execute(db);
  await sql`CREATE INDEX staff_import_jobs_expiry ON staff_import_jobs (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS staff_import_jobs`.execute(db);
}
