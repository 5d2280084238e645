import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/schema.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { LIVE_STATUSES, SEAT_STATUSES } from './sessions.repository.js';
import { notify } from './notifications.js';

type Trx = Transaction<Database>;

/**
 * Seats hold under concurrency because every change of who holds a seat in a
 * session first locks the session's row (SELECT … FOR UPDATE): the count and
 * the insert that follow see every committed seat, and the next transaction
 * waits. People are locked too (in id order, so two lists never deadlock), so
 * the same person cannot be booked twice at once into overlapping sessions.
 */
export async function lockSession(trx: Trx, sessionId: string) {
  return trx
    .selectFrom('training_sessions')
    .select(['id', 'code', 'course_id', 'starts_on', 'ends_on', 'seats', 'enrol_opens_on', 'enrol_closes_on', 'status'])
    .where('id', '=', sessionId)
    .forUpdate()
    .executeTakeFirst();
}
export type LockedSession = NonNullable<Awaited<ReturnType<typeof lockSession>>>;

export async function lockPeople(trx: Trx, personIds: readonly string[]): Promise<void> {
  const sorted = [...new Set(personIds)].sort();
  if (sorted.length > 0) await trx.selectFrom('people').select('id').where('id', 'in', sorted).orderBy('id').forUpdate().execute();
}

export async function seatsTaken(trx: Trx, sessionId: string): Promise<number> {
  const row = await trx
    .selectFrom('training_enrolments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('session_id', '=', sessionId)
    .where('status', 'in', SEAT_STATUSES)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * The rules before a person takes (or asks for) a place: not already in this
 * session, no live enrolment in a session on overlapping dates (409 naming it),
 * and not a course (any version, same code at the same institution) they completed.
 */
export async function assertEligible(trx: Trx, session: LockedSession, personId: string, ignoreEnrolmentId?: string): Promise<void> {
  const live = await trx
    .selectFrom('training_enrolments as e')
    .innerJoin('training_sessions as s', 's.id', 'e.session_id')
    .select(['e.id', 's.id as sessionId', 's.code'])
    .where('e.person_id', '=', personId)
    .where('e.status', 'in', LIVE_STATUSES)
    .where('s.starts_on', '<=', session.ends_on)
    .where('s.ends_on', '>=', session.starts_on)
    .$if(ignoreEnrolmentId !== undefined, (q) => q.where('e.id', '<>', ignoreEnrolmentId!))
    .execute();
  const same = live.find((e) => e.sessionId === session.id);
  if (same) throw conflict('training_already_enrolled', { personId, enrolmentId: same.id });
  const other = live[0];
  if (other) throw conflict('training_session_overlap', { personId, sessionId: other.sessionId, sessionCode: other.code });
  const done = await trx
    .selectFrom('training_enrolments as e')
    .innerJoin('training_sessions as s', 's.id', 'e.session_id')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .innerJoin('training_courses as target', (join) => join.onRef('target.institution_id', '=', 'c.institution_id').onRef('target.code', '=', 'c.code'))
    .select('s.code')
    .where('e.person_id', '=', personId)
    .where('e.status', '=', 'completed')
    .where('target.id', '=', session.course_id)
    .executeTakeFirst();
  if (done) throw conflict('training_course_completed', { personId, sessionCode: done.code });
}

export function assertOpenSession(session: LockedSession): void {
  if (session.status === 'completed' || session.status === 'cancelled') throw new AppError('training_session_closed', 409, { sessionId: session.id });
}

/** Gives the first waiting people the free seats, by request time, each notified and audited. */
export async function promoteWaiting(trx: Trx, actor: Actor | null, sessionId: string): Promise<string[]> {
  const session = await lockSession(trx, sessionId);
  if (!session || session.status === 'completed' || session.status === 'cancelled') return [];
  const free = session.seats - (await seatsTaken(trx, sessionId));
  if (free <= 0) return [];
  const waiting = await trx
    .selectFrom('training_enrolments as e')
    .innerJoin('agencies as a', 'a.id', 'e.agency_id')
    .select(['e.id', 'e.person_id', 'a.path'])
    .where('e.session_id', '=', sessionId)
    .where('e.status', '=', 'waitlisted')
    .orderBy('e.requested_at')
    .orderBy('e.id')
    .limit(free)
    .execute();
  for (const w of waiting) {
    await trx.updateTable('training_enrolments').set({ status: 'enrolled', updated_at: new Date() }).where('id', '=', w.id).execute();
    await recordAudit(trx, actor, {
      action: 'promote',
      entity: 'training_enrolment',
      entityId: w.id,
      agencyPath: w.path,
      before: { status: 'waitlisted' },
      after: { status: 'enrolled' },
    });
    await notify(trx, w.person_id, w.id, 'promoted');
  }
  return waiting.map((w) => w.id);
}
