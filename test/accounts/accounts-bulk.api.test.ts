import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency, person } from '../support/factories.js';
import { startFakeSmtp } from '../assessment/fake-smtp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
}, 60_000);
afterAll(() => t?.close());

/** A department with its HR officer, `n` people without accounts and one with. */
async function department(n: number, names: string[] = []) {
  const root = await agency(t);
  const dept = await agency(t, { parent: root });
  const hr = await account(t, { agency: dept, role: 'hr_officer' });
  const people = [];
  for (let i = 0; i < n; i++) people.push(await person(t, { agency: dept, fullName: names[i] ?? `Phạm Văn Thử ${String.fromCharCode(65 + i)}` }));
  const linked = await person(t, { agency: dept, fullName: 'Lê Thị Đã Có' });
  await account(t, { agency: dept, person: linked });
  return { root, dept, hr, people, linked, agent: await t.signIn(hr.username, hr.password) };
}

const userOf = (personId: string) =>
  t.db.selectFrom('users').select(['id', 'username', 'password_hash', 'password_must_change', 'role']).where('person_id', '=', personId).executeTakeFirst();

describe('accounts from the register', () => {
  it('creates accounts for a selection, hands the passwords out on a printable sheet once, stores them only hashed', async () => {
    const d = await department(2, ['Nguyễn Thị Lan', 'Nguyễn Thị Lan']);
    const res = await d.agent.post('/api/accounts/bulk', { personIds: [d.people[0]!.id, d.people[1]!.id, d.linked.id] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    // Same name twice: the second gets a number; the person who has an account is skipped, not changed.
    expect(body.created.map((c: { username: string }) => c.username).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^lannt\d*$/)]));
    expect(new Set(body.created.map((c: { username: string }) => c.username)).size).toBe(2);
    expect(body.skipped).toEqual([expect.objectContaining({ personId: d.linked.id, reason: 'has_account' })]);
    expect(body.emailed).toBe(0);
    expect(Buffer.from(body.sheet, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The answer carries no password outside the sheet; the database only the argon2id hash, flagged for a change.
    expect(JSON.stringify(body.created)).not.toMatch(/password/i);
    const user = (await userOf(d.people[0]!.id))!;
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.password_must_change).toBe(true);
    expect(user.role).toBe('civil_servant');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after', 'actor_id'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(d.hr.userId);
    expect(JSON.stringify(audit.after)).not.toMatch(/password|argon/i);
  });

  it('creates accounts for everyone of an agency without one (a whole import) and e-mails the first passwords, which must be changed at first sign-in', async () => {
    const smtp = await startFakeSmtp();
    process.env.SMTP_URL = smtp.url;
    try {
      const d = await department(3);
      // One person has no address: their password goes on the sheet instead.
      await t.db.updateTable('people').set({ email: null }).where('id', '=', d.people[2]!.id).execute();
      const res = await d.agent.post('/api/accounts/bulk', { agencyId: d.dept.id, delivery: 'email' });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.created).toHaveLength(3);
      expect(body.emailed).toBe(2);
      expect(body.created.find((c: { personId: string }) => c.personId === d.people[2]!.id).emailed).toBe(false);
      expect(body.sheet).not.toBeNull();
      expect(smtp.mails).toHaveLength(2);
      const text = Buffer.from(smtp.mails[0]!.data.split('\n\n')[1]!.replace(/\n/g, ''), 'base64').toString();
      const username = /Tên đăng nhập: (\S+)/.exec(text)![1]!;
      const password = /Mật khẩu ban đầu: (\S+)/.exec(text)![1]!;
      const login = await t.anonymous().post('/api/auth/login', { username, password });
      expect(login.statusCode).toBe(200);
      expect(login.json().mustChangePassword).toBe(true);
      const agent = await t.signIn(username, password);
      expect((await agent.post('/api/auth/password', { currentPassword: password, newPassword: 'Mat-Khau-Rieng-2026' })).statusCode).toBe(200);
      const again = await t.signIn(username, 'Mat-Khau-Rieng-2026');
      expect((await again.get('/api/auth/me')).json().mustChangePassword).toBe(false);
      // Run again: everyone has an account now; nothing is created.
      const second = (await d.agent.post('/api/accounts/bulk', { agencyId: d.dept.id })).json();
      expect(second.created).toEqual([]);
      expect(second.skipped).toHaveLength(4);
      expect(second.sheet).toBeNull();
    } finally {
      delete process.env.SMTP_URL;
      await smtp.close();
    }
  });

  it('links an existing account to a staff record', async () => {
    const d = await department(1);
    const loose = await account(t, { agency: d.dept });
    const res = await d.agent.patch(`/api/accounts/${loose.userId}`, { personId: d.people[0]!.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ personId: d.people[0]!.id, staffCode: d.people[0]!.staffCode });
  });

  it('refuses another agency’s HR: it can neither create accounts for nor link people of this agency', async () => {
    const mine = await department(1);
    const other = await department(1);
    const target = mine.people[0]!.id;
    expect((await other.agent.post('/api/accounts/bulk', { personIds: [target] })).statusCode).toBe(404);
    expect((await other.agent.post('/api/accounts/bulk', { agencyId: mine.dept.id })).statusCode).toBe(404);
    const theirs = await account(t, { agency: other.dept });
    expect((await other.agent.patch(`/api/accounts/${theirs.userId}`, { personId: target })).statusCode).toBe(400);
    // A civil servant of the agency cannot either.
    const clerk = await account(t, { agency: mine.dept });
    const clerkAgent = await t.signIn(clerk.username, clerk.password);
    expect((await clerkAgent.post('/api/accounts/bulk', { personIds: [target] })).statusCode).toBe(403);
    expect(await userOf(target)).toBeUndefined();
  });

  it('asks for either a selection or an agency', async () => {
    const d = await department(1);
    const res = await d.agent.post('/api/accounts/bulk', { personIds: [d.people[0]!.id], agencyId: d.dept.id });
    expect(res.statusCode).toBe(400);
  });
});
