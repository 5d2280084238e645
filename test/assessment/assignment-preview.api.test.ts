import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency, person, world } from '../support/factories.js';
import { createCycle } from '../../src/modules/assessment/cycles.service.js';
import { assignCycle } from '../../src/modules/assessment/assignment.service.js';
import { day } from '../support/waits.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
}, 60_000);
afterAll(() => t?.close());

/** A world of three staff with accounts, a leader without one, a clerk whose account is disabled, and an unassigned cycle. */
async function unassignedCycle() {
  const w = await world(t, { people: 3 });
  const leader = await person(t, { agency: w.dept, positionId: w.positionId, fullName: 'Trưởng Phòng Chưa Có', roleCategory: 'leader' });
  const clerk = await person(t, { agency: w.dept, positionId: w.positionId, fullName: 'Cán Bộ Bị Khóa' });
  const disabled = await account(t, { agency: w.dept, person: clerk });
  await t.db.updateTable('users').set({ active: false }).where('id', '=', disabled.userId).execute();
  const cycleId = await createCycle(t.db, w.hr.actor, {
    name: 'Đợt xem trước',
    kind: 'ad_hoc',
    opensOn: day(-1),
    closesOn: day(30),
    frameworkVersionId: w.framework.versionId,
  });
  const hr = await t.signIn(w.hr.username, w.hr.password);
  return { w, leader, clerk, cycleId, hr };
}

describe('rater assignment', () => {
  it('previews bulk assignment with counts and who cannot sign in, creating nothing; the assignment then creates what was shown', async () => {
    const { cycleId, hr, leader, clerk } = await unassignedCycle();
    const res = await hr.post(`/api/assessments/cycles/${cycleId}/assign/preview`, {});
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.subjects).toBe(5);
    expect(preview.bySource.self).toBe(5);
    expect(preview.forms).toBe(preview.bySource.self + preview.bySource.leader + preview.bySource.peer + preview.bySource.subordinate);
    expect(preview.cannotSignIn).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: leader.id, reason: 'no_account' }),
        expect.objectContaining({ personId: clerk.id, reason: 'inactive' }),
      ]),
    );
    expect(preview.cannotSignIn).toHaveLength(2);
    const none = await t.db
      .selectFrom('assessment_subjects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cycle_id', '=', cycleId)
      .executeTakeFirstOrThrow();
    expect(none.n).toBe(0);

    const assigned = (await hr.post(`/api/assessments/cycles/${cycleId}/assign`, {})).json();
    expect(assigned).toEqual({ subjects: preview.subjects, assignments: preview.forms });
    // The cycle page flags the raters who cannot open their forms.
    const subjects = (await hr.get(`/api/assessments/cycles/${cycleId}/subjects`)).json().items;
    const raters = subjects.flatMap((s: { raters: { raterName: string; canSignIn: boolean }[] }) => s.raters);
    expect(raters.filter((r: { canSignIn: boolean }) => !r.canSignIn).map((r: { raterName: string }) => r.raterName)).toEqual(
      expect.arrayContaining(['Trưởng Phòng Chưa Có', 'Cán Bộ Bị Khóa']),
    );
    expect(raters.filter((r: { raterName: string; canSignIn: boolean }) => r.raterName.startsWith('Cán Bộ Thử') && !r.canSignIn)).toEqual([]);
  });

  it('warns before a second direct leader and adds one only when HR confirms', async () => {
    const { cycleId, hr, w } = await unassignedCycle();
    await hr.post(`/api/assessments/cycles/${cycleId}/assign`, {});
    const subjectId = w.staff[0]!.id;
    const second = await person(t, { agency: w.dept, fullName: 'Phó Phòng Thử', roleCategory: 'leader' });
    const url = `/api/assessments/cycles/${cycleId}/subjects/${subjectId}/raters`;
    const refused = await hr.post(url, { source: 'leader', personId: second.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('assessment_second_leader');
    expect((await hr.post(url, { source: 'leader', personId: second.id, allowSecondLeader: true })).statusCode).toBe(201);
    const leaders = await t.db
      .selectFrom('assessment_assignments')
      .select('rater_person_id')
      .where('cycle_id', '=', cycleId)
      .where('subject_id', '=', subjectId)
      .where('source', '=', 'leader')
      .execute();
    expect(leaders).toHaveLength(2);
  });

  it('refuses another agency’s HR and the people rated', async () => {
    const { cycleId, w } = await unassignedCycle();
    const elsewhere = await agency(t);
    const otherHr = await account(t, { agency: elsewhere, role: 'hr_officer' });
    const other = await t.signIn(otherHr.username, otherHr.password);
    expect((await other.post(`/api/assessments/cycles/${cycleId}/assign/preview`, {})).statusCode).toBe(404);
    const rated = await t.signIn(w.staff[0]!.account.username, w.staff[0]!.account.password);
    expect((await rated.post(`/api/assessments/cycles/${cycleId}/assign/preview`, {})).statusCode).toBe(403);
  });

  it('lists for HR the cycles run above its agency in which its staff took part, and nothing of them to another agency', async () => {
    const w = await world(t, { people: 2 });
    const national = await account(t, { agency: w.root, role: 'hr_officer' });
    const cycleId = await createCycle(t.db, national.actor, {
      name: 'Đợt quốc gia 2025',
      kind: 'periodic',
      year: 2025,
      opensOn: day(-1),
      closesOn: day(30),
      frameworkVersionId: w.framework.versionId,
    });
    await assignCycle(t.db, national.actor, cycleId);
    const hr = await t.signIn(w.hr.username, w.hr.password);
    const list = (await hr.get('/api/assessments/cycles')).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(cycleId);
    expect(list.participated).toEqual([expect.objectContaining({ id: cycleId, name: 'Đợt quốc gia 2025', subjectsInScope: 2 })]);
    const otherHr = await account(t, { agency: await agency(t), role: 'hr_officer' });
    const other = (await (await t.signIn(otherHr.username, otherHr.password)).get('/api/assessments/cycles')).json();
    expect(other).toEqual({ items: [], participated: [] });
  });
});
