import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { targetGroups } from '../../needs/needs.service.js';
import type { TargetGroupOptions } from '../../needs/target-groups.js';
import { assertEligible, lockPeople, seatsTaken, type LockedSession } from './enrolment.seats.js';
import { assertWindow, insertEnrolment, lockedSessionOr404 } from './enrolment.service.js';
import { allocateGroup, holdsEveryLevel, type GroupAllocation, type GroupCandidate, type GroupRefusal } from './group-enrolment.js';
import { notify } from './notifications.js';
import { findPerson } from './sessions.repository.js';
import { sessionsPolicy } from './sessions.policy.js';

type Trx = Transaction<Database>;

export interface GroupSelection extends TargetGroupOptions {
  cycleId: string;
  agencyId?: string | undefined;
  groupKey: string;
}

// The single-enrolment rules' refusals, as the group preview names them.
const REFUSAL_OF: Partial<Record<string, GroupRefusal>> = {
  training_already_enrolled: 'already_enrolled',
  training_session_overlap: 'overlap',
  training_course_completed: 'completed',
};

/** The group's members, in its order; a group the caller's scope does not produce is 404 (it names no one). */
async function groupMembers(db: Db, actor: Actor, selection: GroupSelection): Promise<string[]> {
  const { cycleId, agencyId, groupKey, ...options } = selection;
  const group = (await targetGroups(db, actor, cycleId, agencyId, options)).find((g) => g.key === groupKey);
  if (!group) throw notFound({ field: 'groupKey' });
  return group.personIds;
}

/** Each member's best assessed level per competency code in the cycle (for "already holds the level"). */
async function heldLevels(trx: Trx, cycleId: string, personIds: string[]): Promise<Map<string, Map<string, number>>> {
  const rows = personIds.length
    ? await trx
        .selectFrom('assessment_results as r')
        .innerJoin('competencies as k', 'k.id', 'r.competency_id')
        .select(['r.person_id as personId', 'k.code'])
        .select((eb) => eb.fn.max('r.assessed_level').as('level'))
        .where('r.cycle_id', '=', cycleId)
        .where('r.person_id', 'in', personIds)
        .groupBy(['r.person_id', 'k.code'])
        .execute()
    : [];
  const held = new Map<string, Map<string, number>>();
  for (const r of rows) held.set(r.personId, (held.get(r.personId) ?? new Map<string, number>()).set(r.code, Number(r.level)));
  return held;
}

async function courseTargets(trx: Trx, courseId: string) {
  return trx
    .selectFrom('training_course_competencies as cc')
    .innerJoin('competencies as k', 'k.id', 'cc.competency_id')
    .select(['k.code', 'cc.to_level as toLevel'])
    .where('cc.course_id', '=', courseId)
    .execute();
}

/** Who of the group may take a place, by the same rules as one enrolment (scope, double booking, completed) and the levels held. */
async function candidates(trx: Trx, actor: Actor, session: LockedSession, cycleId: string, personIds: string[]): Promise<GroupCandidate[]> {
  const targets = await courseTargets(trx, session.course_id);
  const held = await heldLevels(trx, cycleId, personIds);
  const result: GroupCandidate[] = [];
  for (const personId of personIds) {
    const person = await findPerson(trx, personId);
    if (!person || !sessionsPolicy.canEnrolOthers(actor, person)) {
      result.push({ personId, refusal: 'other_agency' });
      continue;
    }
    try {
      await assertEligible(trx, session, personId);
    } catch (error) {
      const refusal = error instanceof AppError ? REFUSAL_OF[error.code] : undefined;
      if (!refusal) throw error;
      result.push({ personId, refusal, sessionCode: (error as AppError & { details?: { sessionCode?: string } }).details?.sessionCode ?? null });
      continue;
    }
    result.push({ personId, refusal: holdsEveryLevel(targets, held.get(personId) ?? new Map()) ? 'holds_level' : null });
  }
  return result;
}

/** The people of an allocation with what HR needs to read it (only people the caller may enrol are named). */
async function describe(trx: Trx, actor: Actor, sessionId: string, allocation: GroupAllocation) {
  const person = async (personId: string) => {
    const p = await findPerson(trx, personId);
    // A member out of the caller's scope is counted, never named.
    return p && sessionsPolicy.canEnrolOthers(actor, p)
      ? { personId, fullName: p.fullName, staffCode: p.staffCode }
      : { personId: null, fullName: null, staffCode: null };
  };
  return {
    sessionId,
    seats: await Promise.all(allocation.seats.map(person)),
    waitlist: await Promise.all(allocation.waitlist.map(person)),
    refused: await Promise.all(allocation.refused.map(async (r) => ({ ...(await person(r.personId)), reason: r.reason, sessionCode: r.sessionCode }))),
  };
}

/** What confirming would do now; nothing is written. */
export async function previewGroupEnrolment(db: Db, actor: Actor, sessionId: string, selection: GroupSelection) {
  const personIds = await groupMembers(db, actor, selection);
  return db.transaction().execute(async (trx) => {
    const session = await lockedSessionOr404(trx, sessionId);
    assertWindow(session);
    const allocation = allocateGroup(await candidates(trx, actor, session, selection.cycleId, personIds), session.seats - (await seatsTaken(trx, session.id)));
    return describe(trx, actor, sessionId, allocation);
  });
}

/** Enrol the group in one transaction under the session's lock: seats, then the waiting list; each enrolment audited and notified. */
export async function confirmGroupEnrolment(db: Db, actor: Actor, sessionId: string, selection: GroupSelection) {
  const personIds = await groupMembers(db, actor, selection);
  return db.transaction().execute(async (trx) => {
    const session = await lockedSessionOr404(trx, sessionId);
    assertWindow(session);
    await lockPeople(trx, personIds);
    const allocation = allocateGroup(await candidates(trx, actor, session, selection.cycleId, personIds), session.seats - (await seatsTaken(trx, session.id)));
    for (const [status, ids] of [
      ['enrolled', allocation.seats],
      ['waitlisted', allocation.waitlist],
    ] as const) {
      for (const personId of ids) {
        const person = (await findPerson(trx, personId))!;
        const id = await insertEnrolment(trx, actor, session, person, status, 'hr');
        await notify(trx, personId, id, status);
      }
    }
    await recordAudit(trx, actor, {
      action: 'enrol_group',
      entity: 'training_session',
      entityId: session.id,
      agencyPath: actor.agencyPath,
      after: { cycleId: selection.cycleId, groupKey: selection.groupKey, ...allocation },
    });
    return describe(trx, actor, sessionId, allocation);
  });
}
