import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp } from '../support/test-app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginAttemptsPerMinute: 5 });
});
afterAll(() => t.close());

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

describe('sign-in', () => {
  it('signs every demo account in and sets an httpOnly SameSite session cookie', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const res = await login(account.username, DEMO_PASSWORD);
      expect(res.statusCode, account.username).toBe(200);
      expect(res.json().user).toMatchObject({ username: account.username, role: account.role, displayName: account.displayName });
      const cookie = res.cookies.find((c) => c.name === 'nl_session')!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      expect(res.json().csrfToken).toBeTruthy();
    }
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await login('expert', 'not-the-password');
    const unknown = await login('nobody', 'whatever');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json().error.code).toBe('invalid_credentials');
  });

  it('limits repeated sign-in attempts', async () => {
    const statuses: number[] = [];
    const attacker = '203.0.113.7';
    for (let i = 0; i < 6; i++) statuses.push((await login('trainer', `guess-${i}`, attacker)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await login('trainer', DEMO_PASSWORD, attacker);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_requests');
    // The trainer can still sign in from their own machine.
    expect((await login('trainer', DEMO_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await t.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('session', () => {
  it('answers /me for a session and 401 without one', async () => {
    const agent = await t.signIn('hr.hanoi');
    const me = await agent.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.agency.name).toBe('Ủy ban nhân dân thành phố Hà Nội');
    expect((await t.anonymous().get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const res = await login('leader.danang', DEMO_PASSWORD);
    const cookie = sessionCookie(res);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_invalid');
    const badToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': 'forged' } });
    expect(badToken.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': res.json().csrfToken } });
    expect(ok.statusCode).toBe(204);
  });

  it('sign-out ends the session on the server', async () => {
    const res = await login('canbo.danang', DEMO_PASSWORD);
    const cookie = sessionCookie(res);
    const headers = { cookie, 'x-csrf-token': res.json().csrfToken };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('changing the password ends the other sessions and accepts only the new one', async () => {
    const first = await login('canbo.hanoi', DEMO_PASSWORD);
    const second = await login('canbo.hanoi', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: sessionCookie(first), 'x-csrf-token': first.json().csrfToken },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Mật-khẩu-mới-2026' },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookie(second) } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookie(res) } })).statusCode).toBe(200);
    expect((await login('canbo.hanoi', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('canbo.hanoi', 'Mật-khẩu-mới-2026')).statusCode).toBe(200);
  });
});
