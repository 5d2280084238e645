// Issue 14, item 4: HR enrols a needs target group into a session in one step — preview, then confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { foldForSearch } from '../../src/platform/text/vietnamese.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { account, agency, consolidatedCycle, framework, person, position, type PersonRow } from '../support/factories.js';
import { institution, sessionBody } from './sessions-fixtures.js';

let t: TestApp;
let hr: Agent;
let otherHr: Agent;
let trainer: Agent;
let people: PersonRow[];
let selection: { cycleId: string; groupKey: string };
let sessionId: string;

type Member = { personId: string | null; fullName: string | null };
type Answer = { seats: Member[]; waitlist: Member[]; refused: Array<Member & { reason: string; sessionCode: string | null }> };

beforeAll(async () => {
  setClock('2026-02-15T03:00:00Z');
  t = await createTestApp({ demo: false });
  const root = await agency(t, { name: 'Sở thử nhóm' });
  const elsewhere = await agency(t, { name: 'Tỉnh khác' });
  const fw = await framework(t, { agency: root, competencies: 3 });
  // Required 4 everywhere; criticality 1, 2, 3 (the factory's).
  const positionId = await position(t, { agency: root, competencyIds: fw.competencyIds, requiredLevel: () => 4 });
  const hrRow = await account(t, { agency: root, role: 'hr_officer' });
  hr = await t.signIn(hrRow.username, hrRow.password);
  const otherHrRow = await account(t, { agency: elsewhere, role: 'hr_officer' });
  otherHr = await t.signIn(otherHrRow.username, otherHrRow.password);
  people = [];
  for (let i = 0; i < 8; i++) {
    const p = await person(t, { agency: root, positionId, fullName: `Học Viên Nhóm ${i}` });
    await account(t, { agency: root, person: p });
    people.push(p);
  }
  // Everyone needs C01 and C02 most (one group); person 4 already holds C03 at 4, the others at 3.
  const cycle = await consolidatedCycle(t, {
    hr: hrRow,
    framework: fw,
    personIds: people.map((p) => p.id),
    levels: (s, c) => (c < 2 ? 1 : s === 4 ? 4 : 3),
  });

  const inst = await institution(t);
  trainer = await t.signIn(inst.trainer.username, inst.trainer.password);
  const title = 'Bảo mật dữ liệu cá nhân';
  const course = await t.db
    .insertInto('training_courses')
    .values({
      institution_id: inst.id,
      code: 'K-NHOM',
      title,
      search_title: foldForSearch(title),
      format: 'classroom',
      hours: 8,
      cost_per_seat: 1_000_000,
      framework_version_id: fw.versionId,
      min_attendance: 0.8,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('training_course_competencies')
    .values({ course_id: course.id, competency_id: fw.competencyIds[2]!, from_level: 3, to_level: 4 })
    .execute();
  const create = async (o: Parameters<typeof sessionBody>[1]) => {
    const res = await trainer.post('/api/training/sessions', sessionBody(course.id, o));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; code: string }>().id;
  };
  sessionId = await create({ startsOn: '2026-03-10', seats: 3 });
  const overlapping = await create({ startsOn: '2026-03-11', seats: 5 });
  const earlier = await create({ startsOn: '2026-02-20', opensOn: '2026-02-01', closesOn: '2026-02-19' });

  // Person 3 completed the course earlier; 5 holds a seat in an overlapping session; 7 is already in this one;
  // 6 moved to another agency after the cycle was consolidated.
  await t.db
    .insertInto('training_enrolments')
    .values({ session_id: earlier, person_id: people[3]!.id, agency_id: root.id, status: 'completed', source: 'hr' })
    .execute();
  expect((await hr.post(`/api/training/sessions/${overlapping}/enrolments`, { personIds: [people[5]!.id] })).statusCode).toBe(201);
  expect((await hr.post(`/api/training/sessions/${sessionId}/enrolments`, { personIds: [people[7]!.id] })).statusCode).toBe(201);
  await t.db.updateTable('people').set({ agency_id: elsewhere.id }).where('id', '=', people[6]!.id).execute();

  const groups = (await hr.get(`/api/needs/target-groups?cycleId=${cycle.id}`)).json<{ items: Array<{ key: string; personIds: string[] }> }>().items;
  expect(groups).toHaveLength(1);
  expect(groups[0]!.personIds).toHaveLength(8);
  selection = { cycleId: cycle.id, groupKey: groups[0]!.key };
});

afterAll(async () => {
  setClock(null);
  await t?.close();
});

const idsOf = (members: Member[]) => members.map((m) => m.personId).sort();
const index = (i: number) => people[i]!.id;
const enrolmentsOf = () => t.db.selectFrom('training_enrolments').where('session_id', '=', sessionId).select(['person_id', 'status']).execute();

describe('enrolling a target group', () => {
  it('previews who gets a seat, who waits and who is refused and why, writing nothing', async () => {
    const before = await enrolmentsOf();
    const res = await hr.post(`/api/training/sessions/${sessionId}/group-enrolment/preview`, selection);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<Answer>();
    // 3 seats, one already taken by person 7: two of 0, 1, 2 get one and the third waits.
    expect(answer.seats).toHaveLength(2);
    expect(answer.waitlist).toHaveLength(1);
    expect([...idsOf(answer.seats), ...idsOf(answer.waitlist)].sort()).toEqual([index(0), index(1), index(2)].sort());
    const reasons = Object.fromEntries(answer.refused.map((r) => [r.personId ?? 'unnamed', r.reason]));
    expect(reasons).toEqual({
      [index(3)]: 'completed',
      [index(4)]: 'holds_level',
      [index(5)]: 'overlap',
      [index(7)]: 'already_enrolled',
      // Moved out of the officer's agency: counted, never named.
      unnamed: 'other_agency',
    });
    expect(answer.refused.find((r) => r.reason === 'overlap')!.sessionCode).toMatch(/^S-/);
    expect(JSON.stringify(answer)).not.toContain('Học Viên Nhóm 6');
    expect(await enrolmentsOf()).toEqual(before);
  });

  it('an HR officer of another agency can neither preview nor enrol the group, nor learn its members; a trainer is refused', async () => {
    for (const path of ['group-enrolment/preview', 'group-enrolment']) {
      const res = await otherHr.post(`/api/training/sessions/${sessionId}/${path}`, selection);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Học Viên');
      const scoped = await otherHr.post(`/api/training/sessions/${sessionId}/${path}`, { ...selection, agencyId: people[0]!.agencyId });
      expect(scoped.statusCode).toBe(404);
      expect((await trainer.post(`/api/training/sessions/${sessionId}/${path}`, selection)).statusCode).toBe(403);
    }
    expect(await enrolmentsOf()).toHaveLength(1);
  });

  it('bad input names the field: an unknown group key or cycle is 404, a malformed body 400, nothing written', async () => {
    const unknown = await hr.post(`/api/training/sessions/${sessionId}/group-enrolment`, { ...selection, groupKey: 'no-such-group' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details).toMatchObject({ field: 'groupKey' });
    expect((await hr.post(`/api/training/sessions/${sessionId}/group-enrolment`, { ...selection, cycleId: 'x' })).statusCode).toBe(400);
    expect((await hr.post(`/api/training/sessions/${sessionId}/group-enrolment`, { ...selection, extra: 1 })).statusCode).toBe(400);
    expect(await enrolmentsOf()).toHaveLength(1);
  });

  it('confirms in one transaction: seats, then the waiting list, each audited and notified; a second confirm adds nobody', async () => {
    const res = await hr.post(`/api/training/sessions/${sessionId}/group-enrolment`, selection);
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json<Answer>();
    const rows = await enrolmentsOf();
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'waitlisted').map((r) => r.person_id)).toEqual(idsOf(answer.waitlist));
    const newIds = [...idsOf(answer.seats), ...idsOf(answer.waitlist)];
    const notified = await t.db.selectFrom('training_notifications').where('person_id', 'in', newIds).select(['person_id', 'kind']).execute();
    expect(notified.map((n) => n.kind).sort()).toEqual(['enrolled', 'enrolled', 'waitlisted']);
    const audit = await t.db.selectFrom('audit_log').where('entity_id', '=', sessionId).where('action', '=', 'enrol_group').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(await t.db.selectFrom('audit_log').where('entity', '=', 'training_enrolment').where('action', '=', 'create').select('id').execute()).toHaveLength(5); // 2 single enrolments before, 3 now (the fixture's completed row is written directly)

    const again = (await hr.post(`/api/training/sessions/${sessionId}/group-enrolment`, selection)).json<Answer>();
    expect(again.seats).toHaveLength(0);
    expect(again.waitlist).toHaveLength(0);
    expect(again.refused.filter((r) => r.reason === 'already_enrolled')).toHaveLength(4);
    expect(await enrolmentsOf()).toHaveLength(4);
  });
});
