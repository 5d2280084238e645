import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { FACTORY_PASSWORD, account, agency, consolidatedCycle, person, world } from '../support/factories.js';
import { day } from '../support/waits.js';
import { updateCycle } from '../../src/modules/assessment/cycles.service.js';
import { completed, course, institution, session } from './plans-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let subject: Agent;
let leader: Agent;
let outsiderHr: Agent;
let outsiderLeader: Agent;
const courses: Record<string, string> = {};
let sessionOfK1: string;

/**
 * Position profile (factories.position): C01 level 3 (criticality 1), C02 level 4 (2), C03 level 3 (3).
 * Every rater gives level 1, so each person's gaps are C01 2 (weight 2), C02 3 (6), C03 2 (6).
 */
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await world(t, { people: 3, competencies: 3 });
  const boss = await person(t, { agency: w.dept, fullName: 'Trưởng Phòng Thử', roleCategory: 'leader' });
  const boss_ = await account(t, { agency: w.dept, role: 'leader', person: boss });
  const cycle = await consolidatedCycle(t, { hr: w.hr, framework: w.framework, personIds: w.staff.map((s) => s.id), levels: () => 1 });
  await updateCycle(t.db, w.hr.actor, cycle.id, { status: 'closed' });
  const [c1, c2, c3] = w.framework.competencyIds as [string, string, string];
  const inst = await institution(t.db, w.root);
  courses.K1 = await course(t.db, { institutionId: inst, versionId: w.framework.versionId, code: 'K1', competencies: [[c2, 1, 4]], costPerSeat: 3_000_000 });
  courses.K2 = await course(t.db, { institutionId: inst, versionId: w.framework.versionId, code: 'K2', competencies: [[c3, 1, 3]], costPerSeat: 1_000_000 });
  courses.K3 = await course(t.db, { institutionId: inst, versionId: w.framework.versionId, code: 'K3', competencies: [[c1, 1, 3]] });
  courses.DONE = await course(t.db, { institutionId: inst, versionId: w.framework.versionId, code: 'DONE', competencies: [[c3, 1, 3]], costPerSeat: 10 });
  courses.HELD = await course(t.db, { institutionId: inst, versionId: w.framework.versionId, code: 'HELD', competencies: [[c1, 0, 1]], costPerSeat: 10 });
  sessionOfK1 = await session(t.db, { courseId: courses.K1, code: 'K1-2026-01', startsOn: day(20), endsOn: day(22), opensOn: day(-1), closesOn: day(10) });
  const doneSession = await session(t.db, {
    courseId: courses.DONE,
    code: 'DONE-2025',
    startsOn: day(-60),
    endsOn: day(-58),
    opensOn: day(-90),
    closesOn: day(-61),
  });
  await completed(t.db, { sessionId: doneSession, personId: w.staff[0]!.id, agencyId: w.dept.id });

  subject = await t.signIn(w.staff[0]!.account.username, FACTORY_PASSWORD);
  leader = await t.signIn(boss_.username, FACTORY_PASSWORD);
  const other = await agency(t, { parent: w.root });
  outsiderHr = await t.signIn((await account(t, { agency: other, role: 'hr_officer' })).username, FACTORY_PASSWORD);
  const otherBoss = await person(t, { agency: other });
  outsiderLeader = await t.signIn((await account(t, { agency: other, role: 'leader', person: otherBoss })).username, FACTORY_PASSWORD);
});
afterAll(() => t.close());

const planUrl = () => `/api/training/plans/people/${w.staff[0]!.id}`;

