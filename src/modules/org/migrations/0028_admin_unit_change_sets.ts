import { sql, type Kysely } from 'kysely';

// Issue 19: official corrections and dated changes of administrative units, imported as
// change sets. Each set keeps its file's name and digest, who imported it and when;
// each change keeps the unit's state before and after, so the geography's history is readable.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE admin_unit_change_sets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('crosswalk', 'changes')),
      effective_date date NOT NULL,
      legal_basis text NOT NULL,
      file_name text NOT NULL,
      file_sha256 text NOT NULL,
      rows_read int NOT NULL,
      changes int NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now(),
      imported_by uuid
    )`.execute(db);
  await sql`
    CREATE TABLE admin_unit_changes (
      change_set_id uuid NOT NULL REFERENCES admin_unit_change_sets(id),
      position int NOT NULL,
      kind text NOT NULL CHECK (kind IN ('relink', 'rename', 'upgrade', 'merge', 'split')),
      unit_id text NOT NULL REFERENCES admin_units(id),
      effective_date date NOT NULL,
      before jsonb NOT NULL,
      after jsonb NOT NULL,
      PRIMARY KEY (change_set_id, position)
    )`.execute(db);
  await sql`CREATE INDEX admin_unit_changes_unit ON admin_unit_changes (unit_id, effective_date)`.execute(db);

}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS admin_unit_changes`.execute(db);
  await sql`DROP TABLE IF EXISTS admin_unit_change_sets`.execute(db);
}
