import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

describe('agency search', () => {
  it('finds agencies without diacritics', async () => {
    const admin = await t.signIn('admin');
    const names = (await admin.get('/api/org/agencies?q=noi vu')).json().items.map((a: { name: string }) => a.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/Nội vụ/);
  });

  it('takes LIKE wildcards typed in the search as themselves', async () => {
    const admin = await t.signIn('admin');
    // No demo agency has "_" or "%" in its name or code: unescaped, each matched every agency.
    for (const q of ['_', '%', 'n_i']) {
      const res = await admin.get(`/api/org/agencies?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items, q).toEqual([]);
    }
  });
});
