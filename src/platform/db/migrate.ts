import { Migrator, sql, type Kysely, type Migration } from 'kysely';

/** `migrations`: every module's, merged by the registry (src/modules/registry.ts). */
export async function migrateToLatest(db: Kysely<any>, migrations: Record<string, Migration>): Promise<string | null> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return currentMigration(db);
}

/** Name of the newest applied migration: the schema version reported by /api/health. */
export async function currentMigration(db: Kysely<any>): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return rows[0]?.name ?? null;
}
