import { sql } from 'kysely';
import type { Db, EngineName } from '../db/engine.js';

export interface DatabaseDetails {
  engine: EngineName;
  /** pg_database_size of the current database, bytes. */
  sizeBytes: number;
  migrationCount: number;
  latestMigration: string | null;
  latestMigrationAt: string | null;
}

/** What the national administrator sees of the database; nobody else (issue 18, item 9). */
export async function databaseDetails(db: Db, engine: EngineName): Promise<DatabaseDetails> {
  const { rows } = await sql<{ size: string; count: number; latest: string | null; latestAt: Date | string | null }>`
    SELECT pg_database_size(current_database())::text AS size,
      (SELECT count(*)::int FROM kysely_migration) AS count,
      (SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1) AS latest,
      (SELECT timestamp FROM kysely_migration ORDER BY name DESC LIMIT 1) AS "latestAt"`.execute(db);
  const row = rows[0]!;
  return {
    engine,
    sizeBytes: Number(row.size),
    migrationCount: row.count,
    latestMigration: row.latest,
    latestMigrationAt: row.latestAt === null ? null : new Date(row.latestAt).toISOString(),
  };
}
