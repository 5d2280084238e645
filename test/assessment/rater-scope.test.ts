// Issue 12, defect 9: HR adds raters only from the cycle's reach, and the answer
// for a foreign id is the same 404 as for an id that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { createAssessmentFixture, type AssessmentFixture } from './fixtures.js';
import { day } from '../support/waits.js';

let t: TestApp;
let fx: AssessmentFixture;
let hr: Agent;
let cycleId: string;
let lan: string;
const userId = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp();
  fx = await createAssessmentFixture(t.db);
  hr = await t.signIn('hr.hanoi');
  lan = fx.personIds['canbo.hanoi']!;
  const created = await hr.post('/api/assessments/cycles', {
    name: 'Đợt thử phạm vi người đánh giá',
    kind: 'ad_hoc',
    scope: { personIds: [lan] },
    opensOn: day(-1),
    closesOn: day(30),
    frameworkVersionId: fx.versionId,
  });
  expect(created.statusCode, created.body).toBe(201);
  cycleId = created.json().id;
  expect((await hr.post(`/api/assessments/cycles/${cycleId}/assign`, {})).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('raters from the cycle’s reach only', () => {
  const add = (body: Record<string, unknown>) => hr.post(`/api/assessments/cycles/${cycleId}/subjects/${lan}/raters`, body);

  it('answers a person or an account of another agency exactly like a missing id, and adds nothing', async () => {
    const missing = await add({ source: 'peer', personId: crypto.randomUUID() });
    expect(missing.statusCode).toBe(404);
    const missingAccount = await add({ source: 'peer', userId: crypto.randomUUID() });
    expect(missingAccount.statusCode).toBe(404);
    const attempts = [
      { source: 'peer', personId: fx.personIds['canbo.danang'] },
      { source: 'leader', personId: fx.personIds['leader.danang'] },
      { source: 'peer', userId: await userId('canbo.danang') },
      { source: 'expert', userId: await userId('hr.danang') },
      // An expert account may rate only as an expert.
      { source: 'peer', userId: await userId('expert') },
    ];
    for (const body of attempts) {
      const response = await add(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(404);
      expect(response.body).toBe(body.userId ? missingAccount.body : missing.body);
    }
    const stored = await t.db
      .selectFrom('assessment_assignments')
      .select('id')
      .where('cycle_id', '=', cycleId)
      .where('subject_id', '=', lan)
      .where((eb) => eb.or([eb('rater_person_id', 'in', [fx.personIds['canbo.danang']!, fx.personIds['leader.danang']!]), eb('rater_user_id', 'is not', null)]))
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('still adds a colleague of the cycle’s agency and an expert assessor of an assessment institution', async () => {
    const existing = await t.db
      .selectFrom('assessment_assignments')
      .select('rater_person_id')
      .where('cycle_id', '=', cycleId)
      .where('subject_id', '=', lan)
      .execute();
    const colleague = ['peer.duc', 'peer.ngoc', 'peer.anh', 'peer.binh']
      .map((u) => fx.personIds[u]!)
      .find((id) => !existing.some((e) => e.rater_person_id === id))!;
    expect((await add({ source: 'peer', personId: colleague })).statusCode).toBe(201);
    const expert = await add({ source: 'expert', userId: await userId('expert') });
    expect(expert.statusCode, expert.body).toBe(201);
  });
});
