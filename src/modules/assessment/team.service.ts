import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { isInScope, scopeCondition } from '../../platform/auth/scope.js';
import { badRequest, forbidden, notFound } from '../../platform/errors.js';
import { vietnameseCollator } from '../../platform/text/vietnamese.js';
import { assessmentPolicy } from './assessment.policy.js';
import { completionShare, teamGaps, type TeamResult } from './team-gaps.js';

interface TeamLeader {
  personId: string;
  fullName: string;
  agencyId: string;
  agencyName: string;
  agencyPath: string;
}

const NO_PERSON = '00000000-0000-0000-0000-000000000000';

/**
 * Whose team: a leader only their own (asking for another leader's is 403);
 * HR and national administrators name the leader, within their scope (404
 * outside it, as for a person's report).
 */
async function resolveLeader(db: Db, actor: Actor, leaderId: string | undefined): Promise<TeamLeader> {
  if (actor.role === 'leader') {
    if (!actor.personId || (leaderId && leaderId !== actor.personId)) throw forbidden();
    leaderId = actor.personId;
  } else if (!leaderId) {
    throw badRequest('team_leader_required', { field: 'leaderId' });
  }
  const leader = await db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id as personId', 'p.full_name as fullName', 'a.id as agencyId', 'a.name as agencyName', 'a.path as agencyPath'])
    .where('p.id', '=', leaderId)
    .executeTakeFirst();
  if (!leader || !isInScope(actor, leader.agencyPath)) throw notFound();
  return leader;
}

/**
 * The team: the people the leader rates as direct leader in the newest full
 * cycle where they rate anyone (follow-ups after training rate a few people on
 * a few competencies, so they never define it); before any cycle, the active
 * staff of the leader's own agency.
 */
async function teamMembers(db: Db, actor: Actor, leader: TeamLeader) {
  const { rows: cycles } = await sql<{ id: string }>`
    SELECT c.id FROM assessment_cycles c
    WHERE c.kind <> 'follow_up' AND c.status <> 'draft'
      AND EXISTS (SELECT 1 FROM assessment_assignments x WHERE x.cycle_id = c.id AND x.source = 'leader' AND x.rater_person_id = ${leader.personId})
    ORDER BY c.opens_on DESC, c.created_at DESC LIMIT 1`.execute(db);
  const basisCycleId = cycles[0]?.id ?? null;
  const members = basisCycleId
    ? sql`SELECT DISTINCT x.subject_id AS id FROM assessment_assignments x
          WHERE x.cycle_id = ${basisCycleId} AND x.source = 'leader' AND x.rater_person_id = ${leader.personId} AND x.subject_id <> ${leader.personId}`
    : sql`SELECT p.id FROM people p WHERE p.agency_id = ${leader.agencyId} AND p.status = 'active' AND p.id <> ${leader.personId}`;
  const { rows } = await sql<{ personId: string; fullName: string; staffCode: string; agencyName: string }>`
    SELECT p.id AS "personId", p.full_name AS "fullName", p.staff_code AS "staffCode", a.name AS "agencyName"
    FROM (${members}) m JOIN people p ON p.id = m.id JOIN agencies a ON a.id = p.agency_id
    WHERE ${scopeCondition(actor, 'a.path')}`.execute(db);
  rows.sort((a, b) => vietnameseCollator.compare(a.fullName, b.fullName));
  return { basisCycleId, members: rows };
}

/** Forms of the open cycles: those each member has to fill, and those about them. */
async function openCycleForms(db: Db, personIds: string[]) {
  const ids = personIds.length ? personIds : [NO_PERSON];
  const { rows: cycles } = await sql<{ id: string; name: string; nameEn: string | null; closesOn: string }>`
    SELECT DISTINCT c.id, c.name, c.name_en AS "nameEn", c.closes_on::text AS "closesOn"
    FROM assessment_cycles c JOIN assessment_assignments x ON x.cycle_id = c.id
    WHERE c.status = 'open' AND (x.rater_person_id = ANY(${ids}::uuid[]) OR x.subject_id = ANY(${ids}::uuid[]))
    ORDER BY 4, 2`.execute(db);
  const { rows } = await sql<{ personId: string; asRater: boolean; total: number; submitted: number }>`
    SELECT who AS "personId", as_rater AS "asRater", count(*)::int AS total, count(*) FILTER (WHERE status = 'submitted')::int AS submitted
    FROM (
      SELECT x.rater_person_id AS who, true AS as_rater, x.status FROM assessment_assignments x JOIN assessment_cycles c ON c.id = x.cycle_id
      WHERE c.status = 'open' AND x.rater_person_id = ANY(${ids}::uuid[])
      UNION ALL
      SELECT x.subject_id, false, x.status FROM assessment_assignments x JOIN assessment_cycles c ON c.id = x.cycle_id
      WHERE c.status = 'open' AND x.subject_id = ANY(${ids}::uuid[])
    ) f GROUP BY who, as_rater`.execute(db);
  return { cycles, rows };
}

