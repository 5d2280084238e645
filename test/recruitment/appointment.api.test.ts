// Appointment through HTTP (issue 17, item 4): HR appoints a ranked candidate, and in one transaction they become
// a person in the register (the campaign's agency, the position), their assessed levels the start of their gap
// profile, a first development plan from their gaps; audited; the posts and the application's state are respected,
// and a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { person } from '../support/factories.js';
import { course, institution } from '../training/sessions-fixtures.js';
import { applicant, paperScores, rate, recruitmentWorld, type Candidate, type RecruitmentWorld } from './fixtures.js';

let t: TestApp;
let w: RecruitmentWorld;
let x: Candidate;
let y: Candidate;
let out: Candidate;
let courseId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await recruitmentWorld(t, { posts: 1 });
  x = await applicant(t, w, { fullName: 'Lê Thị Xuân' });
  y = await applicant(t, w, { fullName: 'Phạm Văn Yên' });
  out = await applicant(t, w, { fullName: 'Loại Hồ Sơ', status: 'screened_out' });
  for (const m of w.members) {
    expect((await rate(w, m, y.applicationId, 4, 1)).statusCode).toBe(200);
    expect((await rate(w, m, x.applicationId, 3, 2)).statusCode).toBe(200);
  }
  expect((await paperScores(w, y.applicationId, 80, 40)).statusCode).toBe(200);
  expect((await paperScores(w, x.applicationId, 50, 20)).statusCode).toBe(200);
  // A course that raises competency A from level 3 to 4: it fills a gap of X's, none of Y's (A is met).
  const c = await course(t, { institution: await institution(t) });
  courseId = c.id;
  await t.db
    .updateTable('training_course_competencies')
    .set({ competency_id: w.framework.competencyIds[0]!, from_level: 3, to_level: 4 })
    .where('course_id', '=', c.id)
    .execute();
});

afterAll(async () => {
  await t.close();
});

const appoint = (agent: RecruitmentWorld['hrA'], applicationId: string, staffCode: string) =>
  agent.post(`/api/recruitment/applications/${applicationId}/appoint`, { staffCode, reason: 'Đứng đầu danh sách xếp hạng', startDate: '2026-04-01' });

describe('appointing a candidate', () => {
  it('refuses another agency’s HR and a screened-out application', async () => {
    expect((await appoint(w.hrB, y.applicationId, 'TD-0001')).statusCode).toBe(404);
    const refused = await appoint(w.hrA, out.applicationId, 'TD-0001');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('recruitment_not_appointable');
  });

  it('writes nothing when a step fails (a staff code already taken)', async () => {
    const taken = await person(t, { agency: w.agencyA, staffCode: 'TD-TAKEN' });
    const people = await t.db.selectFrom('people').select('id').execute();
    const refused = await appoint(w.hrA, x.applicationId, 'td-taken');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('staff_code_exists');
    expect(await t.db.selectFrom('people').select('id').execute()).toHaveLength(people.length);
    expect(await t.db.selectFrom('recruitment_appointments').selectAll().execute()).toEqual([]);
    expect((await t.db.selectFrom('recruitment_applications').select('status').where('id', '=', x.applicationId).executeTakeFirstOrThrow()).status).toBe(
      'screened_in',
    );
    expect(taken.staffCode).toBe('TD-TAKEN');
  });

  it('makes the candidate a person in the register with their levels as the start of the gap profile and a first plan', async () => {
    const answer = await appoint(w.hrA, x.applicationId, 'TD-0001');
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ status: 'appointed', staffCode: 'TD-0001', fit: 91.67, courses: [courseId] });

    // The register: HR of the agency finds the person, in the campaign's agency and the position.
    const record = await w.hrA.get(`/api/people/${body.personId}`);
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json()).toMatchObject({ fullName: 'Lê Thị Xuân', staffCode: 'TD-0001' });
    const row = await t.db.selectFrom('people').select(['agency_id', 'position_id', 'email']).where('id', '=', body.personId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ agency_id: w.agencyA.id, position_id: w.positionId });

    // The gap profile: A 0.6·3 + 0.4·3 = 3 against 4 (gap 1), B 2 against 2.
    const profile = await w.hrA.get(`/api/needs/people/${body.personId}`);
    expect(profile.statusCode, profile.body).toBe(200);
    expect(profile.json().cycle).toMatchObject({ id: body.cycleId });
    const gaps = new Map(profile.json().gaps.map((g: { competencyId: string; assessedLevel: number; gap: number }) => [g.competencyId, g]));
    expect(gaps.get(w.framework.competencyIds[0]!)).toMatchObject({ assessedLevel: 3, requiredLevel: 4 });
    expect(gaps.get(w.framework.competencyIds[1]!)).toMatchObject({ assessedLevel: 2, requiredLevel: 2 });

    // The first development plan: the course that closes the gap on A.
    const plan = await w.hrA.get(`/api/training/plans/people/${body.personId}`);
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().plan).toMatchObject({ id: body.planId, status: 'draft' });
    expect(plan.json().plan.items.map((i: { courseId: string }) => i.courseId)).toEqual([courseId]);

    // The application, the candidate's link to the person, and the audit trail.
    const application = await t.db.selectFrom('recruitment_applications').select('status').where('id', '=', x.applicationId).executeTakeFirstOrThrow();
    expect(application.status).toBe('appointed');
    const candidate = await t.db.selectFrom('recruitment_candidates').select('person_id').where('id', '=', x.candidateId).executeTakeFirstOrThrow();
    expect(candidate.person_id).toBe(body.personId);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity', 'after']).where('entity_id', 'in', [x.applicationId, body.personId]).execute();
    expect(audit.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(['person:create', 'recruitment_application:appoint']);
    expect(audit.find((a) => a.action === 'appoint')!.after).toMatchObject({ personId: body.personId, reason: 'Đứng đầu danh sách xếp hạng' });
  });

  it('respects the posts and decides an application once', async () => {
    const full = await appoint(w.hrA, y.applicationId, 'TD-0002');
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('recruitment_posts_filled');
    const again = await appoint(w.hrA, x.applicationId, 'TD-0003');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('recruitment_not_appointable');
    const ranking = (await w.hrA.get(`/api/recruitment/campaigns/${w.campaignId}/ranking`)).json();
    expect(ranking.positions[0]).toMatchObject({ posts: 1, appointed: 1 });
  });
});
