// Lost database connections, one engine each:
// - PostgreSQL: pg_terminate_backend ends the pool's connections (idle ones,
//   and one a query is running on). Before the fix the pool's unhandled
//   'error' (57P01) ended the process. Terminating the backends of this file's
//   own scratch database on the shared server is harmless to other tests.
// - Embedded: the PGlite thread dies. Requests and /api/health must answer
//   503 `database_unavailable` at once, not 500 and not hang.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { isConnectionError } from '../../src/platform/db/connection-errors.js';

const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Sign-in, a list, a write and health, each answered: the app carries on. */
async function everyKindAnswers(): Promise<number[]> {
  const login = await t.anonymous().post('/api/auth/login', { username: 'leader.hanoi', password: 'NangLuc@2026' });
  const hr = await t.signIn('hr.hanoi');
  const list = await hr.get('/api/people?limit=5');
  const person = list.json().items[0];
  const write = await hr.patch(`/api/people/${person.id}`, { email: `${Date.now()}@nangluc.demo` });
  const health = await t.anonymous().get('/api/health');
  return [login.statusCode, list.statusCode, write.statusCode, health.statusCode];
}

describe.skipIf(engine !== 'postgres')('PostgreSQL backends terminated under the pool', () => {
  const terminateOthers = async () =>
    (
      await sql<{ n: number }>`
        SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(t.db)
    ).rows[0]!.n;

  it('drops terminated idle connections, keeps the process alive and answers again', async () => {
    expect(await everyKindAnswers()).toEqual([200, 200, 200, 200]);
    // Several pooled connections at once, then idle in the pool.
    await Promise.all(Array.from({ length: 4 }, () => sql`SELECT pg_sleep(0.05)`.execute(t.db)));
    const terminated = await terminateOthers();
    expect(terminated).toBeGreaterThan(0);
    await sleep(200); // the FATAL 57P01 reaches the idle clients
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(...(await everyKindAnswers()));
    console.log(`db-terminate: ${terminated} idle connections terminated, ${statuses.length} requests after, 5xx = ${statuses.filter((s) => s >= 500).length}`);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('fails the query of a terminated busy connection as a connection error (503), and carries on', async () => {
    const running = sql`SELECT pg_sleep(5)`.execute(t.db).then(
      () => undefined,
      (err: unknown) => err,
    );
    await sleep(300);
    expect(await terminateOthers()).toBeGreaterThan(0);
    const err = await running;
    expect(err).toMatchObject({ code: '57P01' });
    expect(isConnectionError(err)).toBe(true);
    await sleep(100);
    expect(await everyKindAnswers()).toEqual([200, 200, 200, 200]);
  });
});

describe.skipIf(engine !== 'pglite')('embedded database thread dies', () => {
  it('answers 503 database_unavailable at once, in both languages, and health says so', async () => {
    expect(await everyKindAnswers()).toEqual([200, 200, 200, 200]);
    const hr = await t.signIn('hr.hanoi');
    await t.database.worker!.terminate();
    await sleep(100);
    const within = <T>(p: Promise<T>) => Promise.race([p, sleep(5_000).then(() => 'hung' as const)]);
    const list = await within(hr.get('/api/people?limit=5'));
    const health = await within(t.anonymous().get('/api/health'));
    const english = await within(hr.get('/api/people?limit=5', { 'accept-language': 'en' }));
    for (const res of [list, health, english]) {
      expect(res).not.toBe('hung');
      if (res === 'hung') return;
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json().error.code).toBe('database_unavailable');
    }
    expect((list as { json(): { error: { message: string } } }).json().error.message).toContain('cơ sở dữ liệu');
    expect((english as { json(): { error: { message: string } } }).json().error.message).toContain('database is temporarily unavailable');
    console.log('db-worker: embedded thread stopped, list, health and English answer 503 database_unavailable');
  });
});
