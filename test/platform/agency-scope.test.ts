import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const personIds = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.db.selectFrom('people').select(['id', 'staff_code']).execute();
  for (const row of rows) personIds.set(row.staff_code, row.id);
});
afterAll(() => t.close());

const person = (staffCode: string) => `/api/people/${personIds.get(staffCode)}`;

describe('agency scope on a person’s record', () => {
  it('a leader of agency A gets 404 for a person of agency B', async () => {
    const leader = await t.signIn('leader.hanoi');
    expect((await leader.get(person('HN-0003'))).statusCode).toBe(200);
    const other = await leader.get(person('DN-0003'));
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
  });

  it('answers an out-of-scope record exactly like a missing one', async () => {
    const leader = await t.signIn('leader.danang');
    const outOfScope = await leader.get(person('HN-0001'));
    const missing = await leader.get('/api/people/00000000-0000-4000-8000-000000000000');
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.body).toBe(missing.body);
  });

  it('a leader does not see a sibling agency of the same province', async () => {
    const leader = await t.signIn('leader.hanoi'); // Sở Nội vụ Hà Nội
    expect((await leader.get(person('HN-0005'))).statusCode).toBe(404); // phường Hoàn Kiếm
  });

  it('an HR officer of a province reads its whole subtree and nothing else', async () => {
    const hr = await t.signIn('hr.hanoi');
    expect((await hr.get(person('HN-0005'))).statusCode).toBe(200);
    expect((await hr.get(person('DN-0001'))).statusCode).toBe(404);
    const list = await hr.get('/api/people?limit=500');
    const codes = list.json().items.map((p: { staffCode: string }) => p.staffCode);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c: string) => c.startsWith('HN-'))).toBe(true);
  });

  it('a civil servant reads their own record only and cannot list staff', async () => {
    const me = await t.signIn('canbo.hanoi');
    expect((await me.get(person('HN-0002'))).statusCode).toBe(200);
    expect((await me.get(person('HN-0003'))).statusCode).toBe(404);
    const list = await me.get('/api/people');
    expect(list.statusCode).toBe(403);
    expect(list.json().error.code).toBe('forbidden');
  });

  it('the national administrator sees every agency', async () => {
    const admin = await t.signIn('admin');
    const list = await admin.get('/api/people?limit=500');
    const codes = list.json().items.map((p: { staffCode: string }) => p.staffCode);
    expect(codes).toEqual(expect.arrayContaining(['HN-0001', 'DN-0001']));
  });

  it('anonymous callers get 401', async () => {
    expect((await t.anonymous().get(person('HN-0001'))).statusCode).toBe(401);
  });
});
