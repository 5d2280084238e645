import { PgBoss, fromKysely, type Db as IDatabase, type QueuePolicy } from 'pg-boss';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Db, EngineName } from '../db/engine.js';
import { timeZone } from '../clock.js';

/**
 * Something that runs later or on a schedule. A module exports its
 * definitions from `src/modules/<m>/<m>.jobs.ts`; `src/modules/jobs.ts` lists
 * them all (the platform imports no module).
 */
export interface JobDefinition<Data extends object = Record<string, never>> {
  /** Queue name, `<module>.<what>` (pg-boss allows letters, digits, `-`, `_`, `.`, `/`). */
  name: string;
  /** The work. `db` is the app's own Kysely instance: open a transaction inside if needed, never call back into a caller's one. */
  handler(db: Db, data: Data): Promise<unknown>;
  /** Cron expression (5 fields, or 6 with seconds) in the deployment's TIME_ZONE. */
  schedule?: string;
  /** Retries after the first failure (pg-boss default 2). */
  retryLimit?: number;
  /** Seconds before a retry (doubled each time with retryBackoff). */
  retryDelay?: number;
  retryBackoff?: boolean;
  /**
   * A running job refreshes its claim this often (seconds, ≥ 10); one whose process died stops refreshing
   * and is retried by the next queue to supervise, instead of waiting out pg-boss's 15-minute expiry.
   */
  heartbeatSeconds?: number;
  /** At most one job of this queue active at a time, across every process on the database. */
  singleton?: boolean;
  /** Only on these engines (the embedded engine's vacuum, for one); default both. */
  engines?: EngineName[];
}

/** Any definition, whatever its data type (the list in src/modules/jobs.ts). */
export type AnyJobDefinition = JobDefinition<any>;

export interface JobQueueOptions {
  db: Db;
  /** The pool under `db` (OpenDatabase.pool). */
  pool: { connect(): Promise<pg.PoolClient> };
  engine: EngineName;
  definitions: readonly AnyJobDefinition[];
  /** Where failures of the queue itself go (the app's logger). */
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** How often each worker looks for work, seconds (pg-boss's default 2; tests shorten it). */
  pollingIntervalSeconds?: number;
  /** How often schedules are looked at, seconds (tests shorten it to run a per-second cron). */
  cronIntervalSeconds?: number;
  /** How often active jobs are checked for a lost heartbeat or an expiry, seconds (pg-boss's default 60; tests shorten it). */
  superviseIntervalSeconds?: number;
}

export interface JobQueue {
  /**
   * Queue a job now (or after `startAfter` seconds); null when a singleton key
   * already holds one. With `trx` the job is written in that transaction, so it
   * exists only if the transaction commits (work to do after a commit).
   */
  send(name: string, data?: object, options?: { startAfter?: number; singletonKey?: string; trx?: Kysely<any> }): Promise<string | null>;
  /** pg-boss itself, for what this wrapper does not say (tests). */
  boss: PgBoss;
  /** Stop the workers, waiting up to `timeoutMs` for running jobs; pending jobs stay in the database for the next start. */
  stop(timeoutMs?: number): Promise<void>;
}

/** The schema pg-boss installs and migrates itself in (its start() runs its own migrations). */
export const JOB_SCHEMA = 'pgboss';

/**
 * pg-boss over the app's own pool. It cannot open a pool of its own on the
 * embedded engine (PGlite's socket server takes one connection, the app's);
 * through the pool it waits for that connection like any request, so it never
 * lands inside an application transaction. It reads every result of its
 * multi-statement blocks (BEGIN … RETURNING … COMMIT), which the raw client
 * returns and Kysely's driver would not. A failed block would leave its
 * transaction open on the shared session: it is rolled back before the
 * connection goes back to the pool (as pg-boss's own PGlite adapter does).
 */
function poolDatabase(pool: JobQueueOptions['pool']): IDatabase {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        return await client.query(text, values);
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw err;
      } finally {
        client.release(broken);
      }
    },
  };
}

/** The queue this process started (the server's), for code that has no handle on it: an event handler's after-commit work. */
let running: JobQueue | null = null;

/**
 * Queue a job on the queue this process runs; with `trx`, in that transaction
 * (the job exists only if it commits). Refuses when no queue runs (the CLI,
 * the data-set build): work that must happen later cannot be dropped silently.
 */
export function sendJob(name: string, data?: object, options?: Parameters<JobQueue['send']>[2]): Promise<string | null> {
  if (!running) return Promise.reject(new Error(`no job queue runs in this process to take ${name}`));
  return running.send(name, data, options);
}

/** Whether this process runs a queue (the server does; the CLI, the data-set build and most tests do not): work that may run either later or now asks. */
export function jobQueueRunning(): boolean {
  return running !== null;
}

/** Start pg-boss (creating or migrating its schema), create every queue, its schedule and its worker. */
export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const { db, engine, log } = options;
  const definitions = options.definitions.filter((d) => !d.engines || d.engines.includes(engine));
  const boss = new PgBoss({
    db: poolDatabase(options.pool),
    schema: JOB_SCHEMA,
    backend: engine === 'pglite' ? 'pglite' : 'postgres',
    // The instance registry and OpenTelemetry add statements on every heartbeat that nobody reads here.
    registerInstance: false,
    openTelemetry: { enabled: false },
    // PGlite has no autovacuum (its vacuum is our own job) and one session: no
    // vacuum warnings, and no REINDEX CONCURRENTLY in the middle of requests.
    ...(engine === 'pglite' ? { monitorVacuum: false, reindex: false } : {}),
    ...(options.superviseIntervalSeconds ? { superviseIntervalSeconds: options.superviseIntervalSeconds } : {}),
    ...(options.cronIntervalSeconds ? { cronWorkerIntervalSeconds: options.cronIntervalSeconds, cronMonitorIntervalSeconds: options.cronIntervalSeconds } : {}),
  });
  // Without a listener an 'error' event would end the process.
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (const definition of definitions) {
    const policy: QueuePolicy = definition.singleton ? 'singleton' : 'standard';
    // pg-boss refuses a key present with an undefined value: only the settings the definition gives.
    const retry = Object.fromEntries(
      Object.entries({
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelay,
        retryBackoff: definition.retryBackoff,
        heartbeatSeconds: definition.heartbeatSeconds,
      }).filter(([, value]) => value !== undefined),
    );
    // A queue's policy is fixed at creation; its retry settings follow the definition at every start.
    if (await boss.getQueue(definition.name)) {
      if (Object.keys(retry).length > 0) await boss.updateQueue(definition.name, retry);
    } else await boss.createQueue(definition.name, { policy, ...retry });
    if (definition.schedule) await boss.schedule(definition.name, definition.schedule, null, { tz: timeZone() });
    else await boss.unschedule(definition.name);
    await boss.work<object>(definition.name, { pollingIntervalSeconds }, async (batch) => definition.handler(db, batch[0]?.data ?? {}));
  }
  const queue: JobQueue = {
    boss,
    send: (name, data = {}, { trx, ...sendOptions } = {}) => boss.send(name, data, trx ? { ...sendOptions, db: fromKysely(trx) } : sendOptions),
    async stop(timeoutMs = 10_000) {
      if (running === queue) running = null;
      await boss.stop({ graceful: true, timeout: timeoutMs });
    },
  };
  running = queue;
  return queue;
}
