import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { today } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/engine.js';
import { AppError, badRequest, notFound } from '../../../platform/errors.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { findSession, lecturersOf, meetingsOf, sessionBase, staffInstitution, type SessionRow } from './sessions.repository.js';
import { sessionsPolicy } from './sessions.policy.js';
import { planViolation, windowOpen } from './sessions.rules.js';
import { promoteWaiting } from './enrolment.seats.js';

type Trx = Transaction<Database>;

export interface MeetingInput {
  id?: string;
  startsAt: string;
  endsAt: string;
  topic: string;
}
export interface SessionFields {
  startsOn: string;
  endsOn: string;
  place: string;
  onlineUrl: string | null;
  seats: number;
  enrolOpensOn: string;
  enrolClosesOn: string;
  costPerSeat?: number;
  lecturerIds: string[];
  meetings: MeetingInput[];
}
export interface SessionCreate extends SessionFields {
  courseId: string;
  code: string;
}

function summary(row: SessionRow, canManage: boolean) {
  const closed = row.status === 'completed' || row.status === 'cancelled';
  return { ...row, enrolmentOpen: !closed && windowOpen(today(), row), canManage };
}

export async function listSessions(
  db: Db,
  actor: Actor,
  filter: { mine?: 'true' | 'false'; open?: 'true' | 'false'; courseId?: string; year?: number; limit: number; offset: number },
) {
  const staffOf = await staffInstitution(db, actor.userId);
  let query = sessionBase(db);
  if (filter.mine === 'true') query = query.where('c.institution_id', '=', staffOf ?? '00000000-0000-0000-0000-000000000000');
  if (filter.courseId) query = query.where('s.course_id', '=', filter.courseId);
  if (filter.year) query = query.where('s.starts_on', '>=', `${filter.year}-01-01`).where('s.starts_on', '<=', `${filter.year}-12-31`);
  if (filter.open === 'true') {
    const day = today();
    query = query.where('s.enrol_opens_on', '<=', day).where('s.enrol_closes_on', '>=', day).where('s.status', 'not in', ['completed', 'cancelled']);
  }
  const [rows, count] = await Promise.all([
    query.orderBy('s.starts_on', 'desc').orderBy('s.code').limit(filter.limit).offset(filter.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) => summary({ ...r, enrolled: r.enrolled ?? 0, waitlisted: r.waitlisted ?? 0 }, sessionsPolicy.canManage(actor, staffOf, r)));
  return { items, total: Number(count.total) };
}

/** Every signed-in user reads a session (it is an offer); the answer says whether they may manage it. */
export async function getSession(db: Db | Trx, actor: Actor, id: string) {
  const row = await findSession(db, id);
  if (!row) throw notFound({ sessionId: id });
  const staffOf = await staffInstitution(db, actor.userId);
  const [meetings, lecturers] = await Promise.all([meetingsOf(db, [id]), lecturersOf(db, id)]);
  return { ...summary(row, sessionsPolicy.canManage(actor, staffOf, row)), meetings: meetings.map(({ sessionId: _, ...m }) => m), lecturers };
}

/** A session the actor manages, locked for the transaction; anyone else's answers 404 like a missing one. */
export async function managedSession(trx: Trx, actor: Actor, id: string): Promise<SessionRow> {
  await trx.selectFrom('training_sessions').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const row = await findSession(trx, id);
  if (!row || !sessionsPolicy.canManage(actor, await staffInstitution(trx, actor.userId), row)) throw notFound({ sessionId: id });
  return row;
}

function checkPlan(fields: Omit<SessionFields, 'costPerSeat' | 'lecturerIds'>, enrolled: number) {
  const violation = planViolation(fields, enrolled);
  if (violation) {
    const { code, ...details } = violation;
    throw badRequest(code, details);
  }
}

async function checkLecturers(trx: Trx, institutionId: string, lecturerIds: readonly string[]) {
  if (lecturerIds.length === 0) return;
  const found = await trx.selectFrom('training_lecturers').select('id').where('id', 'in', lecturerIds).where('institution_id', '=', institutionId).execute();
  const ok = new Set(found.map((l) => l.id));
  const wrong = lecturerIds.findIndex((id) => !ok.has(id));
  if (wrong >= 0) throw badRequest('training_lecturer_invalid', { field: `lecturerIds.${wrong}` });
}

async function writeMeetings(trx: Trx, sessionId: string, meetings: readonly MeetingInput[]) {
  const existing = new Set((await trx.selectFrom('training_session_meetings').select('id').where('session_id', '=', sessionId).execute()).map((m) => m.id));
  const kept = meetings.filter((m) => m.id);
  const unknown = meetings.findIndex((m) => m.id && !existing.has(m.id));
  if (unknown >= 0) throw badRequest('invalid_value', { field: `meetings.${unknown}.id` });
  const keptIds = kept.map((m) => m.id!);
  // A meeting left out is removed with its attendance marks (ON DELETE CASCADE).
  let removal = trx.deleteFrom('training_session_meetings').where('session_id', '=', sessionId);
  if (keptIds.length > 0) removal = removal.where('id', 'not in', keptIds);
  await removal.execute();
  for (const m of kept) {
    await trx
      .updateTable('training_session_meetings')
      .set({ starts_at: new Date(m.startsAt), ends_at: new Date(m.endsAt), topic: m.topic })
      .where('id', '=', m.id!)
      .execute();
  }
  const added = meetings
    .filter((m) => !m.id)
    .map((m) => ({ session_id: sessionId, starts_at: new Date(m.startsAt), ends_at: new Date(m.endsAt), topic: m.topic }));
  if (added.length > 0) await trx.insertInto('training_session_meetings').values(added).execute();
}

async function writeLecturers(trx: Trx, sessionId: string, lecturerIds: readonly string[]) {
  await trx.deleteFrom('training_session_lecturers').where('session_id', '=', sessionId).execute();
  const unique = [...new Set(lecturerIds)];
  if (unique.length > 0)
    await trx
      .insertInto('training_session_lecturers')
      .values(unique.map((lecturer_id) => ({ session_id: sessionId, lecturer_id })))
      .execute();
}

export async function createSession(db: Db, actor: Actor, input: SessionCreate) {
  return db.transaction().execute(async (trx) => {
    const course = await trx
      .selectFrom('training_courses')
      .select(['id', 'institution_id', 'cost_per_seat', 'status'])
      .where('id', '=', input.courseId)
      .executeTakeFirst();
    if (!course || !sessionsPolicy.canManage(actor, await staffInstitution(trx, actor.userId), { institutionId: course.institution_id })) {
      throw new AppError('not_found', 404, { field: 'courseId' });
    }
    checkPlan(input, 0);
    await checkLecturers(trx, course.institution_id, input.lecturerIds);
    const row = {
      course_id: course.id,
      code: input.code,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      place: input.place,
      online_url: input.onlineUrl,
      seats: input.seats,
      enrol_opens_on: input.enrolOpensOn,
      enrol_closes_on: input.enrolClosesOn,
      cost_per_seat: input.costPerSeat ?? course.cost_per_seat,
      status: 'open' as const,
    };
    if (await trx.selectFrom('training_sessions').select('id').where('code', '=', input.code).executeTakeFirst())
      throw new AppError('already_exists', 409, { fields: ['code'] });
    const { id } = await trx.insertInto('training_sessions').values(row).returning('id').executeTakeFirstOrThrow();
    await writeLecturers(trx, id, input.lecturerIds);
    await writeMeetings(trx, id, input.meetings);
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'training_session',
      entityId: id,
      agencyPath: null,
      after: { ...row, lecturerIds: input.lecturerIds, meetings: input.meetings },
    });
    return getSession(trx, actor, id);
  });
}

