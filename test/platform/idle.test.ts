// Idle: the app sits longer than its pool's idle timeout, so the pool closes
// its connections and opens new ones, and then every kind of route must work
// again. On the embedded engine the new connection meets the same PGlite
// session, whose named prepared statements ("needs_person_profile",
// "needs_delta") the new client does not know about: before the fix the gap
// profile and consolidation answered 500 from then on.
// The idle timeout is shortened to IDLE_MS (the real pg.Pool idle path, only
// sooner than its 10 s default); the test waits past it twice.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { createAssessmentFixture, type AssessmentFixture } from '../assessment/fixtures.js';
import { day } from '../support/waits.js';

const IDLE_MS = 200;
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

let t: TestApp;
let fx: AssessmentFixture;
let hr: Agent;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp({ database: { pool: { idleTimeoutMillis: IDLE_MS } } });
  fx = await createAssessmentFixture(t.db);
  hr = await t.signIn('hr.hanoi');
  const created = await hr.post('/api/assessments/cycles', {
    name: 'Đánh giá sau thời gian chờ',
    nameEn: 'Assessment after idle',
    kind: 'periodic',
    year: 2026,
    scope: { agencyIds: [fx.agencyIds['HN-SNV']] },
    opensOn: day(-1),
    closesOn: day(30),
    frameworkVersionId: fx.versionId,
  });
  expect(created.statusCode, created.body).toBe(201);
  cycleId = created.json().id;
  expect((await hr.post(`/api/assessments/cycles/${cycleId}/assign`, {})).statusCode).toBe(200);
});
afterAll(() => t.close());

describe(`idle (${engine})`, () => {
  it('answers every kind of route after the pool has closed its idle connections', async () => {
    const lan = await t.signIn('canbo.hanoi');
    const lanId = fx.personIds['canbo.hanoi']!;
    const forms = (await lan.get('/api/assessments/forms')).json().items as Array<{ id: string; cycleId: string; source: string }>;
    const selfForm = forms.find((f) => f.cycleId === cycleId && f.source === 'self')!;
    expect(selfForm).toBeDefined();

    let level = 1;
    const everyKind = async (): Promise<Array<{ name: string; status: number; body: string }>> => {
      level = (level % 5) + 1;
      const anonymous = t.anonymous();
      const calls: Array<[string, () => Promise<{ statusCode: number; body: string }>]> = [
        ['sign-in', () => anonymous.post('/api/auth/login', { username: 'leader.hanoi', password: 'NangLuc@2026' })],
        ['health', () => anonymous.get('/api/health')],
        ['list', () => hr.get('/api/people?limit=20')],
        ['list of forms', () => lan.get('/api/assessments/forms')],
        [
          'write (draft)',
          () => lan.put(`/api/assessments/forms/${selfForm.id}`, { ratings: fx.competencyIds.map((competencyId) => ({ competencyId, level })) }),
        ],
        ['consolidation', () => hr.post(`/api/assessments/cycles/${cycleId}/consolidate`, { personIds: [lanId] })],
        ['gap profile', () => lan.get(`/api/needs/people/${lanId}`)],
        ['report', () => hr.get(`/api/assessments/reports/people/${lanId}`)],
        ['audit', () => hr.get(`/api/audit?entity=assessment_form&entityId=${selfForm.id}`)],
      ];
      const out = [];
      // One after another, as a user's clicks arrive: each may be the one that opens the new connection.
      for (const [name, call] of calls) {
        const res = await call();
        out.push({ name, status: res.statusCode, body: res.body.slice(0, 300) });
      }
      return out;
    };

    // Before idling: the prepared statements now exist in the database session.
    const before = await everyKind();
    expect(
      before.filter((r) => r.status >= 500),
      JSON.stringify(before),
    ).toEqual([]);

    const after = [];
    for (let round = 0; round < 2; round++) {
      await sleep(IDLE_MS * 3);
      after.push(...(await everyKind()));
    }
    const failed = after.filter((r) => r.status >= 500);
    console.log(`idle (${engine}): ${after.length} requests after idle, 5xx = ${failed.length}`);
    expect(failed, JSON.stringify(failed)).toEqual([]);
    for (const r of after) expect(r.status, `${r.name}: ${r.body}`).toBeLessThan(300);
  });
});
