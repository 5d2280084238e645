import type { FastifyServerOptions } from 'fastify';
import { buildApp, defaultWebRoot } from './app.js';
import { openDatabase, type EngineName, type PoolTimeouts } from './platform/db/engine.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { seedDemoIfEmpty } from './platform/demo/seed-demo.js';
import { seedDemoAssessments } from './dataset/demo-assessments.js';
import type { AppInstance } from './platform/http/types.js';
import { vacuumNeedsSummaries } from './modules/needs/summaries.js';
import { scheduleAuthCleanup } from './platform/auth/auth-cleanup.js';
import type { LoginLimits } from './platform/auth/login-limits.js';
import { deleteExpiredImportJobs } from './modules/people/import/staff-import.jobs.js';

/** How often expired staff import jobs (and their uploaded files) are deleted. */
const IMPORT_CLEAN_UP_MS = 10 * 60 * 1000;
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
  /** Reverse proxies in front (true: one); see AppConfig.trustProxy. */
  trustProxy?: boolean | number;
  loginLimits?: LoginLimits;
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
      loginLimits: options.loginLimits,
      webRoot: options.webRoot ?? defaultWebRoot,
    });
    // Connection trouble (a restart of the server, the embedded thread's end) goes to the app's log.
    database.setLogger(app.log);
    const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 3000 });
    const vacuum =
      database.engine === 'pglite'
        ? setInterval(() => void vacuumNeedsSummaries(database.db, 'province').catch((err: unknown) => app.log.warn({ err }, 'vacuum of the needs summaries failed')), EMBEDDED_VACUUM_MS).unref()
        : undefined;
    const stopAuthCleanup = scheduleAuthCleanup(database.db, (err) => app.log.warn({ err }, 'clean-up of expired sessions and sign-in counters failed'));
    // Expired staff import jobs go with their files even when nobody uploads again.
    const importCleanUp = setInterval(() => void deleteExpiredImportJobs(database.db).catch((err: unknown) => app.log.warn({ err }, 'clean-up of expired import jobs failed')), IMPORT_CLEAN_UP_MS).unref();
    return {
      app,
      url: address.replace('[::1]', 'localhost'),
      engine: database.engine,
      migration,
      demoLoaded,
      async close() {
        clearInterval(vacuum);
        stopAuthCleanup();
        clearInterval(importCleanUp);
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
