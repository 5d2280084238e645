// Results consolidated before migration 0009 showed anonymous groups without a
// record of their raters: the migration records them so that a re-consolidation
// hides those groups rather than risk being differenced against the old version.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { up } from '../../src/modules/assessment/migrations/0009_anonymity_releases.js';
import { FACTORY_PASSWORD, world } from '../support/factories.js';
import { day } from '../support/waits.js';

let t: TestApp;
let fx: Awaited<ReturnType<typeof world>>;
let hr: Agent;

// One department of five colleagues (enough peers for the anonymity threshold) and its HR officer: no demo.
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  fx = await world(t, { people: 5, competencies: 4 });
  hr = await t.signIn(fx.hr.username, fx.hr.password);
});
afterAll(() => t.close());

it('hides, in a re-consolidation, anonymous groups shown by results older than the release record', async () => {
  const lan = fx.staff[0]!.id;
  const cycleId = (
    await hr.post('/api/assessments/cycles', {
      name: 'Đợt cũ',
      kind: 'ad_hoc',
      scope: { personIds: [lan] },
      opensOn: day(-1),
      closesOn: day(30),
      frameworkVersionId: fx.framework.versionId,
    })
  ).json().id;
  await hr.post(`/api/assessments/cycles/${cycleId}/assign`, {});
  const forms = await t.db.selectFrom('assessment_assignments').select(['id', 'rater_person_id', 'source']).where('cycle_id', '=', cycleId).execute();
  const peers = forms.filter((f) => f.source === 'peer');
  expect(peers.length).toBeGreaterThanOrEqual(3);
  const username = async (personId: string) =>
    (await t.db.selectFrom('users').select('username').where('person_id', '=', personId).executeTakeFirstOrThrow()).username;
  for (const f of forms.filter((x) => x.source !== 'leader')) {
    const agent = await t.signIn(await username(f.rater_person_id!), FACTORY_PASSWORD);
    const response = await agent.post(`/api/assessments/forms/${f.id}/submit`, {
      ratings: fx.framework.competencyIds.map((competencyId) => ({ competencyId, level: 3 })),
    });
    expect(response.statusCode, response.body).toBe(200);
  }
  expect((await hr.patch(`/api/assessments/cycles/${cycleId}`, { status: 'closed' })).statusCode).toBe(200);
  expect((await hr.post(`/api/assessments/cycles/${cycleId}/consolidate`, {})).statusCode).toBe(200);
  // As if consolidated before the migration: no record of what was released; then migrate.
  await sql`DROP TABLE assessment_anonymity_releases`.execute(t.db);
  await up(t.db as unknown as Kysely<unknown>);
  const legacy = await t.db.selectFrom('assessment_anonymity_releases').selectAll().where('cycle_id', '=', cycleId).execute();
  expect(legacy).toHaveLength(1);
  expect(legacy[0]).toMatchObject({ person_id: lan, source: 'peer', fingerprint: 'legacy:peer' });
  expect([...legacy[0]!.members].sort()).toEqual(peers.map((p) => p.id).sort());
  expect((await hr.post(`/api/assessments/cycles/${cycleId}/consolidate`, {})).statusCode).toBe(200);
  const report = (await hr.get(`/api/assessments/reports/people/${lan}?cycleId=${cycleId}`)).json();
  expect(report.cycle.version).toBe(2);
  for (const c of report.competencies) expect(c.sources.map((g: { source: string }) => g.source)).toEqual(['self']);
});
