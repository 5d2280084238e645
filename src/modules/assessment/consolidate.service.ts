import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requirementsOf } from './catalogue.js';
import {
  consolidateCompetency,
  releasableGroups,
  type AnonymousMembership,
  type ConsolidationRules,
  type ReceivedRating,
  type ReleaseCandidate,
  type ReleasedGroup,
  type Source,
  type SourceGroupName,
} from './consolidation.js';
import { emit } from '../events.js';
import { managedCycle } from './cycles.service.js';
import { archiveResults, CHUNK, insertResults, type ResultRow } from './results.repository.js';

/**
 * Consolidate a cycle (or some of its people): compute every person's result
 * per competency from the submitted forms and tests, keep the previous version
 * in the history table, write the new one, and emit assessment.resultsConsolidated
 * so its handlers (the training-needs summaries) update — all in one transaction.
 */
export async function consolidateCycle(db: Db, actor: Actor, cycleId: string, onlyPersonIds?: string[]) {
  const cycle = await managedCycle(db, actor, cycleId);
  const rules: ConsolidationRules = { weights: cycle.weights, anonymityThreshold: cycle.anonymityThreshold, gapThreshold: Number(cycle.gapThreshold) };

  return db.transaction().execute(async (trx) => {
    // One consolidation of a cycle at a time: two running side by side would
    // each check the released groups before the other records its own, and
    // could release two versions of a group that differ by one rater.
    const { rows: locked } = await sql<{ status: string }>`SELECT status FROM assessment_cycles WHERE id = ${cycleId} FOR UPDATE`.execute(trx);
    const closed = locked[0]?.status === 'closed';
    // Agency, position and role category as they are now: results belong where the person works at consolidation.
    const { rows: subjects } = await sql<{
      person_id: string;
      agency_id: string;
      position_id: string | null;
      role_category: string | null;
      competency_ids: string[];
    }>`
      SELECT s.person_id, p.agency_id, p.position_id, p.role_category, s.competency_ids
      FROM assessment_subjects s JOIN people p ON p.id = s.person_id
      WHERE s.cycle_id = ${cycleId} ${onlyPersonIds?.length ? sql`AND s.person_id = ANY(${onlyPersonIds}::uuid[])` : sql``}`.execute(trx);
    const personIds = subjects.map((s) => s.person_id);
    if (personIds.length === 0) return { people: 0, results: 0 };

    const { rows: ratings } = await sql<{ assignment_id: string; subject_id: string; source: Source; competency_id: string; level: number }>`
      SELECT x.id AS assignment_id, x.subject_id, x.source, r.competency_id, r.level
      FROM assessment_assignments x JOIN assessment_ratings r ON r.assignment_id = x.id
      WHERE x.cycle_id = ${cycleId} AND x.status = 'submitted' AND r.level IS NOT NULL
        AND x.subject_id = ANY(${personIds}::uuid[])`.execute(trx);
    const { rows: tests } = await sql<{ person_id: string; competency_id: string; level: number }>`
      SELECT person_id, competency_id, level FROM assessment_test_attempts
      WHERE cycle_id = ${cycleId} AND submitted_at IS NOT NULL AND level IS NOT NULL AND person_id = ANY(${personIds}::uuid[])`.execute(trx);
    const received = new Map<string, ReceivedRating[]>();
    const push = (person: string, competency: string, rating: ReceivedRating) => {
      const key = `${person}:${competency}`;
      const list = received.get(key) ?? [];
      list.push(rating);
      received.set(key, list);
    };
    for (const r of ratings) push(r.subject_id, r.competency_id, { source: r.source, level: r.level });
    for (const t of tests) push(t.person_id, t.competency_id, { source: 'test', level: t.level });

    // Which anonymous groups each person's new version may show: their raters
    // must be final (cycle closed, or everyone assigned has submitted) and
    // agree with every aggregate released before (releasableGroups).
    const { rows: assigned } = await sql<{ subject_id: string; source: 'peer' | 'subordinate'; n: number }>`
      SELECT subject_id, source, count(*)::int AS n FROM assessment_assignments
      WHERE cycle_id = ${cycleId} AND source IN ('peer', 'subordinate') AND subject_id = ANY(${personIds}::uuid[])
      GROUP BY subject_id, source`.execute(trx);
    const releasedBefore = await trx
      .selectFrom('assessment_anonymity_releases')
      .select(['person_id', 'members', 'fingerprint'])
      .where('cycle_id', '=', cycleId)
      .where(sql<boolean>`person_id = ANY(${personIds}::uuid[])`)
      .execute();
    const memberships = new Map<string, Map<string, AnonymousMembership>>();
    const membershipOf = (person: string, source: 'peer' | 'subordinate') => {
      const bySource = memberships.get(person) ?? new Map<string, AnonymousMembership>();
      memberships.set(person, bySource);
      const m = bySource.get(source) ?? { source, members: [], assigned: 0 };
      bySource.set(source, m);
      return m;
    };
    for (const a of assigned) membershipOf(a.subject_id, a.source).assigned = a.n;
    const memberIndex = new Map<string, { key: string; ratings: string[] }>();
    for (const r of ratings) {
      if (r.source !== 'peer' && r.source !== 'subordinate') continue;
      let member = memberIndex.get(r.assignment_id);
      if (!member) {
        member = { key: r.assignment_id, ratings: [] };
        memberIndex.set(r.assignment_id, member);
        membershipOf(r.subject_id, r.source).members.push(member);
      }
      member.ratings.push(`${r.competency_id}:${r.level}`);
    }
    const releasedByPerson = new Map<string, ReleasedGroup[]>();
    for (const r of releasedBefore)
      releasedByPerson.set(r.person_id, [...(releasedByPerson.get(r.person_id) ?? []), { members: r.members, fingerprint: r.fingerprint }]);
    const fingerprint = (parts: string[]) => createHash('md5').update(parts.join(',')).digest('hex');

    const requirements = await requirementsOf(trx, [...new Set(subjects.flatMap((s) => (s.position_id ? [s.position_id] : [])))]);
    const previousVersion = await archiveResults(trx, cycleId, personIds);

    const now = new Date();
    const rows: ResultRow[] = [];
    const releases: Array<ReleaseCandidate & { person_id: string; agency_id: string; version: number }> = [];
    let hiddenGroups = 0;
    for (const s of subjects) {
      const version = (previousVersion.get(s.person_id) ?? 0) + 1;
      const decision = releasableGroups(
        [...(memberships.get(s.person_id)?.values() ?? [])],
        { threshold: rules.anonymityThreshold, closed, fingerprint },
        releasedByPerson.get(s.person_id) ?? [],
      );
      hiddenGroups += decision.hidden.length;
      const shown = new Set<SourceGroupName>();
      for (const competencyId of s.competency_ids) {
        const result = consolidateCompetency(received.get(`${s.person_id}:${competencyId}`) ?? [], rules, decision.show);
        if (!result) continue;
        for (const g of result.groups) shown.add(g.source);
        const requirement = s.position_id ? requirements.get(`${s.position_id}:${competencyId}`) : undefined;
        rows.push({
          person_id: s.person_id,
          competency_id: competencyId,
          agency_id: s.agency_id,
          position_id: s.position_id,
          role_category: s.role_category,
          assessed_level: result.assessedLevel,
          required_level: requirement?.requiredLevel ?? null,
          criticality: requirement?.criticality ?? null,
          spread: result.spread,
          source_count: result.sourceCount,
          self_level: result.selfLevel,
          others_level: result.othersLevel,
          flag: result.flag,
          source_groups: JSON.stringify(result.groups),
          version,
        });
      }
      // Recorded only when it reached a result: a group with no weight was not shown.
      for (const r of decision.released) if (shown.has(r.source)) releases.push({ ...r, person_id: s.person_id, agency_id: s.agency_id, version });
    }
    await insertResults(trx, cycleId, rows, now);
    for (let i = 0; i < releases.length; i += CHUNK) {
      const chunk = releases.slice(i, i + CHUNK);
      await sql`
        INSERT INTO assessment_anonymity_releases (cycle_id, person_id, agency_id, source, members, fingerprint, version)
        SELECT ${cycleId}, * FROM unnest(${chunk.map((r) => r.person_id)}::uuid[], ${chunk.map((r) => r.agency_id)}::uuid[], ${chunk.map((r) => r.source)}::text[],
          ${chunk.map((r) => JSON.stringify(r.members))}::jsonb[], ${chunk.map((r) => r.fingerprint)}::text[], ${chunk.map((r) => r.version)}::int[])
        ON CONFLICT (cycle_id, person_id, fingerprint) DO NOTHING`.execute(trx);
    }
    await emit(trx, 'assessment.resultsConsolidated', { cycleId, personIds, previousVersions: previousVersion });
    await recordAudit(trx, actor, {
      action: 'consolidate',
      entity: 'assessment_cycle',
      entityId: cycleId,
      agencyPath: cycle.agencyPath,
      // How many anonymous groups the rule hid in this version (docs/ANONYMITY.md), so a re-consolidation says what it withheld.
      after: { people: personIds.length, results: rows.length, hiddenGroups },
    });
    return { people: personIds.length, results: rows.length };
  });
}
