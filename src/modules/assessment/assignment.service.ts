import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.js';
import { isInScope } from '../../platform/auth/scope.js';
import { formCompetencyIds } from './catalogue.js';
import type { RaterSource } from './consolidation.js';
import { managedCycle, type CycleRow } from './cycles.service.js';
import { proposeRaters, type Colleague, type RoleCategory } from './rater-proposal.js';

/** Proposed subordinates per leader: enough to clear the anonymity threshold with some to spare. */
const PROPOSED_SUBORDINATES = 5;
const CHUNK = 500;

interface PersonRow {
  id: string;
  agency_id: string;
  position_id: string | null;
  role_category: RoleCategory | null;
  sort_key: string;
  path: string;
}

/** Active people the cycle's scope covers, optionally within one agency's subtree. */
async function scopedPeople(trx: Transaction<Database>, cycle: CycleRow, withinPath: string): Promise<PersonRow[]> {
  const { agencyIds, positionIds, personIds } = cycle.scope;
  const scopePaths = agencyIds.length ? (await trx.selectFrom('agencies').select('path').where('id', 'in', agencyIds).execute()).map((a) => a.path + '%') : [];
  const byUnit = sql<boolean>`(${scopePaths.length ? sql`a.path LIKE ANY(${scopePaths}::text[])` : sql`true`}
      AND ${positionIds.length ? sql`p.position_id = ANY(${positionIds}::uuid[])` : sql`true`})`;
  const byPerson = sql<boolean>`p.id = ANY(${personIds}::uuid[])`;
  // No filter at all: the cycle agency's whole subtree. Otherwise units (agencies x positions) or listed people.
  const filter =
    agencyIds.length + positionIds.length + personIds.length === 0
      ? sql<boolean>`true`
      : agencyIds.length + positionIds.length === 0
        ? byPerson
        : sql<boolean>`(${byUnit} OR ${byPerson})`;
  const { rows } = await sql<PersonRow>`
    SELECT p.id, p.agency_id, p.position_id, p.role_category, COALESCE(p.name_sort_key, p.full_name) || p.staff_code AS sort_key, a.path
    FROM people p JOIN agencies a ON a.id = p.agency_id
    WHERE p.status = 'active' AND a.path LIKE ${cycle.agencyPath + '%'} AND a.path LIKE ${withinPath + '%'} AND ${filter}`.execute(trx);
  return rows;
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
  let withinPath = cycle.agencyPath;
  if (options.agencyId) {
    const agency = await db.selectFrom('agencies').select('path').where('id', '=', options.agencyId).executeTakeFirst();
    if (!agency || !agency.path.startsWith(cycle.agencyPath)) throw notFound();
    withinPath = agency.path;
  }
  return db.transaction().execute(async (trx) => {
    const candidates = await scopedPeople(trx, cycle, withinPath);
    const existing = new Set(
      (await trx.selectFrom('assessment_subjects').select('person_id').where('cycle_id', '=', cycleId).execute()).map((r) => r.person_id),
    );
    const subjects = candidates.filter((p) => !existing.has(p.id));
    if (subjects.length === 0) return { subjects: 0, assignments: 0 };

    const agencyIds = [...new Set(subjects.map((s) => s.agency_id))];
    const ancestorIds = [...new Set(subjects.flatMap((s) => s.path.split('/').filter(Boolean).slice(0, -1)))];
    const { rows: colleagues } = await sql<PersonRow>`
      SELECT p.id, p.agency_id, p.position_id, p.role_category, COALESCE(p.name_sort_key, p.full_name) || p.staff_code AS sort_key, a.path
      FROM people p JOIN agencies a ON a.id = p.agency_id
      WHERE p.status = 'active' AND (p.agency_id = ANY(${agencyIds}::uuid[])
        OR (p.agency_id = ANY(${ancestorIds.length ? ancestorIds : agencyIds}::uuid[]) AND p.role_category = 'leader'))`.execute(trx);
    const toColleague = (p: PersonRow): Colleague => ({ id: p.id, agencyId: p.agency_id, roleCategory: p.role_category, sortKey: p.sort_key });
    const byAgency = new Map<string, Colleague[]>();
    const leadersByAgency = new Map<string, Colleague[]>();
    for (const p of colleagues) {
      if (agencyIds.includes(p.agency_id)) byAgency.set(p.agency_id, [...(byAgency.get(p.agency_id) ?? []), toColleague(p)]);
      if (p.role_category === 'leader') leadersByAgency.set(p.agency_id, [...(leadersByAgency.get(p.agency_id) ?? []), toColleague(p)]);
    }

    const formCache = new Map<string, string[]>();
    const subjectRows = [];
    const assignmentRows: Array<{ cycle_id: string; subject_id: string; agency_id: string; source: RaterSource; rater_person_id: string }> = [];
    const peers = Math.max(cycle.minPeers, cycle.anonymityThreshold);
    for (const s of subjects) {
      const key = s.position_id ?? '';
      // The trained competencies are of the cycle's framework version (the course's): the form is exactly them.
      if (!formCache.has(key))
        formCache.set(key, options.competencyIds ? [...options.competencyIds] : await formCompetencyIds(trx, cycle.frameworkVersionId, s.position_id));
      subjectRows.push({
        cycle_id: cycleId,
        person_id: s.id,
        agency_id: s.agency_id,
        position_id: s.position_id,
        competency_ids: JSON.stringify(formCache.get(key)),
      });
      const ancestors = s.path
        .split('/')
        .filter(Boolean)
        .slice(0, -1)
        .reverse()
        .map((id) => leadersByAgency.get(id) ?? []);
      const proposal = proposeRaters(toColleague(s), byAgency.get(s.agency_id) ?? [], ancestors, { peers, subordinates: PROPOSED_SUBORDINATES });
      const add = (source: RaterSource, rater: string) =>
        (!options.sources || options.sources.includes(source)) &&
        assignmentRows.push({ cycle_id: cycleId, subject_id: s.id, agency_id: s.agency_id, source, rater_person_id: rater });
      add('self', s.id);
      if (proposal.leaderId) add('leader', proposal.leaderId);
      proposal.peerIds.forEach((id) => add('peer', id));
      proposal.subordinateIds.forEach((id) => add('subordinate', id));
    }
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
        .select(['x.id', 'x.subject_id as subjectId', 'x.source', 'x.status', sql<string>`COALESCE(rp.full_name, ru.display_name)`.as('raterName')])
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
  input: { source: Exclude<RaterSource, 'self'>; personId?: string; userId?: string },
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
  return db.transaction().execute(async (trx) => {
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
      after: { subjectId, ...input },
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
