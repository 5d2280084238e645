import { sql, type Kysely } from 'kysely';

// Issue 4: administrative units across the 2025 reorganisation, agency history,
// and the staff register beyond the base `people` table of 0001 (extended, not rewritten).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE admin_units (
      -- era + tier + official code ('pre2025-C00004'): official codes are reused across eras.
      id text PRIMARY KEY,
      code text NOT NULL,
      tier text NOT NULL CHECK (tier IN ('province', 'district', 'commune')),
      era text NOT NULL,
      kind text NOT NULL,
      name text NOT NULL,
      full_name text NOT NULL,
      name_en text,
      full_name_en text,
      search_name text NOT NULL,
      parent_id text REFERENCES admin_units(id),
      province_id text NOT NULL,
      -- Half-open validity [valid_from, valid_to); NULL valid_from = before any record we hold.
      valid_from date,
      valid_to date,
      -- Precomputed roll-up into today's geography, so reports join instead of walking the graph.
      current_unit_id text,
      current_province_id text
    )`.execute(db);
  await sql`CREATE INDEX admin_units_code ON admin_units (code, tier)`.execute(db);
  await sql`CREATE INDEX admin_units_parent ON admin_units (parent_id)`.execute(db);
  await sql`CREATE INDEX admin_units_province ON admin_units (province_id)`.execute(db);

  await sql`
    CREATE TABLE admin_unit_events (
      id text PRIMARY KEY,
      effective_date date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'continue', 'abolish')),
      legal_basis text NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE admin_unit_links (
      event_id text NOT NULL REFERENCES admin_unit_events(id) ON DELETE CASCADE,
      predecessor_id text NOT NULL REFERENCES admin_units(id),
      successor_id text NOT NULL REFERENCES admin_units(id),
      PRIMARY KEY (predecessor_id, successor_id)
    )`.execute(db);
  await sql`CREATE INDEX admin_unit_links_successor ON admin_unit_links (successor_id)`.execute(db);

  // Agencies: tied to a unit, valid between dates, merged into a successor; history kept.
  await sql`ALTER TABLE agencies ADD COLUMN admin_unit_id text REFERENCES admin_units(id)`.execute(db);
  await sql`ALTER TABLE agencies ADD COLUMN valid_from date`.execute(db);
  await sql`ALTER TABLE agencies ADD COLUMN valid_to date`.execute(db);
  await sql`ALTER TABLE agencies ADD COLUMN successor_id uuid REFERENCES agencies(id)`.execute(db);
  await sql`
    CREATE TABLE agency_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      kind text NOT NULL CHECK (kind IN ('created', 'moved', 'merged', 'renamed', 'unit_changed', 'dissolved')),
      effective_date date NOT NULL,
      from_parent_id uuid,
      to_parent_id uuid,
      from_name text,
      to_name text,
      from_admin_unit_id text,
      to_admin_unit_id text,
      merged_into_id uuid,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by uuid
    )`.execute(db);
  await sql`CREATE INDEX agency_history_agency ON agency_history (agency_id, effective_date)`.execute(db);

  // Staff register: Vietnamese sort key (given name first; compared bytewise with COLLATE "C").
  await sql`ALTER TABLE people ADD COLUMN name_sort_key text`.execute(db);
  await sql`CREATE INDEX people_name_sort ON people ((name_sort_key COLLATE "C"), staff_code)`.execute(db);

  await sql`
    CREATE TABLE person_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      position_id uuid,
      -- The agency's unit on that date, kept so a 2024 record still names the 2024 unit.
      admin_unit_id text REFERENCES admin_units(id),
      role_category text,
      rank text,
      status text NOT NULL DEFAULT 'active',
      valid_from date NOT NULL,
      valid_to date,
      reason text NOT NULL CHECK (reason IN ('hired', 'import', 'transfer', 'status_change', 'reorganisation', 'correction')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX person_assignments_person ON person_assignments (person_id, valid_from)`.execute(db);
  await sql`CREATE INDEX person_assignments_agency ON person_assignments (agency_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS person_assignments`.execute(db);
  await sql`DROP INDEX IF EXISTS people_name_sort`.execute(db);
  await sql`ALTER TABLE people DROP COLUMN IF EXISTS name_sort_key`.execute(db);
  await sql`DROP TABLE IF EXISTS agency_history`.execute(db);
  for (const column of ['successor_id', 'valid_to', 'valid_from', 'admin_unit_id']) {
    await sql`ALTER TABLE agencies DROP COLUMN IF EXISTS ${sql.ref(column)}`.execute(db);
  }
  for (const table of ['admin_unit_links', 'admin_unit_events', 'admin_units']) await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
}
