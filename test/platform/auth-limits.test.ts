import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.js';
import type { OpenDatabase } from '../../src/platform/db/engine.js';
import type { AppInstance } from '../../src/platform/http/types.js';
import type { LoginLimits } from '../../src/platform/auth/login-limits.js';
import { cleanUpAuthRecords } from '../../src/platform/auth/auth-cleanup.js';
import { authJobs } from '../../src/platform/auth/auth.jobs.js';
import { seedDemoIfEmpty } from '../../src/platform/demo/seed-demo.js';
import { demoSeeders } from '../../src/modules/registry.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.js';
import { createTestDatabase } from '../support/test-database.js';
import { sessionCookie } from '../support/test-app.js';

// Small limits so a test reaches them in a few requests; the window is long
// enough never to pass by itself during the file, and tests that need it to
// end move the stored window end into the past (the counters live in the database).
const LIMITS: LoginLimits = { account: { max: 3, windowMs: 10 * 60_000 }, address: { max: 4, windowMs: 10 * 60_000 } };

let database: OpenDatabase;
const apps: AppInstance[] = [];
let app: AppInstance;

async function newApp(): Promise<AppInstance> {
  const built = await buildApp({ db: database.db, engine: database.engine, loginLimits: LIMITS });
  await built.ready();
  apps.push(built);
  return built;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database.db, demoSeeders);
  app = await newApp();
});
afterAll(async () => {
  for (const built of apps) await built.close();
  await database.close();
});

const login = (username: string, password: string, remoteAddress: string, on: AppInstance = app) =>
  on.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

/** Let every counter's window end, as if the lock-out time had passed. */
const endWindows = () => sql`UPDATE login_attempts SET window_end = now() - interval '1 second'`.execute(database.db);

describe('sign-in limits', () => {
  it('blocks one address trying many usernames, with 429 too_many_requests and Retry-After', async () => {
    const address = '203.0.113.10';
    const names = ['admin', 'hr.hanoi', 'khong.ton.tai', 'leader.danang'];
    for (const name of names) expect((await login(name, 'mat-khau-doan', address)).statusCode, name).toBe(401);
    const blocked = await login('expert', 'mat-khau-doan', address);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({ code: 'too_many_requests', message: expect.stringContaining('thử lại') });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // The right password from that address is refused as well, and the English message follows Accept-Language.
    const right = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'expert', password: DEMO_PASSWORD },
      remoteAddress: address,
      headers: { 'accept-language': 'en' },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toMatch(/too many attempts/i);
    // Another address is not affected.
    expect((await login('expert', DEMO_PASSWORD, '198.51.100.10')).statusCode).toBe(200);
    await endWindows();
  });

  it('blocks one username tried from many addresses, refuses the right password until the window passes', async () => {
    for (let i = 1; i <= 3; i++) expect((await login('trainer', `doan-${i}`, `10.0.0.${i}`)).statusCode).toBe(401);
    const fourth = await login('trainer', 'doan-4', '10.0.0.4');
    expect(fourth.statusCode).toBe(429);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    // The owner's right password, from an address never seen before, is still refused while the account is locked.
    expect((await login('trainer', DEMO_PASSWORD, '10.0.0.5')).statusCode).toBe(429);
    expect((await login('trainer', DEMO_PASSWORD, '10.0.0.6')).statusCode).toBe(429);
    // The lock is audited once, not every refused request (a flood must not flood the trail).
    const trail = await database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'login')
      .where('entity_id', '=', 'trainer')
      .orderBy('id')
      .execute();
    expect(trail.map((e) => [e.action, (e.after as { reason: string }).reason])).toEqual([
      ...Array(3).fill(['sign_in_failed', 'credentials_mismatch']),
      ['sign_in_failed', 'locked'],
    ]);
    await endWindows();
    expect((await login('trainer', DEMO_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
  });

  it('locks an unknown username exactly like a real one', async () => {
    const real: number[] = [];
    const unknown: number[] = [];
    for (let i = 1; i <= 4; i++) {
      real.push((await login('canbo.danang', `doan-${i}`, `10.1.0.${i}`)).statusCode);
      unknown.push((await login('khong.co.ai', `doan-${i}`, `10.2.0.${i}`)).statusCode);
    }
    expect(real).toEqual([401, 401, 401, 429]);
    expect(unknown).toEqual(real);
    const a = await login('canbo.danang', 'x', '10.1.0.9');
    const b = await login('khong.co.ai', 'x', '10.2.0.9');
    // Same answer; only the seconds left may differ, as the two windows began a moment apart.
    const withoutSeconds = (body: { error: { details: { retryAfterSeconds: number } } }) => ({ ...body.error, details: Object.keys(body.error.details) });
    expect(withoutSeconds(b.json())).toEqual(withoutSeconds(a.json()));
    expect(Math.abs(b.json().error.details.retryAfterSeconds - a.json().error.details.retryAfterSeconds)).toBeLessThanOrEqual(1);
    await endWindows();
  });

  it('lets no more guesses through when they arrive all at once', async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => login('leader.hanoi', `song-song-${i}`, `10.3.0.${i}`).then((r) => r.statusCode)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMITS.account.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LIMITS.account.max);
    await endWindows();
  });

  it('behind a proxy, counts the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    const proxied = await buildApp({ db: database.db, engine: database.engine, loginLimits: LIMITS, trustProxy: true });
    apps.push(proxied);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: ['admin', 'hr.danang', 'expert', 'leader.hanoi', 'canbo.hanoi', 'trainer'][i], password: 'doan' },
        remoteAddress: '10.255.0.1', // the reverse proxy
        // The client forges a new first entry each time; the proxy appends the address it really saw.
        headers: { 'x-forwarded-for': `198.18.0.${i}, 203.0.113.99` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const trail = await database.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'login')
      .where('entity_id', '=', 'admin')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(trail.after).toMatchObject({ address: '203.0.113.99' });
    await endWindows();
  });

  it('keeps its counters across a restart of the server', async () => {
    const address = '203.0.113.20';
    for (const name of ['admin', 'hr.danang', 'leader.hanoi', 'canbo.hanoi']) expect((await login(name, 'sai', address)).statusCode).toBe(401);
    const restarted = await newApp();
    expect((await login('expert', 'sai', address, restarted)).statusCode).toBe(429);
    await endWindows();
  });

  it('does not let a successful sign-in clear the address counter for other names', async () => {
    // An attacker with one real account interleaves it with guesses at others from the same machine.
    const address = '203.0.113.30';
    const statuses: number[] = [];
    for (const victim of ['admin', 'hr.hanoi', 'hr.danang', 'leader.hanoi', 'leader.danang']) {
      statuses.push((await login(victim, 'doan', address)).statusCode);
      expect((await login('canbo.hanoi', DEMO_PASSWORD, address)).statusCode).toBeLessThan(500);
    }
    // Four failures are allowed from one address, the fifth is refused; successes did not buy more guesses.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    await endWindows();
  });

  it('lets an office sign in many times from one address: only failures count', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(i % 2 ? 'hr.hanoi' : 'leader.hanoi', DEMO_PASSWORD, '198.51.100.50')).statusCode);
    expect(statuses).toEqual(Array(8).fill(200));
  });
});

