import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { formCompetencyIds } from './catalogue.js';
import type { RaterSource } from './consolidation.js';
import type { CycleRow } from './cycles.service.js';
import { proposeRaters, type Colleague, type RoleCategory } from './rater-proposal.js';

/** Proposed subordinates per leader: enough to clear the anonymity threshold with some to spare. */
const PROPOSED_SUBORDINATES = 5;

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

/** A follow-up after training (evaluation): the form is only the trained competencies, the raters only some sources. */
export interface AssignmentNarrowing {
  competencyIds?: readonly string[];
  sources?: readonly RaterSource[];
}

export interface AssignmentPlan {
  subjectRows: Array<{ cycle_id: string; person_id: string; agency_id: string; position_id: string | null; competency_ids: string }>;
  assignmentRows: Array<{ cycle_id: string; subject_id: string; agency_id: string; source: RaterSource; rater_person_id: string }>;
}

/**
 * What bulk assignment would add: every person in scope (within `withinPath`)
 * not yet in the cycle, with self, direct leader, proposed peers and
 * subordinates as raters. Reads only, so the preview and the assignment share it.
 */
export async function planAssignment(
  trx: Transaction<Database>,
  cycle: CycleRow,
  withinPath: string,
  narrow: AssignmentNarrowing = {},
): Promise<AssignmentPlan> {
  const cycleId = cycle.id;
  const candidates = await scopedPeople(trx, cycle, withinPath);
  const existing = new Set((await trx.selectFrom('assessment_subjects').select('person_id').where('cycle_id', '=', cycleId).execute()).map((r) => r.person_id));
  const subjects = candidates.filter((p) => !existing.has(p.id));

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
      formCache.set(key, narrow.competencyIds ? [...narrow.competencyIds] : await formCompetencyIds(trx, cycle.frameworkVersionId, s.position_id));
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
      (!narrow.sources || narrow.sources.includes(source)) &&
      assignmentRows.push({ cycle_id: cycleId, subject_id: s.id, agency_id: s.agency_id, source, rater_person_id: rater });
    add('self', s.id);
    if (proposal.leaderId) add('leader', proposal.leaderId);
    proposal.peerIds.forEach((id) => add('peer', id));
    proposal.subordinateIds.forEach((id) => add('subordinate', id));
  }
  return { subjectRows, assignmentRows };
}
