import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

const userId = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
/** A person of the register under an agency, with no account yet. */
async function unlinkedPerson(agencyCode: string) {
  return t.db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.full_name'])
    .where('a.code', '=', agencyCode)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.person_id', '=', 'p.id'))))
    .orderBy('p.staff_code')
    .executeTakeFirstOrThrow();
}

describe('account management', () => {
  it('an HR officer creates an account in their subtree; the new user signs in with it', async () => {
    const hr = await t.signIn('hr.hanoi');
    const person = await unlinkedPerson('HN-SNV');
    const created = await hr.post('/api/accounts', {
      username: 'Chuyenvien.HN',
      displayName: person.full_name,
      role: 'civil_servant',
      agencyId: await t.agencyId('HN-SNV'),
      personId: person.id,
      password: 'MatKhau@2026x',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'chuyenvien.hn', role: 'civil_servant', personName: person.full_name, active: true });
    const login = await t.anonymous().post('/api/auth/login', { username: 'chuyenvien.hn', password: 'MatKhau@2026x' });
    expect(login.statusCode).toBe(200);
    // The audit trail has the account, never its password.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toMatch(/password|argon/i);
    // Same username again, or the same person linked twice: 409.
    const again = await hr.post('/api/accounts', {
      username: 'chuyenvien.hn',
      displayName: 'X',
      role: 'civil_servant',
      agencyId: await t.agencyId('HN-SNV'),
      password: 'MatKhau@2026x',
    });
    expect(again.statusCode).toBe(409);
    const twice = await hr.post('/api/accounts', {
      username: 'khac.hn',
      displayName: 'X',
      role: 'civil_servant',
      agencyId: await t.agencyId('HN-SNV'),
      personId: person.id,
      password: 'MatKhau@2026x',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses bad input, roles above the caller and agencies outside their scope', async () => {
    const hr = await t.signIn('hr.hanoi');
    const hanoi = await t.agencyId('HN-SNV');
    const body = { username: 'moi.hn', displayName: 'Người mới', role: 'leader', agencyId: hanoi, password: 'MatKhau@2026x' };
    expect((await hr.post('/api/accounts', { ...body, password: 'ngan' })).statusCode).toBe(400);
    expect((await hr.post('/api/accounts', { ...body, username: 'có dấu' })).statusCode).toBe(400);
    expect((await hr.post('/api/accounts', { ...body, extra: 1 })).statusCode).toBe(400);
    expect((await hr.post('/api/accounts', { ...body, role: 'national_admin' })).statusCode).toBe(403);
    expect((await hr.post('/api/accounts', { ...body, agencyId: await t.agencyId('DN-SNV') })).statusCode).toBe(404);
    const danangPerson = await unlinkedPerson('DN-SNV');
    expect((await hr.post('/api/accounts', { ...body, personId: danangPerson.id })).statusCode).toBe(400);
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'moi.hn').executeTakeFirst()).toBeUndefined();
  });

  it('lists only the caller’s subtree, searchable without diacritics', async () => {
    const hr = await t.signIn('hr.danang');
    const list = (await hr.get('/api/accounts')).json();
    const names = list.items.map((a: { username: string }) => a.username);
    expect(names).toEqual(expect.arrayContaining(['hr.danang', 'leader.danang', 'canbo.danang']));
    expect(names.some((n: string) => n.endsWith('.hanoi') || n === 'admin')).toBe(false);
    expect(list.assignableRoles).not.toContain('national_admin');
    const leader = (await t.db.selectFrom('users').select('display_name').where('username', '=', 'leader.danang').executeTakeFirstOrThrow()).display_name;
    const folded = leader
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase();
    const found = (await hr.get(`/api/accounts?q=${encodeURIComponent(folded)}`)).json().items.map((a: { username: string }) => a.username);
    expect(found).toContain('leader.danang');
    for (const username of ['leader.danang', 'canbo.danang']) expect((await (await t.signIn(username)).get('/api/accounts')).statusCode).toBe(403);
  });

  it('deactivating an account ends its sessions at once; an HR officer cannot touch another province or themselves', async () => {
    const leader = await t.signIn('leader.danang');
    expect((await leader.get('/api/auth/me')).statusCode).toBe(200);
    const hr = await t.signIn('hr.danang');
    const off = await hr.patch(`/api/accounts/${await userId('leader.danang')}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await leader.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: 'leader.danang', password: 'NangLuc@2026' })).statusCode).toBe(401);
    expect((await hr.patch(`/api/accounts/${await userId('leader.danang')}`, { active: true })).statusCode).toBe(200);

    expect((await hr.patch(`/api/accounts/${await userId('leader.hanoi')}`, { active: false })).statusCode).toBe(404);
    expect((await hr.patch(`/api/accounts/${await userId('hr.danang')}`, { role: 'national_admin' })).statusCode).toBe(403);
    expect((await hr.patch(`/api/accounts/${await userId('canbo.danang')}`, { role: 'national_admin' })).statusCode).toBe(403);
    expect((await hr.post(`/api/accounts/${await userId('admin')}/password`, { password: 'MatKhau@2026x' })).statusCode).toBe(404);
  });

  it('a password set by HR replaces the old one and signs the user out', async () => {
    const canbo = await t.signIn('canbo.danang');
    const admin = await t.signIn('admin');
    const reset = await admin.post(`/api/accounts/${await userId('canbo.danang')}/password`, { password: 'Moi-MatKhau-2026' });
    expect(reset.statusCode).toBe(204);
    expect((await canbo.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: 'canbo.danang', password: 'NangLuc@2026' })).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: 'canbo.danang', password: 'Moi-MatKhau-2026' })).statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'user')
      .where('action', '=', 'reset_password')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('reset_password');
  });
});
