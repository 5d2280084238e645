import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { account, agency, person, type AgencyRow, type PersonRow } from '../support/factories.js';
import { course, institution, sessionBody, type InstitutionRow } from './sessions-fixtures.js';

// A large session's close writes its seats' results, audit rows and notifications set-based (one statement
// each, not one a seat): every enrolment must still get its own audit row with the right before and after,
// under its own agency, and its own notification; the waiting list is cancelled the same way.
let t: TestApp;
let inst: InstitutionRow;
let trainer: Agent;
let hr: Agent;
let depts: AgencyRow[];
let people: PersonRow[];
let sessionId: string;
let enrolments: Array<{ id: string; personId: string; status: string }>;

const SEATS = 40;
const WAITING = 3;
/** The seat's marks: every fourth one absent, every third one scored under the pass score (50). */
const present = (i: number) => i % 4 !== 3;
const score = (i: number) => (i % 3 === 0 ? 30 : 70);

beforeAll(async () => {
  setClock('2026-02-15T03:00:00Z');
  t = await createTestApp({ demo: false });
  inst = await institution(t);
  const root = await agency(t, { name: 'Bộ thử đóng lớp lớn' });
  depts = [await agency(t, { parent: root, name: 'Vụ A' }), await agency(t, { parent: root, name: 'Vụ B' })];
  const hrRow = await account(t, { agency: root, role: 'hr_officer' });
  trainer = await t.signIn(inst.trainer.username, inst.trainer.password);
  hr = await t.signIn(hrRow.username, hrRow.password);
  people = [];
  for (let i = 0; i < SEATS + WAITING; i++) people.push(await person(t, { agency: depts[i % 2]!, fullName: `Học Viên Lớp Lớn ${String(i).padStart(2, '0')}` }));
  const { id: courseId } = await course(t, { institution: inst, passScore: 50, minAttendance: 0.8 });
  const created = await trainer.post('/api/training/sessions', sessionBody(courseId, { startsOn: '2026-03-10', days: 1, seats: SEATS }));
  expect(created.statusCode, created.body).toBe(201);
  const session = created.json<{ id: string; meetings: Array<{ id: string }> }>();
  sessionId = session.id;
  // One at a time, in order: the first SEATS take the seats, the rest wait.
  for (const p of people) expect((await hr.post(`/api/training/sessions/${sessionId}/enrolments`, { personIds: [p.id] })).statusCode).toBe(201);
  enrolments = (await hr.get(`/api/training/sessions/${sessionId}/enrolments`)).json().items;
  const seatOf = (i: number) => enrolments.find((e) => e.personId === people[i]!.id)!;
  expect(people.map((_, i) => seatOf(i).status)).toEqual([...Array(SEATS).fill('enrolled'), ...Array(WAITING).fill('waitlisted')]);
  const seated = people.slice(0, SEATS).map((_, i) => seatOf(i).id);
  const saved = await trainer.put(`/api/training/sessions/${sessionId}/attendance`, {
    marks: seated.map((enrolmentId, i) => ({ enrolmentId, meetingId: session.meetings[0]!.id, present: present(i) })),
    scores: seated.map((enrolmentId, i) => ({ enrolmentId, score: score(i) })),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  setClock('2026-03-11T10:00:00Z');
  const closed = await trainer.post(`/api/training/sessions/${sessionId}/close`);
  expect(closed.statusCode, closed.body).toBe(200);
}, 120_000);

afterAll(async () => {
  setClock(null);
  await t?.close();
});

/** What the course's rule gives seat i: attended (one meeting) and scored at least 50. */
const expected = (i: number) => {
  const completed = present(i) && score(i) >= 50;
  return { status: completed ? 'completed' : 'not_completed', attendanceShare: present(i) ? 1 : 0, finalScore: score(i) };
};

describe('closing a session of many seats', () => {
  it('gives each seat its result, and completed_at to the completed only', async () => {
    const rows = await t.db
      .selectFrom('training_enrolments')
      .select(['person_id', 'status', 'attendance_share', 'completed_at'])
      .where('session_id', '=', sessionId)
      .execute();
    const byPerson = new Map(rows.map((r) => [r.person_id, r]));
    people.forEach((p, i) => {
      const row = byPerson.get(p.id)!;
      if (i >= SEATS) return expect(row.status).toBe('cancelled');
      expect([row.status, Number(row.attendance_share)]).toEqual([expected(i).status, expected(i).attendanceShare]);
      expect(row.completed_at?.toISOString() ?? null).toBe(expected(i).status === 'completed' ? '2026-03-11T10:00:00.000Z' : null);
    });
    // Both outcomes occur, so the statement really writes per-seat values.
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['completed', 'not_completed', 'cancelled']));
  });

  it('writes one audit row per enrolment with its before and after, under its agency, by the trainer', async () => {
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action', 'agency_path', 'actor_id', 'before', 'after'])
      .where('entity', '=', 'training_enrolment')
      .where(
        'entity_id',
        'in',
        enrolments.map((e) => e.id),
      )
      .where('action', 'in', ['result', 'cancel'])
      .execute();
    expect(audit).toHaveLength(SEATS + WAITING);
    people.forEach((p, i) => {
      const enrolmentId = enrolments.find((e) => e.personId === p.id)!.id;
      const rows = audit.filter((a) => a.entity_id === enrolmentId);
      expect(rows, `seat ${i}`).toHaveLength(1);
      const row = rows[0]!;
      expect(row.agency_path).toBe(depts[i % 2]!.path);
      expect(row.actor_id).toBe(inst.trainer.userId);
      if (i >= SEATS) {
        expect(row).toMatchObject({ action: 'cancel', before: { status: 'waitlisted' }, after: { status: 'cancelled', reason: 'session_closed' } });
        return;
      }
      const after = row.after as { status: string; attendanceShare: number; finalScore: unknown };
      expect(row.action).toBe('result');
      expect(row.before).toEqual({ status: 'enrolled' });
      expect({ ...after, finalScore: Number(after.finalScore) }).toEqual(expected(i));
    });
    const close = await t.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('entity', '=', 'training_session')
      .where('entity_id', '=', sessionId)
      .where('action', '=', 'close')
      .execute();
    expect(close.map((c) => c.after)).toEqual([{ results: SEATS }]);
  });

  it('notifies each person once of their result (or of the cancelled wait)', async () => {
    const notices = await t.db
      .selectFrom('training_notifications')
      .select(['person_id', 'enrolment_id', 'kind'])
      .where(
        'enrolment_id',
        'in',
        enrolments.map((e) => e.id),
      )
      .where('kind', 'in', ['completed', 'not_completed', 'cancelled'])
      .execute();
    expect(notices).toHaveLength(SEATS + WAITING);
    people.forEach((p, i) => {
      const enrolmentId = enrolments.find((e) => e.personId === p.id)!.id;
      expect(notices.filter((n) => n.enrolment_id === enrolmentId)).toEqual([
        { person_id: p.id, enrolment_id: enrolmentId, kind: i >= SEATS ? 'cancelled' : expected(i).status },
      ]);
    });
  });
});