export async function updateSession(db: Db, actor: Actor, id: string, change: Partial<SessionFields>) {
  return db.transaction().execute(async (trx) => {
    const session = await managedSession(trx, actor, id);
    if (session.status === 'completed') throw new AppError('training_session_closed', 409);
    const meetingsBefore = await meetingsOf(trx, [id]);
    const next = {
      startsOn: change.startsOn ?? session.startsOn,
      endsOn: change.endsOn ?? session.endsOn,
      place: change.place ?? session.place,
      onlineUrl: change.onlineUrl === undefined ? session.onlineUrl : change.onlineUrl,
      seats: change.seats ?? session.seats,
      enrolOpensOn: change.enrolOpensOn ?? session.enrolOpensOn,
      enrolClosesOn: change.enrolClosesOn ?? session.enrolClosesOn,
      costPerSeat: change.costPerSeat ?? session.costPerSeat,
      meetings:
        change.meetings ?? meetingsBefore.map((m) => ({ id: m.id, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString(), topic: m.topic })),
    };
    checkPlan(next, session.enrolled);
    if (change.lecturerIds) await checkLecturers(trx, session.institutionId, change.lecturerIds);
    await trx
      .updateTable('training_sessions')
      .set({
        starts_on: next.startsOn,
        ends_on: next.endsOn,
        place: next.place,
        online_url: next.onlineUrl,
        seats: next.seats,
        enrol_opens_on: next.enrolOpensOn,
        enrol_closes_on: next.enrolClosesOn,
        cost_per_seat: next.costPerSeat,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (change.lecturerIds) await writeLecturers(trx, id, change.lecturerIds);
    if (change.meetings) await writeMeetings(trx, id, change.meetings);
    // More seats: the waiting list moves up at once.
    if (next.seats > session.seats) await promoteWaiting(trx, actor, id);
    const { enrolled: _e, waitlisted: _w, ...before } = session;
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'training_session',
      entityId: id,
      agencyPath: null,
      before: { ...before, meetings: meetingsBefore },
      after: { ...next, lecturerIds: change.lecturerIds },
    });
    return getSession(trx, actor, id);
  });
}
