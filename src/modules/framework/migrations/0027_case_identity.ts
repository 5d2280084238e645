import { sql, type Kysely } from 'kysely';

// Issue 19: CASE identifiers, URIs and associations kept as imported (and minted by NangLuc for its own).
// Nullable: rows stored before this migration are named by case-identity.ts's mint, the names they were
// exported and certified with.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE framework_versions
      ADD COLUMN case_identifier text,
      ADD COLUMN case_uri text,
      ADD COLUMN case_language text,
      ADD COLUMN case_creator text,
      -- An agency's extension: the national CFDocument it extends ({identifier, uri, title}).
      ADD COLUMN case_base jsonb`.execute(db);
  for (const table of ['competency_groups', 'competencies']) {
    await sql`
      ALTER TABLE ${sql.table(table)}
        ADD COLUMN case_identifier text,
        ADD COLUMN case_uri text,
        ADD COLUMN case_item_type text`.execute(db);
  }
  // Every association of the package, the tree's isChildOf included (their identifiers and sequence numbers).
  await sql`
    CREATE TABLE framework_associations (
      version_id uuid NOT NULL REFERENCES framework_versions(id) ON DELETE CASCADE,
      position int NOT NULL,
      case_identifier text NOT NULL,
      case_uri text NOT NULL,
      association_type text NOT NULL,
      origin_identifier text NOT NULL,
      origin_uri text NOT NULL,
      origin_title text NOT NULL,
      destination_identifier text NOT NULL,
      destination_uri text NOT NULL,
      destination_title text NOT NULL,
      sequence_number bigint,
      PRIMARY KEY (version_id, position)
    )`.execute(db);
  // The CASE service finds an item of a published version by its identifier.
  await sql`CREATE INDEX competencies_case_identifier ON competencies (case_identifier) WHERE case_identifier IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS framework_associations`.execute(db);
  for (const table of ['competency_groups', 'competencies']) {
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN case_identifier, DROP COLUMN case_uri, DROP COLUMN case_item_type`.execute(db);
  }
  await sql`ALTER TABLE framework_versions DROP COLUMN case_identifier, DROP COLUMN case_uri, DROP COLUMN case_language, DROP COLUMN case_creator, DROP COLUMN case_base`.execute(db);
}
