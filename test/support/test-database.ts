import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type OpenDatabase, type PoolTimeouts } from '../../src/platform/db/engine.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { migrations } from '../../src/modules/registry.js';
import { pgliteTemplate, postgresTemplate, templatesEnabled, type TemplateKind } from './database-templates.js';

export interface TestDatabaseOptions {
  /** Pool timeouts, shortened by the tests of idle and lost connections. */
  pool?: PoolTimeouts;
  /** A server other than DATABASE_URL's (the throwaway cluster of the fault tests). */
  serverUrl?: string;
  /**
   * What the database holds when it opens: migrated (default), or migrated
   * with the demo loaded (createTestApp's default). Both come from the run's
   * template (test/support/database-templates.ts) on DATABASE_URL's server or
   * the embedded engine; on another server the database is migrated here and
   * a 'demo' caller seeds it itself (seedDemoIfEmpty loads only into an empty one).
   */
  contents?: TemplateKind;
}

/**
 * A fresh, migrated database for one test file: an in-memory embedded engine,
 * or, when DATABASE_URL is set, a new database on that server (dropped at close).
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<OpenDatabase> {
  const serverUrl = options.serverUrl ?? process.env.DATABASE_URL;
  // The fault tests' throwaway cluster has no templates: it is migrated as before.
  const template = templatesEnabled() && !options.serverUrl ? (options.contents ?? 'migrated') : undefined;
  if (!serverUrl) {
    if (template) return openDatabase({ kind: 'pglite', loadDataDir: await pgliteTemplate(template), ...options.pool });
    const database = await openDatabase({ kind: 'pglite', ...options.pool });
    await migrateToLatest(database.db, migrations);
    return database;
  }
  const scratch = await createScratchDatabase(serverUrl, 'nangluc_test', template && (await postgresTemplate(serverUrl, template)));
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4, ...options.pool });
  if (!template) await migrateToLatest(database.db, migrations);
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * A new database on a server (tests, benchmarks), empty or a copy of `template`,
 * and how to drop it once its pools are closed.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string, template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdminClient(serverUrl, async (client) => {
        // Wait for the pool's sessions to finish closing: forcing them off would hand a
        // client that is still ending a "terminating connection" error nobody listens to.
        for (let i = 0; i < 50; i++) {
          const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

async function withAdminClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
