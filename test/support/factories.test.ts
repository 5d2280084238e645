// The factories themselves, through the HTTP layer: a world built without the
// demo signs in with the factory password, and a consolidated cycle's results
// are the ones the real consolidation computed from the submitted forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app.js';
import { consolidatedCycle, world } from './factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('test factories', () => {
  it('builds an agency, staff and accounts that sign in without the demo', async () => {
    const w = await world(t, { people: 2 });
    const hr = await t.signIn(w.hr.username, w.hr.password);
    const people = await hr.get('/api/people?limit=50');
    expect(people.statusCode, people.body).toBe(200);
    expect(
      people
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual(w.staff.map((s) => s.id).sort());
  });

  it("writes a cycle's results through the real consolidation", async () => {
    const w = await world(t, { people: 3, competencies: 2 });
    const done = await consolidatedCycle(t, { hr: w.hr, framework: w.framework, personIds: w.staff.map((s) => s.id), levels: () => 4 });
    expect(done.submitted).toBeGreaterThanOrEqual(3);
    expect(done.results).toBe(6);
    const me = await t.signIn(w.staff[0]!.account.username, w.staff[0]!.account.password);
    const report = await me.get(`/api/assessments/reports/people/${w.staff[0]!.id}?cycleId=${done.id}`);
    expect(report.statusCode, report.body).toBe(200);
    for (const c of report.json().competencies as Array<{ assessedLevel: number }>) expect(c.assessedLevel).toBe(4);
  });
});
