import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kysely, PostgresDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { acquireDataDirLock } from './data-dir-lock.js';

export type Db = Kysely<Database>;
export type EngineName = 'pglite' | 'postgres';

export interface OpenDatabase {
  db: Db;
  engine: EngineName;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined: an in-memory database (tests). */
  | { kind: 'pglite'; dataDir?: string; checkpointEveryMs?: number };

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
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && config.startsWith(PREPARED_TAG)) {
      return super.query({ name: config.slice(PREPARED_TAG.length, config.indexOf(' */')), text: config, values }, callback);
    }
    return super.query(config, values, callback);
  }
}
const PREPARED_TAG = '/* prepared: ';

/** The tag that makes the statement it starts a named prepared statement (see PreparingClient). */
export const preparedAs = (name: string): RawBuilder<unknown> => sql.raw(`${PREPARED_TAG}${name} */ `);

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize) : openPglite(target.dataDir, target.checkpointEveryMs);
}

function openPostgres(url: string, poolSize = 10): OpenDatabase {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient });
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string | undefined, checkpointEveryMs = EMBEDDED_CHECKPOINT_MS): Promise<OpenDatabase> {
  const releaseLock = dataDir ? acquireDataDirLock(dataDir) : () => {};
  // A private 0700 directory for the socket: nobody else on the machine can connect.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-db-'));
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined, socketPath },
  });
  try {
    await waitFor(worker, 'ready');
  } catch (err) {
    await worker.terminate();
    fs.rmSync(socketDir, { recursive: true, force: true });
    releaseLock();
    throw err;
  }
  // PGlite is one session: one pooled connection keeps transactions whole.
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1, Client: PreparingClient });
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Through the pool's one connection, so it waits for the connection to be
  // free: a checkpoint never lands inside the application's transaction.
  const checkpoints = setInterval(() => void pool.query('CHECKPOINT').catch(() => undefined), checkpointEveryMs).unref();
  let closed = false;
  return {
    db,
    engine: 'pglite',
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(checkpoints);
      await db.destroy();
      worker.postMessage({ type: 'stop' });
      await waitFor(worker, 'stopped').catch(() => undefined);
      await worker.terminate();
      fs.rmSync(socketDir, { recursive: true, force: true });
      releaseLock();
    },
  };
}

function waitFor(worker: Worker, type: 'ready' | 'stopped'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === type) {
        cleanup();
        resolve();
      } else if (msg.type === 'error') {
        cleanup();
        reject(new Error(`Embedded database failed to start: ${msg.message}`));
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
