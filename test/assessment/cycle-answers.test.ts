// Issue 13 (one API contract): the answers of /api/assessments are checked
// against their declared schemas, so a row the app reads must fit them, also
// one written outside the app.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { createAssessmentFixture, type AssessmentFixture } from './fixtures.js';
import { day } from '../support/waits.js';

let t: TestApp;
let fx: AssessmentFixture;
let hr: Agent;

beforeAll(async () => {
  t = await createTestApp();
  fx = await createAssessmentFixture(t.db);
  hr = await t.signIn('hr.hanoi');
});
afterAll(() => t.close());

describe('cycle answers', () => {
  it('reads a cycle whose stored scope is an empty object (a data load) as three empty lists, and assigns its whole subtree', async () => {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO assessment_cycles (agency_id, name, kind, year, scope, opens_on, closes_on, framework_version_id, weights, status)
      VALUES (${fx.agencyIds['HN-SNV']!}, 'Đợt nạp từ dữ liệu', 'periodic', 2026, '{}'::jsonb, ${day(-1)}::date, ${day(30)}::date, ${fx.versionId},
              '{"self":20,"leader":40,"peer":20,"subordinate":10,"expert":10,"test":10}'::jsonb, 'open')
      RETURNING id`.execute(t.db);
    const id = rows[0]!.id;
    const one = await hr.get(`/api/assessments/cycles/${id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().scope).toEqual({ agencyIds: [], positionIds: [], personIds: [] });
    const list = await hr.get('/api/assessments/cycles');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.find((c: { id: string }) => c.id === id).scope).toEqual({ agencyIds: [], positionIds: [], personIds: [] });
    const assigned = await hr.post(`/api/assessments/cycles/${id}/assign`, {});
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().subjects).toBeGreaterThan(0);
  });

  it('answers a saved draft with its status and time, and the form with its window and submission time', async () => {
    const created = await hr.post('/api/assessments/cycles', {
      name: 'Đợt thử câu trả lời',
      kind: 'ad_hoc',
      scope: { personIds: [fx.personIds['canbo.hanoi']!] },
      opensOn: day(-1),
      closesOn: day(30),
      frameworkVersionId: fx.versionId,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await hr.post(`/api/assessments/cycles/${created.json().id}/assign`, {})).statusCode).toBe(200);
    const lan = await t.signIn('canbo.hanoi');
    const forms = (await lan.get('/api/assessments/forms')).json().items as Array<{ id: string; cycleId: string; source: string; submittedAt: string | null }>;
    const self = forms.find((f) => f.cycleId === created.json().id && f.source === 'self')!;
    expect(self.submittedAt).toBeNull();
    const form = await lan.get(`/api/assessments/forms/${self.id}`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json().cycle).toMatchObject({ opensOn: day(-1), closesOn: day(30), status: 'open' });
    expect(form.json().submittedAt).toBeNull();
    const saved = await lan.put(`/api/assessments/forms/${self.id}`, { ratings: [{ competencyId: fx.competencyIds[0]!, level: 3 }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().status).toBe('draft');
    expect(Number.isNaN(Date.parse(saved.json().savedAt))).toBe(false);
  });
});
