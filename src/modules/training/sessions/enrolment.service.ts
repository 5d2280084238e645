import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { scopeCondition } from '../../../platform/auth/scope.js';
import { today } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import type { EnrolmentSource, EnrolmentStatus } from '../training.tables.js';
import { assertEligible, assertOpenSession, lockPeople, lockSession, promoteWaiting, seatsTaken, type LockedSession } from './enrolment.seats.js';
import { notify } from './notifications.js';
import { enrolmentBase, findEnrolment, findPerson, staffInstitution, type EnrolmentRow } from './sessions.repository.js';
import { sessionsPolicy } from './sessions.policy.js';
import { windowOpen } from './sessions.rules.js';

type Trx = Transaction<Database>;

export function assertWindow(session: LockedSession) {
  assertOpenSession(session);
  if (!windowOpen(today(), { enrolOpensOn: session.enrol_opens_on, enrolClosesOn: session.enrol_closes_on })) {
    throw new AppError('training_enrolment_closed', 409, {
      field: 'enrolClosesOn',
      enrolOpensOn: session.enrol_opens_on,
      enrolClosesOn: session.enrol_closes_on,
    });
  }
}

export async function lockedSessionOr404(trx: Trx, sessionId: string) {
  const session = await lockSession(trx, sessionId);
  if (!session) throw notFound({ sessionId });
  return session;
}

/** A seat if one is free, else the waiting list (the session is locked by the caller). */
async function seatOrWait(trx: Trx, session: LockedSession): Promise<'enrolled' | 'waitlisted'> {
  return (await seatsTaken(trx, session.id)) < session.seats ? 'enrolled' : 'waitlisted';
}

export async function insertEnrolment(
  trx: Trx,
  actor: Actor,
  session: LockedSession,
  person: { id: string; agencyId: string; agencyPath: string },
  status: EnrolmentStatus,
  source: EnrolmentSource,
  replacesId: string | null = null,
) {
  const row = {
    session_id: session.id,
    person_id: person.id,
    agency_id: person.agencyId,
    status,
    source,
    requested_by: actor.userId,
    replaces_id: replacesId,
    ...(status === 'pending_approval' ? {} : { decided_by: actor.userId, decided_at: new Date() }),
  };
  const { id } = await trx.insertInto('training_enrolments').values(row).returning('id').executeTakeFirstOrThrow();
  await recordAudit(trx, actor, { action: 'create', entity: 'training_enrolment', entityId: id, agencyPath: person.agencyPath, after: row });
  return id;
}

/** The civil servant asks for a place; their leader decides (pending_approval). */
export async function requestEnrolment(db: Db, actor: Actor, sessionId: string) {
  if (!actor.personId) throw forbidden({ reason: 'training_no_person' });
  const personId = actor.personId;
  return db.transaction().execute(async (trx) => {
    const session = await lockedSessionOr404(trx, sessionId);
    assertWindow(session);
    await lockPeople(trx, [personId]);
    const person = (await findPerson(trx, personId))!;
    await assertEligible(trx, session, personId);
    const id = await insertEnrolment(trx, actor, session, person, 'pending_approval', 'self');
    await notify(trx, personId, id, 'requested');
    return (await findEnrolment(trx, id))!;
  });
}

/** HR enrols people of their scope directly: all or nothing (one refusal names the person and writes nothing). */
export async function enrolPeople(db: Db, actor: Actor, sessionId: string, personIds: readonly string[], source: 'hr' | 'plan') {
  return db.transaction().execute((trx) => enrolPeopleIn(trx, actor, sessionId, personIds, source));
}

/** The same inside the caller's transaction (an approved annual plan enrols every session's people in one). */
export async function enrolPeopleIn(trx: Trx, actor: Actor, sessionId: string, personIds: readonly string[], source: 'hr' | 'plan') {
  const session = await lockedSessionOr404(trx, sessionId);
  assertWindow(session);
  await lockPeople(trx, personIds);
  const ids: string[] = [];
  for (const [index, personId] of [...new Set(personIds)].entries()) {
    const person = await findPerson(trx, personId);
    if (!person || !sessionsPolicy.canEnrolOthers(actor, person)) throw notFound({ field: `personIds.${index}`, personId });
    await assertEligible(trx, session, personId);
    const status = await seatOrWait(trx, session);
    const id = await insertEnrolment(trx, actor, session, person, status, source);
    await notify(trx, personId, id, status);
    ids.push(id);
  }
  const items = await enrolmentBase(trx).where('e.id', 'in', ids).execute();
  return { items, total: items.length };
}

