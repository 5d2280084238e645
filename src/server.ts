import type { FastifyServerOptions } from 'fastify';
import { buildApp, defaultWebRoot } from './app.js';
import { openDatabase, type EngineName, type PoolTimeouts } from './platform/db/engine.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { seedDemoIfEmpty } from './platform/demo/seed-demo.js';
import { seedDemoAssessments } from './dataset/demo-assessments.js';
import type { AppInstance } from './platform/http/types.js';
import { vacuumNeedsSummaries } from './modules/needs/summaries.js';

/** How often the embedded engine's busiest summary rows are vacuumed (it has no autovacuum). */
const EMBEDDED_VACUUM_MS = 10 * 60_000;

export interface StartServerOptions {
  /** PostgreSQL server; when absent the embedded engine is used. */
  databaseUrl?: string;
  /** Embedded engine's directory; undefined for an in-memory database. */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  seedDemo?: boolean;
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  trustProxy?: boolean;
  webRoot?: string;
  /** Pool timeouts (tests shorten them to exercise reconnection; see PoolTimeouts). */
  pool?: PoolTimeouts;
}

export interface RunningServer {
  app: AppInstance;
  url: string;
  engine: EngineName;
  migration: string | null;
  demoLoaded: boolean;
  close(): Promise<void>;
}

/** Open the database, migrate, load the demo if asked, and listen. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const database = await openDatabase(
    options.databaseUrl ? { kind: 'postgres', url: options.databaseUrl, ...options.pool } : { kind: 'pglite', dataDir: options.dataDir, ...options.pool },
  );
  try {
    const migration = await migrateToLatest(database.db);
    const demoLoaded = options.seedDemo === false ? false : await seedDemoIfEmpty(database.db);
    // Assessment history for the demo staff, so the first start shows real dashboards.
    if (demoLoaded) await seedDemoAssessments(database.db);
    const app = await buildApp({
      db: database.db,
      engine: database.engine,
      logger: options.logger,
      secureCookies: options.secureCookies,
      trustProxy: options.trustProxy,
      webRoot: options.webRoot ?? defaultWebRoot,
    });
    // Connection trouble (a restart of the server, the embedded thread's end) goes to the app's log.
    database.setLogger(app.log);
    const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 3000 });
    const vacuum =
      database.engine === 'pglite'
        ? setInterval(() => void vacuumNeedsSummaries(database.db, 'province').catch((err: unknown) => app.log.warn({ err }, 'vacuum of the needs summaries failed')), EMBEDDED_VACUUM_MS).unref()
        : undefined;
    return {
      app,
      url: address.replace('[::1]', 'localhost'),
      engine: database.engine,
      migration,
      demoLoaded,
      async close() {
        clearInterval(vacuum);
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
