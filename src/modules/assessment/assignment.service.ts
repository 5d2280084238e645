import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import { isInScope } from '../../platform/auth/scope.js';
import type { RaterSource } from './consolidation.js';
import { managedCycle, type CycleRow } from './cycles.service.js';
import { planAssignment } from './assignment.plan.js';

const CHUNK = 500;

/** The subtree a bulk assignment covers: the cycle's agency, or one agency within it. */
export async function assignmentReach(db: Db, cycle: CycleRow, agencyId: string | undefined): Promise<string> {
  if (!agencyId) return cycle.agencyPath;
  const agency = await db.selectFrom('agencies').select('path').where('id', '=', agencyId).executeTakeFirst();
  if (!agency || !agency.path.startsWith(cycle.agencyPath)) throw notFound();
  return agency.path;
}

/**
 * Bulk assignment: add every person in scope (optionally only one agency's
 * subtree) who is not yet in the cycle, with self, direct leader, proposed
 * peers and subordinates as raters. Re-running adds only newcomers.
 * A follow-up after training (evaluation) narrows the form to the trained
 * `competencyIds` and the raters to some `sources` (leader and colleagues).
 */
export async function assignCycle(
  db: Db,
  actor: Actor,
  cycleId: string,
  options: { agencyId?: string; competencyIds?: readonly string[]; sources?: readonly RaterSource[] } = {},
) {
  const cycle = await managedCycle(db, actor, cycleId);
  const withinPath = await assignmentReach(db, cycle, options.agencyId);
  return db.transaction().execute(async (trx) => {
    const { subjectRows, assignmentRows } = await planAssignment(trx, cycle, withinPath, options);
    if (subjectRows.length === 0) return { subjects: 0, assignments: 0 };
    for (let i = 0; i < subjectRows.length; i += CHUNK)
      await trx
        .insertInto('assessment_subjects')
        .values(subjectRows.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < assignmentRows.length; i += CHUNK) {
      await trx
        .insertInto('assessment_assignments')
        .values(assignmentRows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const summary = { subjects: subjectRows.length, assignments: assignmentRows.length };
    await recordAudit(trx, actor, {
      action: 'assign',
      entity: 'assessment_cycle',
      entityId: cycleId,
      agencyPath: cycle.agencyPath,
      after: { ...summary, agencyId: options.agencyId ?? null },
    });
    return summary;
  });
}

/**
 * Subjects of a cycle with their raters (HR only: names of raters, never their
 * levels). Each rater's status, but never when they submitted, nor in an
 * order that follows submissions: a rater paired with a time, set against the
 * consolidations HR ran, would tell which version first held their ratings
 * (docs/ANONYMITY.md).
 */
export async function listSubjects(db: Db, actor: Actor, cycleId: string, options: { agencyId?: string; limit: number; offset: number }) {
  await managedCycle(db, actor, cycleId);
  let query = db
    .selectFrom('assessment_subjects as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .select([
      's.person_id as personId',
      'p.full_name as fullName',
      'p.staff_code as staffCode',
      's.agency_id as agencyId',
      'a.name as agencyName',
      's.position_id as positionId',
      sql<number>`jsonb_array_length(s.competency_ids)::int`.as('competencyCount'),
    ])
    .where('s.cycle_id', '=', cycleId);
  if (options.agencyId) query = query.where('s.agency_id', '=', options.agencyId);
  const subjects = await query
    .orderBy(sql`COALESCE(p.name_sort_key, p.full_name) COLLATE "C"`)
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const ids = subjects.map((s) => s.personId);
  const raters = ids.length
    ? await db
        .selectFrom('assessment_assignments as x')
        .leftJoin('people as rp', 'rp.id', 'x.rater_person_id')
        .leftJoin('users as ru', 'ru.id', 'x.rater_user_id')
        .select([
          'x.id',
          'x.subject_id as subjectId',
          'x.source',
          'x.status',
          sql<string>`COALESCE(rp.full_name, ru.display_name)`.as('raterName'),
          // Whether the rater can open the form at all: an active account, their own or linked to their staff record.
          sql<boolean>`COALESCE(ru.active, EXISTS (SELECT 1 FROM users lu WHERE lu.person_id = x.rater_person_id AND lu.active))`.as('canSignIn'),
        ])
        .where('x.cycle_id', '=', cycleId)
        .where(sql<boolean>`x.subject_id = ANY(${ids}::uuid[])`)
        // A fixed order: unordered, the rows come back as stored, and a submission rewrites its row at the end, naming the last rater.
        .orderBy('x.source')
        .orderBy(sql`COALESCE(rp.full_name, ru.display_name)`)
        .orderBy('x.id')
        .execute()
    : [];
  return subjects.map((s) => ({ ...s, raters: raters.filter((r) => r.subjectId === s.personId).map(({ subjectId: _, ...r }) => r) }));
}

/**
 * HR edits the proposal: add a peer, subordinate, leader or expert (a staff member or an expert account).
 * Raters come from the cycle's reach: a staff member (or a staff account) of
 * the cycle agency's subtree, or of an agency above the subject's within the
 * HR officer's own scope (a leader of the parent agency, as the bulk
 * assignment proposes). Expert assessor accounts belong to assessment
 * institutions outside any cycle's tree and are listed nationally
 * (GET /experts), so they may be assigned from any agency, but only as
 * experts. Anyone else answers 404 with the same body as an id that does
 * not exist, so the endpoint does not tell whether a foreign id exists.
 */
export async function addRater(
  db: Db,
  actor: Actor,
  cycleId: string,
  subjectId: string,
  input: { source: Exclude<RaterSource, 'self'>; personId?: string; userId?: string; allowSecondLeader?: boolean },
) {
  const cycle = await managedCycle(db, actor, cycleId);
  const subject = await db
    .selectFrom('assessment_subjects as s')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .select(['s.agency_id', 'a.path'])
    .where('s.cycle_id', '=', cycleId)
    .where('s.person_id', '=', subjectId)
    .executeTakeFirst();
  if (!subject) throw notFound();
  if (!input.personId === !input.userId) throw badRequest('validation_failed', [{ in: 'body', path: 'personId', message: 'personId or userId' }]);
  if (input.personId === subjectId) throw badRequest('invalid_value', { field: 'personId' });
  const withinReach = (agencyPath: string) => agencyPath.startsWith(cycle.agencyPath) || (subject.path.startsWith(agencyPath) && isInScope(actor, agencyPath));
  if (input.personId) {
    const person = await db
      .selectFrom('people as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.id', 'a.path'])
      .where('p.id', '=', input.personId)
      .where('p.status', '=', 'active')
      .executeTakeFirst();
    if (!person || !withinReach(person.path)) throw notFound();
  } else {
    const user = await db
      .selectFrom('users as u')
      .innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .select(['u.id', 'u.role', 'u.person_id', 'a.path'])
      .where('u.id', '=', input.userId!)
      .where('u.active', '=', true)
      .executeTakeFirst();
    const allowed = user && user.person_id !== subjectId && (user.role === 'expert' ? input.source === 'expert' : withinReach(user.path));
    if (!allowed) throw notFound();
  }
  const { allowSecondLeader, ...rater } = input;
  return db.transaction().execute(async (trx) => {
    if (rater.source === 'leader' && !allowSecondLeader) {
      const leader = await trx
        .selectFrom('assessment_assignments')
        .select('id')
        .where('cycle_id', '=', cycleId)
        .where('subject_id', '=', subjectId)
        .where('source', '=', 'leader')
        .executeTakeFirst();
      if (leader) throw conflict('assessment_second_leader', { field: 'source', assignmentId: leader.id });
    }
    const row = await trx
      .insertInto('assessment_assignments')
      .values({
        cycle_id: cycleId,
        subject_id: subjectId,
        agency_id: subject.agency_id,
        source: input.source,
        rater_person_id: input.personId ?? null,
        rater_user_id: input.userId ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw conflict('already_exists');
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'assessment_assignment',
      entityId: row.id,
      agencyPath: cycle.agencyPath,
      after: { subjectId, ...rater },
    });
    return row.id;
  });
}

/** Remove a rater who has not submitted (a submitted form is evidence and stays). */
export async function removeAssignment(db: Db, actor: Actor, assignmentId: string) {
  const assignment = await db.selectFrom('assessment_assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst();
  if (!assignment) throw notFound();
  const cycle = await managedCycle(db, actor, assignment.cycle_id);
  if (assignment.status === 'submitted') throw new AppError('assessment_form_submitted', 409);
  if (assignment.source === 'self') throw badRequest('invalid_value', { field: 'source' });
  await db.transaction().execute(async (trx) => {
    // Draft ratings first: assessment_ratings has no cascading key (see migration 0004).
    await trx.deleteFrom('assessment_ratings').where('assignment_id', '=', assignmentId).execute();
    await trx.deleteFrom('assessment_assignments').where('id', '=', assignmentId).execute();
    await recordAudit(trx, actor, {
      action: 'delete',
      entity: 'assessment_assignment',
      entityId: assignmentId,
      agencyPath: cycle.agencyPath,
      before: { subjectId: assignment.subject_id, source: assignment.source },
    });
  });
}
