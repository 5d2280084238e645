import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createScratchDatabase } from '../support/test-database.js';
import { openDatabase, type OpenDatabase } from '../../src/platform/db/engine.js';
import { sendJob, startJobQueue, type AnyJobDefinition, type JobQueue } from '../../src/platform/jobs/job-queue.js';
import { jobDefinitions } from '../../src/modules/jobs.js';
import { startServer } from '../../src/server.js';

// The job queue (pg-boss over the app's own pool) on the engine DATABASE_URL
// chooses: run this file with and without it.
let t: TestApp;
const started: JobQueue[] = [];
const silent = { warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});
afterEach(async () => {
  for (const queue of started.splice(0)) await queue.stop(2000);
});

async function queueOn(database: OpenDatabase, definitions: AnyJobDefinition[], cronIntervalSeconds?: number): Promise<JobQueue> {
  const queue = await startJobQueue({
    db: database.db,
    pool: database.pool,
    engine: database.engine,
    definitions,
    log: silent,
    pollingIntervalSeconds: 0.5,
    cronIntervalSeconds,
  });
  started.push(queue);
  return queue;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function queueView(name: string) {
  const response = await (await t.signIn('admin')).get('/api/jobs');
  expect(response.statusCode).toBe(200);
  return (response.json().items as Array<Record<string, unknown>>).find((q) => q.name === name);
}

describe('job queue', () => {
  test('a job sent is done, and the administrator sees it completed', async () => {
    const seen: unknown[] = [];
    const queue = await queueOn(t.database, [{ name: 'test.echo', handler: async (_db, data) => void seen.push(data) }]);
    await queue.send('test.echo', { hello: 'xin chào' });
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ hello: 'xin chào' }]);
    await until(async () => (await queueView('test.echo'))?.completed === 1);
    expect(await queueView('test.echo')).toMatchObject({ pending: 0, active: 0, failed: 0, completed: 1, lastError: null });
  });

  test('a failing job is retried with back-off, and its last error is shown', async () => {
    const attempts: number[] = [];
    const queue = await queueOn(t.database, [
      {
        name: 'test.failing',
        retryLimit: 2,
        retryDelay: 1,
        retryBackoff: true,
        handler: async () => {
          attempts.push(Date.now());
          throw new Error(`boom ${attempts.length}`);
        },
      },
    ]);
    await queue.send('test.failing');
    await until(async () => (await queueView('test.failing'))?.failed === 1, 30_000);
    expect(attempts).toHaveLength(3);
    // Back-off: retryDelay × 2^n / 2 plus jitter up to as much again, so at least 1 s then at least 2 s.
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(900);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(1900);
    const view = await queueView('test.failing');
    expect(view).toMatchObject({ pending: 0, failed: 1, completed: 0, lastError: 'boom 3' });
    expect(Date.parse(String(view?.lastErrorAt))).toBeGreaterThan(attempts[0]! - 5000);
  }, 40_000);

  test('a singleton job never runs twice at once, even with two processes working', async () => {
    let running = 0;
    let most = 0;
    let done = 0;
    const definition: AnyJobDefinition = {
      name: 'test.singleton',
      singleton: true,
      handler: async () => {
        running++;
        most = Math.max(most, running);
        await sleep(700);
        running--;
        done++;
      },
    };
    const first = await queueOn(t.database, [definition]);
    await queueOn(t.database, [definition]);
    for (let i = 0; i < 3; i++) await first.send('test.singleton', { i });
    await until(() => done === 3, 30_000);
    expect(most).toBe(1);
  }, 40_000);

  test('a scheduled job runs on its schedule', async () => {
    let runs = 0;
    await queueOn(t.database, [{ name: 'test.scheduled', schedule: '* * * * * *', handler: async () => void runs++ }], 1);
    // pg-boss sends at most one occurrence a minute (its throttle slot): the first one, within a few seconds.
    await until(() => runs >= 1, 20_000);
    expect(runs).toBe(1);
  }, 30_000);

  test('a job sent inside an app transaction waits for it, without a deadlock on the one embedded connection, and exists only if it commits', async () => {
    const seen: unknown[] = [];
    const queue = await queueOn(t.database, [{ name: 'test.after-commit', handler: async (_db, data) => void seen.push(data) }]);
    await t.db.transaction().execute(async (trx) => {
      await queue.send('test.after-commit', { n: 1 }, { trx });
      // The queue polls meanwhile: on the embedded engine it waits for the connection this transaction holds.
      await sleep(1500);
      expect(seen).toEqual([]);
    });
    await expect(
      t.db.transaction().execute(async (trx) => {
        // As an event handler would, without a handle on the queue.
        await sendJob('test.after-commit', { n: 2 }, { trx });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await t.db.transaction().execute((trx) => sendJob('test.after-commit', { n: 3 }, { trx }));
    await until(() => seen.length >= 2);
    await sleep(1500);
    expect(seen).toEqual([{ n: 1 }, { n: 3 }]);
  }, 30_000);

  test('the server’s own jobs are queues with their schedules', async () => {
    const queue = await queueOn(t.database, [...jobDefinitions]);
    const schedules = await queue.boss.getSchedules();
    const ours = jobDefinitions.filter((d) => !d.engines || d.engines.includes(t.database.engine));
    const expected = ours.map((d) => d.name);
    // Every scheduled one has its schedule; jobs sent on demand (a staff import's commit) have none.
    const scheduled = ours.filter((d) => d.schedule).map((d) => d.name);
    expect(scheduled.length).toBeGreaterThanOrEqual(3);
    expect(schedules.map((s) => s.name)).toEqual(expect.arrayContaining(scheduled));
    expect(schedules.map((s) => s.name)).not.toContain('people.staff-import-commit');
    const names = ((await (await t.signIn('admin')).get('/api/jobs')).json().items as Array<{ name: string }>).map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(expected));
    expect((await (await t.signIn('hr.hanoi')).get('/api/jobs')).statusCode).toBe(403);
  });
});

