import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ical from 'node-ical';
import ExcelJS from 'exceljs';
import { setClock } from '../../src/platform/clock.js';
import { eventHandlerModules } from '../../src/modules/events.js';
import type { DomainEvents } from '../../src/platform/events/domain-events.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { account, agency, person, type AgencyRow, type PersonRow } from '../support/factories.js';
import { course, institution, meetingOn, sessionBody, type InstitutionRow } from './sessions-fixtures.js';

let t: TestApp;
let instA: InstitutionRow;
let instB: InstitutionRow;
let trainerA: Agent;
let trainerB: Agent;
let hrA: Agent;
let hrB: Agent;
let leaderA: Agent;
let deptA: AgencyRow;
let rootB: AgencyRow;
const completedEvents: DomainEvents['training.completed'][] = [];

async function staff(n: number, agencyRow = deptA): Promise<PersonRow[]> {
  const people: PersonRow[] = [];
  for (let i = 0; i < n; i++) people.push(await person(t, { agency: agencyRow, fullName: `Học Viên ${String.fromCharCode(65 + (i % 26))}${i}` }));
  return people;
}

async function newSession(o: Parameters<typeof sessionBody>[1] & { passScore?: number | null; courseId?: string } = {}) {
  const courseId = o.courseId ?? (await course(t, { institution: instA, passScore: o.passScore ?? null })).id;
  const res = await trainerA.post('/api/training/sessions', sessionBody(courseId, o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string; courseId: string; meetings: Array<{ id: string }> }>();
}

const enrol = (agent: Agent, sessionId: string, personIds: string[]) => agent.post(`/api/training/sessions/${sessionId}/enrolments`, { personIds });

beforeAll(async () => {
  setClock('2026-02-15T03:00:00Z');
  t = await createTestApp({ demo: false });
  eventHandlerModules.push({ 'training.completed': async (_trx, payload) => void completedEvents.push(payload) });
  instA = await institution(t);
  instB = await institution(t);
  const rootA = await agency(t);
  deptA = await agency(t, { parent: rootA });
  rootB = await agency(t);
  trainerA = await t.signIn(instA.trainer.username, instA.trainer.password);
  trainerB = await t.signIn(instB.trainer.username, instB.trainer.password);
  const hrARow = await account(t, { agency: rootA, role: 'hr_officer' });
  const hrBRow = await account(t, { agency: rootB, role: 'hr_officer' });
  const leaderPerson = await person(t, { agency: deptA, fullName: 'Lãnh Đạo Phòng' });
  const leaderRow = await account(t, { agency: deptA, role: 'leader', person: leaderPerson });
  hrA = await t.signIn(hrARow.username, hrARow.password);
  hrB = await t.signIn(hrBRow.username, hrBRow.password);
  leaderA = await t.signIn(leaderRow.username, leaderRow.password);
});

afterAll(async () => {
  setClock(null);
  eventHandlerModules.pop();
  await t.close();
});

describe('planning sessions', () => {
  it('the institution’s trainer plans a session with meetings; everyone signed in reads it', async () => {
    const session = await newSession();
    const read = await hrA.get(`/api/training/sessions/${session.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ seats: 20, enrolled: 0, enrolmentOpen: true, canManage: false });
    expect(read.json().meetings).toHaveLength(3);
    expect((await trainerA.get(`/api/training/sessions/${session.id}`)).json().canManage).toBe(true);
  });

  it('refuses bad plans with an error naming the field, in vi and en', async () => {
    const { id: courseId } = await course(t, { institution: instA });
    const late = await trainerA.post('/api/training/sessions', { ...sessionBody(courseId), enrolClosesOn: '2026-03-20' }, { 'accept-language': 'en' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({ code: 'training_enrolment_window_invalid', details: { field: 'enrolClosesOn' } });
    expect(late.json().error.message).toMatch(/window/);
    const outside = await trainerA.post('/api/training/sessions', { ...sessionBody(courseId), meetings: [meetingOn('2026-03-20')] });
    expect(outside.json().error).toMatchObject({ code: 'training_meeting_outside_session', details: { field: 'meetings.0.startsAt' } });
    expect(outside.json().error.message).toMatch(/Buổi học nằm ngoài/);
    const session = await newSession({ courseId });
    expect(
      (
        await enrol(
          hrA,
          session.id,
          (await staff(3)).map((p) => p.id),
        )
      ).statusCode,
    ).toBe(201);
    const fewer = await trainerA.patch(`/api/training/sessions/${session.id}`, { seats: 2 });
    expect(fewer.statusCode).toBe(400);
    expect(fewer.json().error).toMatchObject({ code: 'training_seats_below_enrolled', details: { field: 'seats', enrolled: 3 } });
  });

  it('a trainer of institution B can neither plan on A’s course nor touch A’s sessions', async () => {
    const session = await newSession();
    expect((await trainerB.post('/api/training/sessions', sessionBody(session.courseId))).statusCode).toBe(404);
    expect((await trainerB.patch(`/api/training/sessions/${session.id}`, { seats: 30 })).statusCode).toBe(404);
    expect((await trainerB.get(`/api/training/sessions/${session.id}/attendance`)).statusCode).toBe(404);
    expect((await trainerB.post(`/api/training/sessions/${session.id}/close`)).statusCode).toBe(404);
    expect((await trainerB.get(`/api/training/sessions/${session.id}/enrolments`)).json().items).toEqual([]);
    expect((await t.db.selectFrom('training_sessions').select('seats').where('id', '=', session.id).executeTakeFirstOrThrow()).seats).toBe(20);
  });
});

describe('enrolment', () => {
  it('HR of another agency can neither enrol nor see people out of scope', async () => {
    const session = await newSession();
    const [a] = await staff(1);
    const refused = await enrol(hrB, session.id, [a!.id]);
    expect(refused.statusCode).toBe(404);
    const code = encodeURIComponent(a!.staffCode);
    expect((await hrB.get(`/api/training/enrolments/candidates?q=${code}`)).json().items).toEqual([]);
    expect((await hrA.get(`/api/training/enrolments/candidates?q=${code}`)).json().items.map((p: { id: string }) => p.id)).toEqual([a!.id]);
    const ok = await enrol(hrA, session.id, [a!.id]);
    const enrolmentId = ok.json().items[0].id;
    expect((await hrB.get(`/api/training/enrolments/${enrolmentId}`)).statusCode).toBe(404);
    expect((await hrB.get(`/api/training/sessions/${session.id}/enrolments`)).json().items).toEqual([]);
    expect((await hrB.post(`/api/training/enrolments/${enrolmentId}/cancel`, {})).statusCode).toBe(404);
    expect((await hrA.get(`/api/training/sessions/${session.id}/enrolments`)).json().items.map((e: { personId: string }) => e.personId)).toEqual([a!.id]);
  });

  it('refuses a session on overlapping dates, naming the other session', async () => {
    const first = await newSession({ startsOn: '2026-03-10' });
    const second = await newSession({ startsOn: '2026-03-12' });
    const apart = await newSession({ startsOn: '2026-03-13' });
    const [a] = await staff(1);
    expect((await enrol(hrA, first.id, [a!.id])).statusCode).toBe(201);
    const clash = await enrol(hrA, second.id, [a!.id]);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'training_session_overlap', details: { sessionId: first.id, sessionCode: first.code } });
    expect((await enrol(hrA, apart.id, [a!.id])).statusCode).toBe(201);
  });

  it('a list is all or nothing: one refusal writes nobody', async () => {
    const first = await newSession({ startsOn: '2026-04-01' });
    const other = await newSession({ startsOn: '2026-04-01' });
    const [a, b] = await staff(2);
    await enrol(hrA, first.id, [b!.id]);
    const res = await enrol(hrA, other.id, [a!.id, b!.id]);
    expect(res.statusCode).toBe(409);
    expect(await t.db.selectFrom('training_enrolments').select('id').where('session_id', '=', other.id).execute()).toEqual([]);
  });

  it('nobody is enrolled into a course they completed (any version of it)', async () => {
    setClock('2026-02-15T03:00:00Z');
    const c = await course(t, { institution: instA });
    const done = await newSession({ courseId: c.id, startsOn: '2026-02-16', days: 1, closesOn: '2026-02-15' });
    const [a] = await staff(1);
    const e = (await enrol(hrA, done.id, [a!.id])).json().items[0];
    await trainerA.put(`/api/training/sessions/${done.id}/attendance`, { marks: [{ enrolmentId: e.id, meetingId: done.meetings[0]!.id, present: true }] });
    setClock('2026-02-16T10:00:00Z');
    expect((await trainerA.post(`/api/training/sessions/${done.id}/close`)).statusCode).toBe(200);
    const again = await newSession({ courseId: c.id, startsOn: '2026-05-04' });
    const refused = await enrol(hrA, again.id, [a!.id]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('training_course_completed');
    // A new version of the course (same code, same institution) is the same course.
    const v2 = await t.db
      .insertInto('training_courses')
      .values({
        institution_id: instA.id,
        code: c.code,
        version: 2,
        supersedes_id: c.id,
        status: 'draft',
        title: 'v2',
        search_title: 'v2',
        format: 'online',
        hours: 8,
        cost_per_seat: 0,
        framework_version_id: (await t.db.selectFrom('training_courses').select('framework_version_id').where('id', '=', c.id).executeTakeFirstOrThrow())
          .framework_version_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const v2Session = await newSession({ courseId: v2.id, startsOn: '2026-06-01' });
    expect((await enrol(hrA, v2Session.id, [a!.id])).json().error.code).toBe('training_course_completed');
    setClock('2026-02-15T03:00:00Z');
  });

  it('outside the window nobody enrols', async () => {
    const session = await newSession({ opensOn: '2026-02-20' });
    const [a] = await staff(1);
    const res = await enrol(hrA, session.id, [a!.id]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'training_enrolment_closed', details: { field: 'enrolClosesOn' } });
  });

  it('a full session waitlists; a cancellation promotes the first waiting person, notified and audited', async () => {
    const session = await newSession({ seats: 2 });
    const people = await staff(4);
    for (const p of people) expect((await enrol(hrA, session.id, [p.id])).statusCode).toBe(201);
    const list = (await hrA.get(`/api/training/sessions/${session.id}/enrolments`)).json().items as Array<{ id: string; personId: string; status: string }>;
    const statusOf = (personId: string, items = list) => items.find((e) => e.personId === personId)!.status;
    expect(people.map((p) => statusOf(p.id))).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted']);
    const firstSeat = list.find((e) => e.personId === people[0]!.id)!;
    expect((await hrA.post(`/api/training/enrolments/${firstSeat.id}/cancel`, { reason: 'ốm' })).statusCode).toBe(200);
    const after = (await hrA.get(`/api/training/sessions/${session.id}/enrolments`)).json().items;
    expect(people.map((p) => statusOf(p.id, after))).toEqual(['cancelled', 'enrolled', 'enrolled', 'waitlisted']);
    const promoted = after.find((e: { personId: string }) => e.personId === people[2]!.id);
    const kinds = await t.db.selectFrom('training_notifications').select('kind').where('enrolment_id', '=', promoted.id).orderBy('created_at').execute();
    expect(kinds.map((k) => k.kind)).toEqual(['waitlisted', 'promoted']);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'agency_path']).where('entity_id', '=', promoted.id).execute();
    expect(audit.map((a) => a.action)).toContain('promote');
    expect(audit.every((a) => a.agency_path === deptA.path)).toBe(true);
  });

  it('HR replaces an enrolled person: the newcomer takes that seat', async () => {
    const session = await newSession({ seats: 1 });
    const [a, b, c] = await staff(3);
    const seat = (await enrol(hrA, session.id, [a!.id])).json().items[0];
    await enrol(hrA, session.id, [c!.id]); // waiting
    const res = await hrA.post(`/api/training/enrolments/${seat.id}/replace`, { personId: b!.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ personId: b!.id, status: 'enrolled', replacesId: seat.id });
    const items = (await hrA.get(`/api/training/sessions/${session.id}/enrolments`)).json().items;
    expect(Object.fromEntries(items.map((e: { personId: string; status: string }) => [e.personId, e.status]))).toEqual({
      [a!.id]: 'cancelled',
      [b!.id]: 'enrolled',
      [c!.id]: 'waitlisted',
    });
    const outsider = (await staff(1, rootB))[0]!;
    const other = items.find((e: { personId: string }) => e.personId === b!.id);
    expect((await hrA.post(`/api/training/enrolments/${other.id}/replace`, { personId: outsider.id })).statusCode).toBe(404);
  });

  it('a civil servant asks, their leader approves; a leader elsewhere cannot', async () => {
    const session = await newSession();
    const [me] = await staff(1);
    const meRow = await account(t, { agency: deptA, person: me! });
    const agent = await t.signIn(meRow.username, meRow.password);
    const asked = await agent.post('/api/training/me/enrolments', { sessionId: session.id });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().status).toBe('pending_approval');
    const pending = (await leaderA.get('/api/training/enrolments?status=pending_approval')).json().items.map((e: { id: string }) => e.id);
    expect(pending).toContain(asked.json().id);
    const leaderB = await account(t, { agency: rootB, role: 'leader', person: (await staff(1, rootB))[0] });
    const otherLeader = await t.signIn(leaderB.username, leaderB.password);
    expect((await otherLeader.post(`/api/training/enrolments/${asked.json().id}/approve`)).statusCode).toBe(404);
    const approved = await leaderA.post(`/api/training/enrolments/${asked.json().id}/approve`);
    expect(approved.json().status).toBe('enrolled');
    const mine = (await agent.get('/api/training/me/enrolments')).json().items;
    expect(mine.map((e: { status: string }) => e.status)).toEqual(['enrolled']);
    expect((await agent.get(`/api/training/sessions/${session.id}/enrolments`)).statusCode).toBe(403);
  });
});

describe('attendance and results', () => {
  it('records marks and scores, imports a sheet all or nothing, closes with results and emits training.completed', async () => {
    const session = await newSession({ passScore: 50, startsOn: '2026-07-01', days: 2, closesOn: '2026-06-30' });
    const people = await staff(3);
    await enrol(
      hrA,
      session.id,
      people.map((p) => p.id),
    );
    const grid = (await trainerA.get(`/api/training/sessions/${session.id}/attendance`)).json();
    expect(grid.people).toHaveLength(3);
    const [m1, m2] = grid.meetings as Array<{ id: string }>;
    const byPerson = new Map(grid.people.map((p: { personId: string; enrolmentId: string }) => [p.personId, p.enrolmentId]));
    const eid = (i: number) => byPerson.get(people[i]!.id) as string;
    const saved = await trainerA.put(`/api/training/sessions/${session.id}/attendance`, {
      marks: [0, 1, 2].map((i) => ({ enrolmentId: eid(i), meetingId: m1!.id, present: true })),
      scores: [
        { enrolmentId: eid(0), score: 80 },
        { enrolmentId: eid(1), score: 40 },
        { enrolmentId: eid(2), score: 90 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The second day from a sheet; a bad row refuses the whole file.
    const bad = `staff_code,meeting_date,present\n${people[0]!.staffCode},2026-07-02,x\nNOBODY,2026-07-09,maybe\n`;
    const refused = await trainerA.post(`/api/training/sessions/${session.id}/attendance/import`, bad, { 'content-type': 'text/csv' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.errors).toEqual([
      { row: 3, field: 'staffCode', code: 'unknown_person' },
      { row: 3, field: 'meetingDate', code: 'no_meeting' },
      { row: 3, field: 'present', code: 'invalid_value' },
    ]);
    expect(await t.db.selectFrom('training_attendance').select('enrolment_id').where('meeting_id', '=', m2!.id).execute()).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Điểm danh');
    sheet.addRow(['Mã cán bộ', 'Ngày', 'Có mặt']);
    sheet.addRow([people[0]!.staffCode, '02/07/2026', 'có']);
    sheet.addRow([people[1]!.staffCode, '2026-07-02', 'x']);
    sheet.addRow([people[2]!.staffCode, new Date('2026-07-02T00:00:00Z'), 'không']);
    const imported = await trainerA.post(`/api/training/sessions/${session.id}/attendance/import`, Buffer.from(await workbook.xlsx.writeBuffer()), {
      'content-type': 'application/octet-stream',
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().marks.filter((m: { meetingId: string; present: boolean }) => m.meetingId === m2!.id && m.present)).toHaveLength(2);

    expect((await trainerA.post(`/api/training/sessions/${session.id}/close`)).json().error.code).toBe('training_session_not_ended');
    setClock('2026-07-02T12:00:00Z');
    const before = completedEvents.length;
    const closed = await trainerA.post(`/api/training/sessions/${session.id}/close`);
    setClock('2026-02-15T03:00:00Z');
    expect(closed.statusCode, closed.body).toBe(200);
    const result = Object.fromEntries(
      closed.json().people.map((p: { personId: string; status: string; attendanceShare: number }) => [p.personId, [p.status, p.attendanceShare]]),
    );
    // 100 % and 80 → completed; 100 % but 40 < 50 → not; 50 % < 80 % → not.
    expect(result).toEqual({ [people[0]!.id]: ['completed', 1], [people[1]!.id]: ['not_completed', 1], [people[2]!.id]: ['not_completed', 0.5] });
    expect(completedEvents.slice(before)).toEqual([
      expect.objectContaining({
        enrolmentId: eid(0),
        personId: people[0]!.id,
        sessionId: session.id,
        courseId: session.courseId,
        institutionId: instA.id,
        agencyPath: deptA.path,
      }),
    ]);
    expect((await trainerA.put(`/api/training/sessions/${session.id}/attendance`, { marks: [] })).json().error.code).toBe('training_session_closed');
    // Completion raised no competency level: no result rows were written for the person.
    const row = await t.db.selectFrom('training_enrolments').select(['completed_at']).where('id', '=', eid(0)).executeTakeFirstOrThrow();
    expect(row.completed_at).not.toBeNull();
  });
});

describe('calendar', () => {
  it('the session’s .ics opens in a calendar parser with Hà Nội times and the text intact', async () => {
    const { id: courseId } = await course(t, { institution: instA, title: 'Kỹ năng; số, "hóa"\nmới' });
    const session = await newSession({ courseId });
    const res = await hrA.get(`/api/training/sessions/${session.id}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20260310T080000');
    const events = Object.values(ical.sync.parseICS(res.body)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(3);
    const first = events.sort((a, b) => +a.start - +b.start)[0]!;
    expect(first.start.toISOString()).toBe('2026-03-10T01:00:00.000Z');
    expect(first.end!.toISOString()).toBe('2026-03-10T04:30:00.000Z');
    expect(String(first.summary)).toBe('Kỹ năng; số, "hóa"\nmới — Buổi 1');
    expect(String(first.location)).toBe('Hội trường A');
  });

  it('a person’s feed answers the secret link without a cookie; renewing ends the old link', async () => {
    const session = await newSession({ startsOn: '2026-08-03' });
    const [me] = await staff(1);
    const meRow = await account(t, { agency: deptA, person: me! });
    const agent = await t.signIn(meRow.username, meRow.password);
    await enrol(hrA, session.id, [me!.id]);
    expect((await agent.get('/api/training/me/calendar-feed')).json()).toMatchObject({ active: false, path: null });
    const made = (await agent.post('/api/training/me/calendar-feed')).json();
    expect(made.path).toMatch(/^\/api\/training\/calendar\/[A-Za-z0-9_-]{43}$/);
    const feed = await t.anonymous().get(made.path);
    expect(feed.statusCode).toBe(200);
    const events = Object.values(ical.sync.parseICS(feed.body)).filter((c) => c?.type === 'VEVENT');
    expect(events).toHaveLength(3);
    const renewed = (await agent.post('/api/training/me/calendar-feed')).json();
    expect((await t.anonymous().get(made.path)).statusCode).toBe(404);
    expect((await t.anonymous().get(renewed.path)).statusCode).toBe(200);
    expect((await agent.get('/api/training/me/calendar-feed')).json().active).toBe(true);
    const stored = await t.db.selectFrom('training_calendar_feeds').select('token_hash').where('person_id', '=', me!.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(renewed.path.split('/').pop());
  });
});