/** An enrolment the actor may read; absent and out of scope answer alike. */
export async function readableEnrolment(db: Db | Trx, actor: Actor, id: string): Promise<EnrolmentRow> {
  const row = await findEnrolment(db, id);
  if (!row || !sessionsPolicy.canReadEnrolment(actor, await staffInstitution(db, actor.userId), row)) throw notFound({ enrolmentId: id });
  return row;
}

/** The leader's decision: approved takes a seat if free, else waits (by the request's time). */
export async function decideEnrolment(db: Db, actor: Actor, id: string, approve: boolean) {
  return db.transaction().execute(async (trx) => {
    const current = await readableEnrolment(trx, actor, id);
    if (!sessionsPolicy.canDecide(actor, current)) throw notFound({ enrolmentId: id });
    const session = await lockedSessionOr404(trx, current.sessionId);
    const enrolment = (await findEnrolment(trx, id))!;
    if (enrolment.status !== 'pending_approval') throw new AppError('training_enrolment_state', 409, { status: enrolment.status });
    let status: EnrolmentStatus = 'rejected';
    if (approve) {
      assertOpenSession(session);
      await lockPeople(trx, [enrolment.personId]);
      await assertEligible(trx, session, enrolment.personId, id);
      status = await seatOrWait(trx, session);
    }
    await trx
      .updateTable('training_enrolments')
      .set({ status, decided_by: actor.userId, decided_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: approve ? 'approve' : 'reject',
      entity: 'training_enrolment',
      entityId: id,
      agencyPath: enrolment.agencyPath,
      before: { status: enrolment.status },
      after: { status },
    });
    await notify(trx, enrolment.personId, id, approve ? (status === 'enrolled' ? 'approved' : 'waitlisted') : 'rejected');
    return (await findEnrolment(trx, id))!;
  });
}

const CANCELLABLE: readonly EnrolmentStatus[] = ['pending_approval', 'enrolled', 'waitlisted'];

/** Cancelling a seat promotes the first waiting person in the same transaction. */
export async function cancelEnrolment(db: Db, actor: Actor, id: string, reason: string | undefined) {
  return db.transaction().execute(async (trx) => {
    const current = await readableEnrolment(trx, actor, id);
    if (!sessionsPolicy.canCancel(actor, current)) throw notFound({ enrolmentId: id });
    await lockedSessionOr404(trx, current.sessionId);
    const enrolment = (await findEnrolment(trx, id))!;
    if (!CANCELLABLE.includes(enrolment.status)) throw new AppError('training_enrolment_state', 409, { status: enrolment.status });
    await trx
      .updateTable('training_enrolments')
      .set({ status: 'cancelled', cancel_reason: reason ?? null, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'cancel',
      entity: 'training_enrolment',
      entityId: id,
      agencyPath: enrolment.agencyPath,
      before: { status: enrolment.status },
      after: { status: 'cancelled', reason },
    });
    await notify(trx, enrolment.personId, id, 'cancelled');
    if (enrolment.status === 'enrolled') await promoteWaiting(trx, actor, enrolment.sessionId);
    return (await findEnrolment(trx, id))!;
  });
}

/**
 * HR gives an enrolled person's seat to another person of their scope: the
 * replaced enrolment is cancelled and the newcomer takes that very seat (the
 * waiting list does not move: the seat never became free). A newcomer already
 * waiting in this session keeps their request, now enrolled.
 */
