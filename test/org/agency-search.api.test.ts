import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency, type AccountRow } from '../support/factories.js';

// A ministry, two departments (one of home affairs) and a national administrator: no demo.
let t: TestApp;
let adminAccount: AccountRow;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const ministry = await agency(t, { name: 'Bộ Nội vụ', code: 'BNV' });
  await agency(t, { parent: ministry, name: 'Sở Nội vụ Hà Nội', code: 'HN-SNV' });
  await agency(t, { parent: ministry, name: 'Sở Tài chính Đà Nẵng', code: 'DN-STC' });
  adminAccount = await account(t, { agency: ministry, role: 'national_admin' });
}, 60_000);
afterAll(() => t?.close());

describe('agency search', () => {
  it('finds agencies without diacritics', async () => {
    const admin = await t.signIn(adminAccount.username, adminAccount.password);
    const names = (await admin.get('/api/org/agencies?q=noi vu')).json().items.map((a: { name: string }) => a.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/Nội vụ/);
  });

  it('takes LIKE wildcards typed in the search as themselves', async () => {
    const admin = await t.signIn(adminAccount.username, adminAccount.password);
    // No agency here has "_" or "%" in its name or code: unescaped, each matched every agency.
    for (const q of ['_', '%', 'n_i']) {
      const res = await admin.get(`/api/org/agencies?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items, q).toEqual([]);
    }
  });
});