describe('development plans', () => {
  it('recommends the courses that close the largest weighted gaps, cheaper first on a tie, each with why', async () => {
    const res = await subject.get(planUrl());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.plan).toBeNull();
    expect(body.canChoose).toBe(true);
    expect(body.recommendations.map((r: { course: { code: string } }) => r.course.code)).toEqual(['K2', 'K1', 'K3']);
    expect(body.recommendations[1]).toMatchObject({
      benefit: 6,
      reasons: [{ competency: 'C02', nameVi: 'Năng lực thử 2', assessedLevel: 1, requiredLevel: 4, levels: 3, criticality: 2 }],
    });
    expect(body.recommendations[1].sessions).toEqual([expect.objectContaining({ id: sessionOfK1, code: 'K1-2026-01' })]);
  });

  it('never recommends or accepts a completed course or one whose levels the person holds, and writes nothing', async () => {
    const codes = (await subject.get(planUrl())).json().recommendations.map((r: { course: { code: string } }) => r.course.code);
    expect(codes).not.toContain('DONE');
    expect(codes).not.toContain('HELD');
    for (const [index, id] of [
      [0, courses.DONE],
      [1, courses.HELD],
    ] as const) {
      const items = index === 0 ? [{ courseId: id }] : [{ courseId: courses.K1 }, { courseId: id }];
      const res = await subject.put(planUrl(), { items });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'plan_course_not_needed', details: { field: `items.${index}.courseId` } });
    }
    expect(await t.db.selectFrom('training_development_plans').selectAll().execute()).toEqual([]);
  });

  it('refuses a session of another course', async () => {
    const res = await subject.put(planUrl(), { items: [{ courseId: courses.K2, sessionId: sessionOfK1 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('plan_session_invalid');
  });

  it('the person chooses and submits, the leader changes and approves, and each step is audited', async () => {
    const chosen = await subject.put(planUrl(), { items: [{ courseId: courses.K1, sessionId: sessionOfK1 }, { courseId: courses.K2 }] });
    expect(chosen.statusCode).toBe(200);
    const plan = chosen.json().plan;
    expect(plan).toMatchObject({
      status: 'draft',
      items: [
        { courseId: courses.K1, sessionId: sessionOfK1, addedBy: 'person' },
        { courseId: courses.K2, addedBy: 'person' },
      ],
    });
    expect((await leader.post(`/api/training/plans/${plan.id}/decision`, { decision: 'approve' })).statusCode).toBe(409);

    const submitted = await subject.post(`/api/training/plans/${plan.id}/submit`, {});
    expect(submitted.json().plan.status).toBe('submitted');
    expect((await subject.put(planUrl(), { items: [] })).statusCode).toBe(409);
    expect((await subject.post(`/api/training/plans/${plan.id}/decision`, { decision: 'approve' })).statusCode).toBe(403);

    const seen = (await leader.get(planUrl())).json();
    expect(seen.canDecide).toBe(true);
    const approved = await leader.post(`/api/training/plans/${plan.id}/decision`, {
      decision: 'approve',
      note: 'Ưu tiên K2 trước',
      items: [{ courseId: courses.K2 }, { courseId: courses.K3 }],
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().plan).toMatchObject({
      status: 'approved',
      leaderNote: 'Ưu tiên K2 trước',
      items: [
        { courseId: courses.K2, addedBy: 'leader' },
        { courseId: courses.K3, addedBy: 'leader' },
      ],
    });
    expect((await subject.put(planUrl(), { items: [{ courseId: courses.K1 }] })).json().error.code).toBe('plan_not_editable');

    const audit = await t.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'development_plan').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'submit', 'approve']);
    const notes = await t.db.selectFrom('training_notifications').select('kind').where('person_id', '=', w.staff[0]!.id).execute();
    expect(notes).toEqual([{ kind: 'plan_approved' }]);
  });

  it('HR lists its agency’s plans; another agency’s HR and leader see and change nothing', async () => {
    const hr = await t.signIn(w.hr.username, FACTORY_PASSWORD);
    const list = (await hr.get('/api/training/plans')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ personId: w.staff[0]!.id, status: 'approved', courses: 2, cost: 3_000_000 });
    expect((await outsiderHr.get('/api/training/plans')).json()).toEqual({ items: [], total: 0 });
    expect((await outsiderHr.get(planUrl())).statusCode).toBe(404);
    const planId = list.items[0].id as string;
    expect((await outsiderLeader.post(`/api/training/plans/${planId}/decision`, { decision: 'return' })).statusCode).toBe(404);
    // A colleague (a civil servant of the same agency) cannot read it either.
    const colleague = await t.signIn(w.staff[1]!.account.username, FACTORY_PASSWORD);
    expect((await colleague.get(planUrl())).statusCode).toBe(404);
  });
});