export async function replaceEnrolment(db: Db, actor: Actor, id: string, personId: string) {
  return db.transaction().execute(async (trx) => {
    const current = await readableEnrolment(trx, actor, id);
    if (!sessionsPolicy.canEnrolOthers(actor, current)) throw notFound({ enrolmentId: id });
    const session = await lockedSessionOr404(trx, current.sessionId);
    assertOpenSession(session);
    await lockPeople(trx, [current.personId, personId]);
    const enrolment = (await findEnrolment(trx, id))!;
    if (enrolment.status !== 'enrolled') throw new AppError('training_enrolment_state', 409, { status: enrolment.status });
    const person = await findPerson(trx, personId);
    if (!person || !sessionsPolicy.canEnrolOthers(actor, person)) throw notFound({ field: 'personId', personId });
    await trx.updateTable('training_enrolments').set({ status: 'cancelled', cancel_reason: 'replaced', updated_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'replace',
      entity: 'training_enrolment',
      entityId: id,
      agencyPath: enrolment.agencyPath,
      relatedAgencyPaths: [person.agencyPath],
      before: { status: 'enrolled' },
      after: { status: 'cancelled', replacedBy: personId },
    });
    await notify(trx, enrolment.personId, id, 'replaced');
    const waiting = await trx
      .selectFrom('training_enrolments')
      .select('id')
      .where('session_id', '=', session.id)
      .where('person_id', '=', personId)
      .where('status', 'in', ['waitlisted', 'pending_approval'])
      .executeTakeFirst();
    let newId: string;
    if (waiting) {
      newId = waiting.id;
      await trx
        .updateTable('training_enrolments')
        .set({ status: 'enrolled', replaces_id: id, decided_by: actor.userId, decided_at: new Date(), updated_at: new Date() })
        .where('id', '=', newId)
        .execute();
      await recordAudit(trx, actor, {
        action: 'update',
        entity: 'training_enrolment',
        entityId: newId,
        agencyPath: person.agencyPath,
        after: { status: 'enrolled', replaces: id },
      });
    } else {
      await assertEligible(trx, session, personId);
      newId = await insertEnrolment(trx, actor, session, person, 'enrolled', 'hr', id);
    }
    await notify(trx, personId, newId, 'enrolled');
    return (await findEnrolment(trx, newId))!;
  });
}

/**
 * Enrolments the actor may see: HR and leaders their subtree, a trainer their
 * institution's sessions, a civil servant their own.
 */
export async function listEnrolments(db: Db, actor: Actor, filter: { status?: EnrolmentStatus; sessionId?: string; limit: number; offset: number }) {
  let query = enrolmentBase(db);
  if (actor.role === 'trainer')
    query = query.where('c.institution_id', '=', (await staffInstitution(db, actor.userId)) ?? '00000000-0000-0000-0000-000000000000');
  else if (actor.role === 'hr_officer' || actor.role === 'leader' || actor.role === 'national_admin') query = query.where(scopeCondition(actor, 'a.path'));
  else query = query.where('e.person_id', '=', actor.personId ?? '00000000-0000-0000-0000-000000000000');
  if (filter.status) query = query.where('e.status', '=', filter.status);
  if (filter.sessionId) query = query.where('e.session_id', '=', filter.sessionId);
  const [items, count] = await Promise.all([
    query.orderBy('s.starts_on', 'desc').orderBy('e.requested_at').orderBy('e.id').limit(filter.limit).offset(filter.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export function myEnrolments(db: Db, actor: Actor) {
  if (!actor.personId) return Promise.resolve({ items: [], total: 0 });
  return enrolmentBase(db)
    .where('e.person_id', '=', actor.personId)
    .orderBy('s.starts_on', 'desc')
    .execute()
    .then((items) => ({ items, total: items.length }));
}

export async function myNotifications(db: Db, actor: Actor) {
  if (!actor.personId) return { items: [] };
  const items = await db
    .selectFrom('training_notifications as n')
    .leftJoin('training_enrolments as e', 'e.id', 'n.enrolment_id')
    .leftJoin('training_sessions as s', 's.id', 'e.session_id')
    .select(['n.id', 'n.kind', 'n.created_at as createdAt', 'n.read_at as readAt', 'n.enrolment_id as enrolmentId', 's.code as sessionCode'])
    .where('n.person_id', '=', actor.personId)
    .orderBy('n.created_at', 'desc')
    .limit(50)
    .execute();
  return { items };
}
