import { sql, type Kysely } from 'kysely';

// Platform tables (accounts, sessions, audit) and the base of the org and
// people modules that every other module scopes by.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agencies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      name_en text,
      kind text NOT NULL,
      parent_id uuid REFERENCES agencies(id),
      -- Materialised path of ids ('/root/child/'): a subtree is one prefix match.
      path text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agencies_path_prefix ON agencies (path text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX agencies_parent ON agencies (parent_id)`.execute(db);

  await sql`
    CREATE TABLE people (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_code text NOT NULL UNIQUE,
      full_name text NOT NULL,
      -- Lower-case, accent-folded name for search without diacritics.
      search_name text NOT NULL,
      date_of_birth date,
      gender text CHECK (gender IN ('male', 'female', 'other')),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      position_id uuid,
      role_category text CHECK (role_category IN ('leader', 'manager', 'professional', 'support')),
      rank text,
      email text,
      phone text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'transferred', 'retired')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX people_agency ON people (agency_id)`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert', 'trainer')),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      person_id uuid REFERENCES people(id),
      active boolean NOT NULL DEFAULT true,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE sessions (
      -- SHA-256 of the cookie token: a leaked table does not yield live sessions.
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      actor_name text NOT NULL,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text NOT NULL,
      -- Agency path of the changed object, so HR officers read their subtree's trail.
      agency_path text,
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`CREATE INDEX audit_log_scope ON audit_log (agency_path text_pattern_ops, at DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'sessions', 'users', 'people', 'agencies']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
