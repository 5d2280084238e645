import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, consolidatedCycle, world } from '../support/factories.js';
import { updateCycle } from '../../src/modules/assessment/cycles.service.js';
import { catalogueWorld, type CatalogueWorld } from './catalogue-fixture.js';

let t: TestApp;
let w: CatalogueWorld;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await catalogueWorld(t);
}, 60_000);
afterAll(() => t?.close());

/** An agency with results of a consolidated cycle, open or closed. */
async function assessedAgency(close: boolean) {
  const place = await world(t, { people: 3 });
  const done = await consolidatedCycle(t, { hr: place.hr, framework: place.framework, personIds: place.staff.map((s) => s.id) });
  if (close) await updateCycle(t.db, place.hr.actor, done.id, { status: 'closed' });
  return { ...place, cycleId: done.id };
}

describe('an institution’s view of its clients’ needs', () => {
  it('shows the aggregated needs of its client agencies only, from closed cycles, never a person', async () => {
    const client = await assessedAgency(true);
    const stranger = await assessedAgency(true);
    expect((await w.admin.put(`/api/training/institutions/${w.a.id}/clients`, { agencyIds: [client.root.id] })).statusCode).toBe(204);

    const res = await w.a.agent.get(`/api/training/institutions/${w.a.id}/client-needs`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.cycles.map((c: { id: string }) => c.id)).toEqual([client.cycleId]);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ agencyId: client.root.id, agencyName: client.root.name });
    expect(body.rows[0].total.people).toBeGreaterThan(0);
    expect(body.columns.map((c: { code: string }) => c.code)).toEqual(['G1']);
    // Nothing names a person or a rating: only the needs module's aggregate figures.
    const text = JSON.stringify(body);
    for (const s of client.staff) expect(text).not.toContain(s.id);
    for (const s of client.staff) expect(text).not.toContain(s.fullName);
    expect(Object.keys(body.rows[0].total).sort()).toEqual(['meanAssessed', 'meanGap', 'meanRequired', 'meanWeightedNeed', 'needShare', 'needs', 'people']);
    // Another agency's cycle is not reachable, even by id.
    const other = (await w.a.agent.get(`/api/training/institutions/${w.a.id}/client-needs?cycleId=${stranger.cycleId}`)).json();
    expect(other).toMatchObject({ cycleId: null, rows: [] });
  });

  it('shows nothing of a cycle still open (results not yet published)', async () => {
    const open = await assessedAgency(false);
    await w.admin.put(`/api/training/institutions/${w.b.id}/clients`, { agencyIds: [open.root.id] });
    const body = (await w.b.agent.get(`/api/training/institutions/${w.b.id}/client-needs`)).json();
    expect(body).toMatchObject({ cycles: [], cycleId: null, rows: [] });
  });

  it('is for the institution’s own staff: another institution answers 404, HR 403', async () => {
    expect((await w.b.agent.get(`/api/training/institutions/${w.a.id}/client-needs`)).statusCode).toBe(404);
    const hr = await account(t, { agency: w.root, role: 'hr_officer' });
    expect((await (await t.signIn(hr.username, hr.password)).get(`/api/training/institutions/${w.a.id}/client-needs`)).statusCode).toBe(403);
  });
});
