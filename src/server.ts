import type { FastifyServerOptions } from 'fastify';
import { buildApp, defaultWebRoot } from './app.js';
import { openDatabase, type EngineName, type PoolTimeouts } from './platform/db/engine.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { seedDemoIfEmpty } from './platform/demo/seed-demo.js';
import { demoSeeders, migrations } from './modules/registry.js';
import { seedDemoAssessments } from './dataset/demo-assessments.js';
import type { AppInstance } from './platform/http/types.js';
import type { LoginLimits } from './platform/auth/login-limits.js';
import { startJobQueue, type JobQueue } from './platform/jobs/job-queue.js';
import { jobDefinitions } from './modules/jobs.js';

export interface StartServerOptions {
  /** PostgreSQL server; when absent the embedded engine is used. */
  databaseUrl?: string;
  /** Embedded engine's directory; undefined for an in-memory database. */
  dataDir?: string;
  /** In-memory embedded engine only: start from this dumped database (the browser tests' template) instead of an empty one. */
  loadDataDir?: string;
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
  /** false: no job queue (a server that only answers requests); default true. */
  jobs?: boolean;
}

export interface RunningServer {
  app: AppInstance;
  url: string;
  engine: EngineName;
  migration: string | null;
  demoLoaded: boolean;
  /** The job queue (reminders, clean-ups, vacuum): src/platform/jobs, definitions in src/modules/jobs.ts. */
  jobs: JobQueue | null;
  close(): Promise<void>;
}

/** Open the database, migrate, load the demo if asked, and listen. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const database = await openDatabase(
    options.databaseUrl
      ? { kind: 'postgres', url: options.databaseUrl, ...options.pool }
      : { kind: 'pglite', dataDir: options.dataDir, loadDataDir: options.loadDataDir, ...options.pool },
  );
  let jobs: JobQueue | null = null;
  try {
    const migration = await migrateToLatest(database.db, migrations);
    const demoLoaded = options.seedDemo === false ? false : await seedDemoIfEmpty(database.db, demoSeeders);
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
    // Everything that runs later or on a schedule; pending jobs wait in the database across restarts.
    jobs =
      options.jobs === false
        ? null
        : await startJobQueue({ db: database.db, pool: database.pool, engine: database.engine, definitions: jobDefinitions, log: app.log });
    const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 3000 });
    return {
      app,
      url: address.replace('[::1]', 'localhost'),
      engine: database.engine,
      migration,
      demoLoaded,
      jobs,
      async close() {
        // Running jobs finish (or are left to be retried) before the database closes under them.
        await jobs?.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    // A refused port after the queue started: its workers would poll a closed database.
    await jobs?.stop();
    await database.close();
    throw err;
  }
}
