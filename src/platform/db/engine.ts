import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kysely, PostgresDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { AppError } from '../errors.js';

export type Db = Kysely<Database>;
export type EngineName = 'pglite' | 'postgres';

/** Where the engine reports connection trouble (a Fastify/pino logger fits). */
export interface DbLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OpenDatabase {
  db: Db;
  engine: EngineName;
  close(): Promise<void>;
  /** The server points this at its own logger once the app is built; until then the console. */
  setLogger(logger: DbLogger): void;
  /** The embedded engine's thread: for diagnostics, and for tests that play its crash. */
  worker?: Worker;
  /**
   * Embedded engine only: write the whole database as a tarball that
   * `loadDataDir` opens again (the test suite's template database). Call it
   * with no request running.
   */
  dumpDataDir?(file: string): Promise<void>;
  /**
   * The pool under `db`, for the job queue (src/platform/jobs): pg-boss sends
   * multi-statement blocks whose every result it reads, which Kysely's driver
   * drops. Same pool, so on the embedded engine it shares the one connection.
   */
  pool: { connect(): Promise<pg.PoolClient> };
}

export interface PoolTimeouts {
  /**
   * How long an unused pooled connection stays open. PostgreSQL: pg's 10 s by
   * default. Embedded: 0 (never) by default, as the one connection is the only
   * way to the PGlite session; tests shorten it to exercise reconnection.
   */
  idleTimeoutMillis?: number;
  /** How long opening one connection may take before the request answers 503 (PostgreSQL; default 10 s). */
  connectTimeoutMillis?: number;
}

export type DatabaseTarget =
  | ({ kind: 'postgres'; url: string; poolSize?: number } & PoolTimeouts)
  /**
   * dataDir undefined: an in-memory database (tests). loadDataDir: a tarball
   * from dumpDataDir that the in-memory database starts as, instead of an
   * empty cluster (initdb takes the embedded engine seconds).
   */
  | ({ kind: 'pglite'; dataDir?: string; loadDataDir?: string; checkpointEveryMs?: number } & PoolTimeouts);

/** Until the server hands over its logger: one line, not the driver's whole error object. */
const oneLine = (obj: object, msg: string) => {
  const err = (obj as { err?: { message?: string; code?: string } }).err;
  return err ? `${msg}: ${err.code ? `${err.code} ` : ''}${err.message}` : `${msg} ${JSON.stringify(obj)}`;
};
const consoleLogger: DbLogger = {
  warn: (obj, msg) => console.warn(oneLine(obj, msg)),
  error: (obj, msg) => console.error(oneLine(obj, msg)),
};

/**
 * PGlite runs PostgreSQL as a single-user backend: no checkpointer process, so
 * nothing recycles the write-ahead log until the database closes. Measured on
 * the national data set build: 23 GB of WAL beside 15 GB of data after one
 * cycle. The engine therefore checkpoints itself this often.
 */
const EMBEDDED_CHECKPOINT_MS = 5 * 60_000;

// Both engines answer through node-postgres, so the same parsers give identical
// results: dates stay ISO strings (no time-zone shift), numerics become numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/**
 * A statement that starts with `/* prepared: <name> *\/` is parsed once per
 * connection as a named prepared statement instead of on every call: for the
 * few large statements on a hot path (the training-needs delta of every
 * consolidation), where parsing and planning cost more than running. The text
 * under one name must never change; its parameters may.
 */
class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg-pool listens for a client's 'error' only while the client is idle; a
    // connection lost while a request holds it (server restart, terminated
    // backend, the embedded thread gone) would otherwise emit an unhandled
    // 'error' and end the process. The request's own query fails with the same
    // error (answered 503), and the pool discards the client when it is released.
    this.on('error', () => undefined);
  }

  /* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument --
     pg's query() has a dozen overloads: this override takes and forwards them all untyped. */
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && config.startsWith(PREPARED_TAG)) {
      return super.query({ name: config.slice(PREPARED_TAG.length, config.indexOf(' */')), text: config, values }, callback);
    }
    return super.query(config, values, callback);
  }
  /* eslint-enable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument */
}
const PREPARED_TAG = '/* prepared: ';

/** The tag that makes the statement it starts a named prepared statement (see PreparingClient). */
export const preparedAs = (name: string): RawBuilder<unknown> => sql.raw(`${PREPARED_TAG}${name} */ `);

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  return target.kind === 'postgres' ? openPostgres(target) : openPglite(target);
}

/** A client class whose connection attempt gives up after `ms` (pg's own option; the pool's would also time out waiting for a free slot under load). */
function clientWithConnectTimeout(ms: number): typeof PreparingClient {
  return class extends PreparingClient {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === 'object' ? config : { connectionString: config }), connectionTimeoutMillis: ms });
    }
  };
}

