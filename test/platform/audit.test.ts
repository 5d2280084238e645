import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { recordAudit } from '../../src/platform/audit/audit.js';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records who changed what, and HR reads only their own subtree', async () => {
    const hanoi = await t.signIn('canbo.hanoi');
    const danang = await t.signIn('canbo.danang');
    for (const agent of [hanoi, danang]) {
      const res = await agent.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Một-mật-khẩu-dài-2026' });
      expect(res.statusCode).toBe(200);
    }
    const hr = await t.signIn('hr.hanoi');
    const trail = await hr.get('/api/audit?entity=user');
    expect(trail.statusCode).toBe(200);
    const names = trail.json().items.map((e: { actorName: string }) => e.actorName);
    expect(names).toContain('Nguyễn Thị Lan');
    expect(names).not.toContain('Đặng Thị Ánh');
    const entry = trail.json().items[0];
    expect(entry).toMatchObject({ action: 'change_password', entity: 'user' });
    expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const admin = await t.signIn('admin');
    const all = (await admin.get('/api/audit?entity=user')).json().items.map((e: { actorName: string }) => e.actorName);
    expect(all).toEqual(expect.arrayContaining(['Nguyễn Thị Lan', 'Đặng Thị Ánh']));
  });

  it('keeps before and after, and rolls back with the change it records', async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        await recordAudit(trx, null, { action: 'update', entity: 'probe', entityId: 'x', agencyPath: null, before: { a: 1 }, after: { a: 2 } });
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'probe').execute()).toEqual([]);

    await recordAudit(t.db, null, { action: 'update', entity: 'probe', entityId: 'y', agencyPath: null, before: { a: 1 }, after: { a: 'Hòa' } });
    const admin = await t.signIn('admin');
    const [entry] = (await admin.get('/api/audit?entity=probe')).json().items;
    expect(entry).toMatchObject({ entityId: 'y', actorName: 'system', before: { a: 1 }, after: { a: 'Hòa' } });
  });

  it('is closed to roles other than HR and national administrators', async () => {
    for (const username of ['leader.hanoi', 'expert', 'trainer']) {
      expect((await (await t.signIn(username)).get('/api/audit')).statusCode).toBe(403);
    }
  });
});
