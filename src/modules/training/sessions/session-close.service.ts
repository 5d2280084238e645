import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit, recordAudits, type AuditEvent } from '../../../platform/audit/audit.js';
import { now as clockNow, today } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import type { DomainEvents } from '../../../platform/events/domain-events.js';
import { AppError } from '../../../platform/errors.js';
import { emit } from '../../events.js';
import { attendanceGrid } from './attendance.service.js';
import { notifyAll } from './notifications.js';
import { meetingsOf } from './sessions.repository.js';
import { completionResult } from './sessions.rules.js';
import { managedSession } from './sessions.service.js';

type Trx = Transaction<Database>;

/**
 * Closes the session: each seat's result by the course's rule, completed_at for
 * the completed, `training.completed` for each (in this transaction, so what
 * reacts commits with it). Requests still pending or waiting are cancelled.
 * Completion raises no competency level here.
 *
 * Set-based: the seats' results are one UPDATE, their audit rows one INSERT
 * (still one row per enrolment, with its before and after) and their
 * notifications one INSERT, whatever the session's size; a statement per seat
 * was most of a large session's close.
 */
export async function closeSession(db: Db, actor: Actor, sessionId: string) {
  await db.transaction().execute(async (trx) => {
    const session = await managedSession(trx, actor, sessionId);
    if (session.status === 'completed') throw new AppError('training_session_closed', 409);
    if (today() < session.endsOn) throw new AppError('training_session_not_ended', 409, { field: 'endsOn', endsOn: session.endsOn });
    const meetings = await meetingsOf(trx, [sessionId]);
    const seated = await trx
      .selectFrom('training_enrolments as e')
      .innerJoin('agencies as a', 'a.id', 'e.agency_id')
      .select(['e.id', 'e.person_id', 'e.final_score', 'a.path'])
      .select((eb) =>
        eb
          .selectFrom('training_attendance as t')
          .whereRef('t.enrolment_id', '=', 'e.id')
          .where('t.present', '=', true)
          .select(eb.fn.countAll<number>().as('n'))
          .as('attended'),
      )
      .where('e.session_id', '=', sessionId)
      .where('e.status', '=', 'enrolled')
      .orderBy('e.id')
      .execute();
    // The application clock (as `today()` above): the completion day is what the follow-ups and the effectiveness count from.
    const now = clockNow();
    const results = seated.map((e) => {
      const result = completionResult({
        meetings: meetings.length,
        attended: Number(e.attended ?? 0),
        minAttendance: session.minAttendance,
        passScore: session.passScore,
        score: e.final_score,
      });
      return { seat: e, ...result, status: result.completed ? ('completed' as const) : ('not_completed' as const) };
    });
    await writeResults(trx, results, now);
    await recordAudits(
      trx,
      actor,
      results.map((r): AuditEvent => ({
        action: 'result',
        entity: 'training_enrolment',
        entityId: r.seat.id,
        agencyPath: r.seat.path,
        before: { status: 'enrolled' },
        after: { status: r.status, attendanceShare: r.attendanceShare, finalScore: r.seat.final_score },
      })),
    );
    await notifyAll(
      trx,
      results.map((r) => ({ personId: r.seat.person_id, enrolmentId: r.seat.id, kind: r.status })),
    );
    // Each completion is still announced on its own (what reacts to one completion hears it); the handlers that
    // can work for the whole session at once skip these (inSessionClose) and do it on `training.sessionClosed`.
    for (const r of results)
      if (r.completed)
        await emit(trx, 'training.completed', {
          enrolmentId: r.seat.id,
          personId: r.seat.person_id,
          sessionId,
          courseId: session.courseId,
          institutionId: session.institutionId,
          agencyPath: r.seat.path,
          completedAt: now.toISOString(),
          inSessionClose: true,
        });
    const seats: DomainEvents['training.sessionClosed']['seats'] = results.map((r) => ({
      enrolmentId: r.seat.id,
      personId: r.seat.person_id,
      agencyPath: r.seat.path,
      completed: r.completed,
      attended: Number(r.seat.attended ?? 0) > 0,
    }));
    await emit(trx, 'training.sessionClosed', {
      sessionId,
      courseId: session.courseId,
      institutionId: session.institutionId,
      closedAt: now.toISOString(),
      seats,
    });
    await cancelUnseated(trx, actor, sessionId, now);
    await trx.updateTable('training_sessions').set({ status: 'completed', updated_at: now }).where('id', '=', sessionId).execute();
    await recordAudit(trx, actor, { action: 'close', entity: 'training_session', entityId: sessionId, agencyPath: null, after: { results: seated.length } });
  });
  return attendanceGrid(db, actor, sessionId);
}

/** Every seat's result in one statement: the seats' ids, statuses and shares as parallel arrays. */
async function writeResults(
  trx: Trx,
  results: ReadonlyArray<{ seat: { id: string }; status: 'completed' | 'not_completed'; attendanceShare: number }>,
  now: Date,
) {
  if (results.length === 0) return;
  await sql`
    UPDATE training_enrolments e
    SET status = r.status, attendance_share = r.share,
        completed_at = CASE WHEN r.status = 'completed' THEN ${now}::timestamptz END, updated_at = ${now}::timestamptz
    FROM unnest(${results.map((r) => r.seat.id)}::uuid[], ${results.map((r) => r.status)}::text[], ${results.map((r) => r.attendanceShare)}::numeric[])
      AS r(id, status, share)
    WHERE e.id = r.id`.execute(trx);
}

/** Requests still pending or waiting when the session closes are cancelled: one update, one audit row and one notice each. */
async function cancelUnseated(trx: Trx, actor: Actor, sessionId: string, now: Date) {
  const unseated = await trx
    .selectFrom('training_enrolments as e')
    .innerJoin('agencies as a', 'a.id', 'e.agency_id')
    .select(['e.id', 'e.person_id', 'e.status', 'a.path'])
    .where('e.session_id', '=', sessionId)
    .where('e.status', 'in', ['pending_approval', 'waitlisted'])
    .orderBy('e.id')
    .execute();
  if (unseated.length === 0) return;
  await trx
    .updateTable('training_enrolments')
    .set({ status: 'cancelled', cancel_reason: 'session_closed', updated_at: now })
    .where(
      'id',
      'in',
      unseated.map((u) => u.id),
    )
    .execute();
  await recordAudits(
    trx,
    actor,
    unseated.map((u) => ({
      action: 'cancel',
      entity: 'training_enrolment',
      entityId: u.id,
      agencyPath: u.path,
      before: { status: u.status },
      after: { status: 'cancelled', reason: 'session_closed' },
    })),
  );
  await notifyAll(
    trx,
    unseated.map((u) => ({ personId: u.person_id, enrolmentId: u.id, kind: 'cancelled' as const })),
  );
}