function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): OpenDatabase {
  let log = consoleLogger;
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    idleTimeoutMillis: target.idleTimeoutMillis ?? 10_000,
    // Dead peers (a server host gone without a FIN) are noticed instead of waited on forever.
    keepAlive: true,
    Client: clientWithConnectTimeout(target.connectTimeoutMillis ?? 10_000),
  });
  // An idle connection broken by a server restart or pg_terminate_backend (57P01):
  // pg-pool has already dropped it and emits the error here; without a listener
  // it would end the process. The next request opens a fresh connection.
  pool.on('error', (err) => log.warn({ err }, 'database connection lost; the pool will reconnect'));
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    pool,
    close: () => db.destroy(),
    setLogger(logger) {
      log = logger;
    },
  };
}

async function openPglite(target: Extract<DatabaseTarget, { kind: 'pglite' }>): Promise<OpenDatabase> {
  const { dataDir, loadDataDir, checkpointEveryMs = EMBEDDED_CHECKPOINT_MS } = target;
  if (dataDir && loadDataDir) throw new Error('loadDataDir opens an in-memory database: give no dataDir with it');
  let log = consoleLogger;
  const releaseLock = dataDir ? acquireDataDirLock(dataDir) : () => {};
  // A private 0700 directory for the socket: nobody else on the machine can connect.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-db-'));
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined, loadDataDir, socketPath },
  });
  try {
    await waitFor(worker, 'ready');
  } catch (err) {
    await worker.terminate();
    fs.rmSync(socketDir, { recursive: true, force: true });
    releaseLock();
    throw err;
  }
  // The thread's end after start-up (a WebAssembly abort, an uncaught error):
  // without these listeners a worker 'error' would end the process, and
  // requests would wait on a socket nobody serves. From then on every request
  // answers 503 at once, and the log says why.
  let stopped: { reason: string } | undefined;
  let closed = false;
  worker.on('error', (err) => {
    stopped ??= { reason: String(err?.message ?? err) };
    log.error({ err }, 'the embedded database thread failed; requests answer 503 until NangLuc is restarted');
  });
  worker.on('exit', (code) => {
    if (closed) return;
    stopped ??= { reason: `exited with code ${code}` };
    log.error({ code }, 'the embedded database thread stopped; requests answer 503 until NangLuc is restarted');
  });
  // PGlite is one session: one pooled connection keeps transactions whole.
  // It is never closed for being idle (idleTimeoutMillis 0 by default): the
  // next connection would meet the same session, not a fresh one.
  const pool = new pg.Pool({
    host: socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: target.idleTimeoutMillis ?? 0,
    Client: PreparingClient,
  });
  pool.on('error', (err) => log.warn({ err }, 'embedded database connection lost; the pool will reconnect'));
  // Should the connection still be replaced (a broken socket, or a configured
  // idle timeout), the new one meets the old session with its named prepared
  // statements (PreparingClient), which the new client does not know it has:
  // its first prepare would fail with "already exists". DISCARD ALL resets the
  // session as a pooler does between clients; queued first on the client, it
  // runs before any query of the request. (An open transaction of the old
  // connection is rolled back by pglite-socket when its socket closes.)
  pool.on('connect', (client) => {
    client.query('DISCARD ALL').catch((err: unknown) => log.warn({ err }, 'resetting the embedded database session failed'));
  });
  const guardedPool = {
    connect: () => {
      if (stopped) return Promise.reject(new AppError('database_unavailable', 503, { engine: 'pglite', reason: stopped.reason }));
      return pool.connect();
    },
    end: () => pool.end(),
  };
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardedPool }) });
  // Through the pool's one connection, so it waits for the connection to be
  // free: a checkpoint never lands inside the application's transaction.
  // A timer of the engine, not a job: the data-set build and the CLI, which
  // write most of the WAL, open the engine without starting the job queue.
  const checkpoints = setInterval(() => void (stopped ? undefined : pool.query('CHECKPOINT').catch(() => undefined)), checkpointEveryMs).unref();
  return {
    db,
    engine: 'pglite',
    worker,
    pool: guardedPool,
    setLogger(logger) {
      log = logger;
    },
    async dumpDataDir(file) {
      // A checkpoint first: the copy then opens without replaying the log.
      await pool.query('CHECKPOINT');
      const done = waitFor(worker, 'dumped');
      worker.postMessage({ type: 'dump', file });
      await done;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(checkpoints);
      await db.destroy();
      // A thread that has already ended would never answer 'stopped'.
      if (!stopped) {
        worker.postMessage({ type: 'stop' });
        await waitFor(worker, 'stopped').catch(() => undefined);
      }
      await worker.terminate();
      fs.rmSync(socketDir, { recursive: true, force: true });
      releaseLock();
    },
  };
}

function waitFor(worker: Worker, type: 'ready' | 'stopped' | 'dumped'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === type) {
        cleanup();
        resolve();
      } else if (msg.type === 'error') {
        cleanup();
        reject(new Error(`Embedded database failed to start: ${msg.message}`));
      } else if (msg.type === 'dump-failed' && type === 'dumped') {
        cleanup();
        reject(new Error(`Embedded database dump failed: ${msg.message}`));
      }
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onExit = (code: number) => {
      cleanup();
      if (type === 'stopped') resolve();
      else reject(new Error(`Embedded database worker exited with code ${code}`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