describe('sign-in audit', () => {
  it('shows sign-ins and failed sign-ins to the HR of the account’s agency, never the password', async () => {
    expect((await login('canbo.hanoi', 'mat-khau-sai-123', '192.0.2.7')).statusCode).toBe(401);
    const hrLogin = await login('hr.hanoi', DEMO_PASSWORD, '192.0.2.8');
    expect(hrLogin.statusCode).toBe(200);
    const headers = { cookie: sessionCookie(hrLogin) };
    const trail = await app.inject({ method: 'GET', url: '/api/audit?entity=login&limit=500', headers });
    expect(trail.statusCode).toBe(200);
    const items = trail.json().items as Array<{ action: string; entityId: string; actorName: string; after: { address: string; reason?: string } }>;
    expect(items).toContainEqual(
      expect.objectContaining({
        action: 'sign_in_failed',
        entityId: 'canbo.hanoi',
        after: expect.objectContaining({ address: '192.0.2.7', reason: 'credentials_mismatch' }),
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        action: 'sign_in',
        entityId: 'hr.hanoi',
        actorName: DEMO_ACCOUNTS.find((a) => a.username === 'hr.hanoi')!.displayName,
        after: expect.objectContaining({ address: '192.0.2.8' }),
      }),
    );
    // Đà Nẵng's sign-ins are not Hà Nội's business; unknown names have no agency.
    expect(items.some((e) => e.entityId === 'canbo.danang' || e.entityId === 'khong.co.ai')).toBe(false);
    const all = await database.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'login').execute();
    expect(JSON.stringify(all)).not.toContain('mat-khau-sai-123');
    expect(JSON.stringify(all)).not.toContain(DEMO_PASSWORD);
  });

  it('records a sign-in for an unknown name for the national administrator only', async () => {
    expect((await login('nguoi.la', 'abc', '192.0.2.9')).statusCode).toBe(401);
    const admin = await login('admin', DEMO_PASSWORD, '192.0.2.10');
    const trail = await app.inject({ method: 'GET', url: '/api/audit?entity=login&entityId=nguoi.la', headers: { cookie: sessionCookie(admin) } });
    expect(trail.json().items).toEqual([expect.objectContaining({ action: 'sign_in_failed', after: expect.objectContaining({ reason: 'unknown_account' }) })]);
  });
});

describe('expired sessions', () => {
  it('answers 401 for an expired session cookie, and the clean-up deletes expired sessions and ended counters', async () => {
    const expired = await login('leader.danang', DEMO_PASSWORD, '192.0.2.20');
    const live = await login('hr.danang', DEMO_PASSWORD, '192.0.2.20');
    const userId = (await database.db.selectFrom('users').select('id').where('username', '=', 'leader.danang').executeTakeFirstOrThrow()).id;
    await database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', userId)
      .execute();
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookie(expired) } })).statusCode).toBe(401);

    await login('admin', 'sai', '192.0.2.21');
    await endWindows();
    const removed = await cleanUpAuthRecords(database.db);
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(removed.loginAttempts).toBeGreaterThanOrEqual(2);
    expect(await database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).toEqual([]);
    expect(await database.db.selectFrom('login_attempts').select('key').where('window_end', '<=', new Date()).execute()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookie(live) } })).statusCode).toBe(200);
  });

  it('runs the clean-up as the queue job auth.clean-up', async () => {
    const expired = await login('canbo.danang', DEMO_PASSWORD, '192.0.2.30');
    expect(expired.statusCode).toBe(200);
    const userId = (await database.db.selectFrom('users').select('id').where('username', '=', 'canbo.danang').executeTakeFirstOrThrow()).id;
    await database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', userId)
      .execute();
    const job = authJobs.find((j) => j.name === 'auth.clean-up');
    expect(job?.schedule).toBe('*/15 * * * *');
    await job!.handler(database.db, {});
    expect((await database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length).toBe(0);
  });
});