/**
 * The consolidated results of the newest full cycle with results for the
 * team, among those the caller may read: a leader sees a cycle once HR closed
 * it (as in a person's report), HR at once.
 */
async function teamResults(db: Db, actor: Actor, leader: TeamLeader, personIds: string[]) {
  if (personIds.length === 0) return { cycle: null, results: [] as TeamResult[] };
  const published = assessmentPolicy.seesUnpublishedResults(actor, leader) ? sql`true` : sql`c.status = 'closed'`;
  const { rows: cycles } = await sql<{ id: string; name: string; nameEn: string | null; closesOn: string }>`
    SELECT c.id, c.name, c.name_en AS "nameEn", c.closes_on::text AS "closesOn" FROM assessment_cycles c
    WHERE c.kind <> 'follow_up' AND ${published}
      AND EXISTS (SELECT 1 FROM assessment_results r WHERE r.cycle_id = c.id AND r.person_id = ANY(${personIds}::uuid[]))
    ORDER BY c.closes_on DESC, c.created_at DESC LIMIT 1`.execute(db);
  const cycle = cycles[0] ?? null;
  if (!cycle) return { cycle: null, results: [] as TeamResult[] };
  const results = await db
    .selectFrom('assessment_results')
    .select(['person_id as personId', 'competency_id as competencyId', 'assessed_level as assessedLevel', 'required_level as requiredLevel'])
    .where('cycle_id', '=', cycle.id)
    .where('person_id', 'in', personIds)
    .execute();
  return { cycle, results: results.map((r) => ({ ...r, assessedLevel: Number(r.assessedLevel) })) };
}

/** GET /api/assessments/team: who is in the leader's team, how far their forms are, and where the team falls short. */
export async function teamView(db: Db, actor: Actor, leaderId?: string) {
  const leader = await resolveLeader(db, actor, leaderId);
  const { basisCycleId, members } = await teamMembers(db, actor, leader);
  const personIds = members.map((m) => m.personId);
  const forms = await openCycleForms(db, personIds);
  const { cycle: resultsCycle, results } = await teamResults(db, actor, leader, personIds);

  const count = (personId: string, asRater: boolean) => {
    const row = forms.rows.find((r) => r.personId === personId && r.asRater === asRater);
    return { total: row?.total ?? 0, submitted: row?.submitted ?? 0 };
  };
  const gaps = teamGaps(results);
  const competencies = gaps.length
    ? await db
        .selectFrom('competencies as c')
        .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
        .select(['c.id', 'c.code', 'c.name_vi as name', 'c.name_en as nameEn', 'g.name_vi as groupName', 'g.name_en as groupNameEn'])
        .where(
          'c.id',
          'in',
          gaps.map((g) => g.competencyId),
        )
        .execute()
    : [];
  const byId = new Map(competencies.map((c) => [c.id, c]));
  const belowByPerson = new Map<string, number>();
  for (const r of results)
    if (r.requiredLevel !== null && r.assessedLevel < r.requiredLevel) belowByPerson.set(r.personId, (belowByPerson.get(r.personId) ?? 0) + 1);
  const assessed = new Set(results.map((r) => r.personId));

  const memberViews = members.map((m) => ({
    ...m,
    formsToFill: count(m.personId, true),
    formsAboutThem: count(m.personId, false),
    competenciesBelow: assessed.has(m.personId) ? (belowByPerson.get(m.personId) ?? 0) : null,
  }));
  const total = memberViews.reduce((sum, m) => sum + m.formsToFill.total, 0);
  const submitted = memberViews.reduce((sum, m) => sum + m.formsToFill.submitted, 0);
  return {
    leader: { personId: leader.personId, fullName: leader.fullName, agencyId: leader.agencyId, agencyName: leader.agencyName },
    basis: basisCycleId ? ('direct_reports' as const) : ('agency' as const),
    openCycles: forms.cycles,
    completion: { total, submitted, share: completionShare(submitted, total) },
    members: memberViews,
    resultsCycle,
    gaps: gaps.flatMap((g) => {
      const c = byId.get(g.competencyId);
      return c ? [{ ...g, code: c.code, name: c.name, nameEn: c.nameEn, groupName: c.groupName, groupNameEn: c.groupNameEn }] : [];
    }),
  };
}

export type TeamView = Awaited<ReturnType<typeof teamView>>;
