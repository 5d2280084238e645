import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { notFound } from '../../platform/errors.js';
import { vietnameseCollator } from '../../platform/text/vietnamese.js';
import { assessmentPolicy } from './assessment.policy.js';
import type { ReportCompetency } from './assessment.responses.js';
import { positionTitles } from './catalogue.js';

/**
 * A person's consolidated profile: the current version of one cycle's results
 * (the latest consolidated cycle by default) and, per competency, the current
 * result of every cycle. Earlier versions within a cycle are not shown here
 * (they stay in assessment_results_history for HR and audit).
 */
export async function personReport(db: Db, actor: Actor, personId: string, cycleId?: string) {
  const person = await db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.full_name as fullName', 'p.staff_code as staffCode', 'p.position_id as positionId', 'a.name as agencyName', 'a.path as agencyPath'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person || !assessmentPolicy.canReadReport(actor, person)) throw notFound();
  // The person and their leader see a cycle's results once HR closes it. While
  // forms still arrive, comparing two consolidations around one late peer form
  // would reveal that form; HR, who runs the cycle, sees results at once.
  const published = assessmentPolicy.seesUnpublishedResults(actor, person) ? sql`true` : sql`c.status = 'closed'`;

  const { rows: cycles } = await sql<{ id: string; name: string; nameEn: string | null; closesOn: string; consolidatedAt: Date; version: number }>`
    SELECT c.id, c.name, c.name_en AS "nameEn", c.closes_on AS "closesOn", max(r.consolidated_at) AS "consolidatedAt", max(r.version)::int AS version
    FROM assessment_results r JOIN assessment_cycles c ON c.id = r.cycle_id
    WHERE r.person_id = ${personId} AND ${published}
    -- Follow-ups after training last: unnamed, the report opens on the newest full cycle (a follow-up rates a few competencies).
    GROUP BY c.id, c.name, c.name_en, c.closes_on, c.kind
    ORDER BY c.kind = 'follow_up', c.closes_on DESC, max(r.consolidated_at) DESC`.execute(db);
  const selected = cycleId ? cycles.find((c) => c.id === cycleId) : cycles[0];
  const titles = await positionTitles(db, person.positionId ? [person.positionId] : []);
  const base = {
    person: {
      id: person.id,
      fullName: person.fullName,
      staffCode: person.staffCode,
      agencyName: person.agencyName,
      position: person.positionId ? (titles.get(person.positionId) ?? null) : null,
    },
    cycles,
  };
  if (!selected) return { ...base, cycle: null, competencies: [] as ReportCompetency[], history: [] };

  const rows = await db
    .selectFrom('assessment_results as r')
    .innerJoin('competencies as c', 'c.id', 'r.competency_id')
    .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
    .select([
      'r.competency_id as competencyId',
      'c.code',
      'c.name_vi as name',
      'c.name_en as nameEn',
      'g.name_vi as groupName',
      'g.name_en as groupNameEn',
      'r.required_level as requiredLevel',
      'r.criticality',
      'r.assessed_level as assessedLevel',
      'r.spread',
      'r.self_level as selfLevel',
      'r.others_level as othersLevel',
      'r.flag',
      'r.source_groups as sources',
      'g.position as groupPosition',
      'c.position',
    ])
    .where('r.cycle_id', '=', selected.id)
    .where('r.person_id', '=', personId)
    .orderBy('g.position')
    .orderBy('c.position')
    .execute();
  const competencies: ReportCompetency[] = rows.map(({ groupPosition: _g, position: _p, ...r }) => ({
    ...r,
    gap: r.requiredLevel === null ? null : Math.round((r.requiredLevel - r.assessedLevel) * 100) / 100,
  }));

  // History across cycles, matched by competency code (a new framework version has new ids).
  const codes = competencies.map((c) => c.code);
  const { rows: history } = codes.length
    ? await sql<{ cycleId: string; cycleName: string; closesOn: string; code: string; assessedLevel: number }>`
        SELECT r.cycle_id AS "cycleId", cy.name AS "cycleName", cy.closes_on AS "closesOn", c.code, r.assessed_level AS "assessedLevel"
        FROM assessment_results r JOIN competencies c ON c.id = r.competency_id JOIN assessment_cycles cy ON cy.id = r.cycle_id
        WHERE r.person_id = ${personId} AND c.code = ANY(${codes}::text[]) AND r.cycle_id = ANY(${cycles.map((c) => c.id)}::uuid[])
        ORDER BY cy.closes_on, c.code`.execute(db)
    : { rows: [] };
  return { ...base, cycle: selected, competencies, history };
}

export async function myReport(db: Db, actor: Actor, cycleId?: string) {
  if (!actor.personId) throw notFound();
  return personReport(db, actor, actor.personId, cycleId);
}

/** People whose reports a leader or HR may open, for the report picker. */
export async function reportablePeople(db: Db, actor: Actor) {
  const { rows } = await sql<{ id: string; fullName: string; agencyName: string }>`
    SELECT DISTINCT p.id, p.full_name AS "fullName", a.name AS "agencyName"
    FROM assessment_results r JOIN people p ON p.id = r.person_id JOIN agencies a ON a.id = p.agency_id
      JOIN assessment_cycles c ON c.id = r.cycle_id
    WHERE ${actor.role === 'national_admin' ? sql`true` : sql`a.path LIKE ${actor.agencyPath + '%'}`}
      AND ${actor.role === 'leader' ? sql`c.status = 'closed'` : sql`true`}
    LIMIT 500`.execute(db);
  return rows.sort((a, b) => vietnameseCollator.compare(a.fullName, b.fullName));
}