describe('job queue across a restart', () => {
  test('a job pending when the queue stops runs after a new queue starts on the same database', async () => {
    // The embedded engine: a file-backed database closed and opened again.
    // A server: a scratch database, the first pool closed before the second opens.
    const dataDir = process.env.DATABASE_URL ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-jobs-'));
    const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, 'nangluc_jobs') : undefined;
    const open = () => openDatabase(scratch ? { kind: 'postgres', url: scratch.url, poolSize: 2 } : { kind: 'pglite', dataDir });
    const seen: unknown[] = [];
    const definition: AnyJobDefinition = { name: 'test.restart', handler: async (_db, data) => void seen.push(data) };
    try {
      const before = await open();
      const queue = await startJobQueue({
        db: before.db,
        pool: before.pool,
        engine: before.engine,
        definitions: [definition],
        log: silent,
        pollingIntervalSeconds: 0.5,
      });
      await queue.send('test.restart', { kept: true }, { startAfter: 2 });
      await queue.stop(2000);
      await before.close();
      expect(seen).toEqual([]);

      const after = await open();
      try {
        const again = await startJobQueue({
          db: after.db,
          pool: after.pool,
          engine: after.engine,
          definitions: [definition],
          log: silent,
          pollingIntervalSeconds: 0.5,
        });
        try {
          await until(() => seen.length === 1);
          expect(seen).toEqual([{ kept: true }]);
          const { rows } = await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = 'test.restart'`.execute(after.db);
          await until(
            async () =>
              (await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = 'test.restart'`.execute(after.db)).rows[0]?.state === 'completed',
          );
          expect(rows).toHaveLength(1);
        } finally {
          await again.stop(2000);
        }
      } finally {
        await after.close();
      }
    } finally {
      await scratch?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the server and its queue', () => {
  test('startServer starts the queue with the server’s own jobs, and close() stops it', async () => {
    const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, 'nangluc_jobs') : undefined;
    try {
      const server = await startServer({ databaseUrl: scratch?.url, port: 0, seedDemo: false, logger: false });
      try {
        expect(server.jobs).not.toBeNull();
        const schedules = (await server.jobs!.boss.getSchedules()).map((s) => s.name);
        expect(schedules).toEqual(expect.arrayContaining(['auth.clean-up', 'assessment.overdue-reminders', 'people.expired-imports']));
        expect(schedules.includes('needs.vacuum-summaries')).toBe(server.engine === 'pglite');
      } finally {
        await server.close();
      }
    } finally {
      await scratch?.drop();
    }
  }, 60_000);
});
