import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requirementsOf } from './catalogue.js';
import { consolidateCompetency, type ConsolidationRules, type ReceivedRating, type Source } from './consolidation.js';
import { consolidationListeners } from './consolidation-listeners.js';
import { managedCycle } from './cycles.service.js';

const CHUNK = 5000;

interface ResultRow {
  person_id: string;
  competency_id: string;
  agency_id: string;
  position_id: string | null;
  role_category: string | null;
  assessed_level: number;
  required_level: number | null;
  criticality: number | null;
  spread: number;
  source_count: number;
  self_level: number | null;
  others_level: number | null;
  flag: string | null;
  source_groups: string;
  version: number;
}

/**
 * Consolidate a cycle (or some of its people): compute every person's result
 * per competency from the submitted forms and tests, keep the previous version
 * in the history table, write the new one, and let the listeners (training
 * needs summaries) update — all in one transaction.
 */
export async function consolidateCycle(db: Db, actor: Actor, cycleId: string, onlyPersonIds?: string[]) {
  const cycle = await managedCycle(db, actor, cycleId);
  const rules: ConsolidationRules = { weights: cycle.weights, anonymityThreshold: cycle.anonymityThreshold, gapThreshold: Number(cycle.gapThreshold) };

  return db.transaction().execute(async (trx) => {
    // Agency, position and role category as they are now: results belong where the person works at consolidation.
    const { rows: subjects } = await sql<{ person_id: string; agency_id: string; position_id: string | null; role_category: string | null; competency_ids: string[] }>`
      SELECT s.person_id, p.agency_id, p.position_id, p.role_category, s.competency_ids
      FROM assessment_subjects s JOIN people p ON p.id = s.person_id
      WHERE s.cycle_id = ${cycleId} ${onlyPersonIds?.length ? sql`AND s.person_id = ANY(${onlyPersonIds}::uuid[])` : sql``}`.execute(trx);
    const personIds = subjects.map((s) => s.person_id);
    if (personIds.length === 0) return { people: 0, results: 0 };

    const { rows: ratings } = await sql<{ subject_id: string; source: Source; competency_id: string; level: number }>`
      SELECT x.subject_id, x.source, r.competency_id, r.level
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

    const requirements = await requirementsOf(trx, [...new Set(subjects.flatMap((s) => (s.position_id ? [s.position_id] : [])))]);
    const { rows: versions } = await sql<{ person_id: string; version: number }>`
      SELECT person_id, max(version)::int AS version FROM assessment_results
      WHERE cycle_id = ${cycleId} AND person_id = ANY(${personIds}::uuid[]) GROUP BY person_id`.execute(trx);
    const previousVersion = new Map(versions.map((v) => [v.person_id, v.version]));

    await sql`
      INSERT INTO assessment_results_history (cycle_id, person_id, competency_id, agency_id, position_id, role_category, assessed_level, required_level,
        criticality, spread, source_count, self_level, others_level, flag, source_groups, version, consolidated_at)
      SELECT cycle_id, person_id, competency_id, agency_id, position_id, role_category, assessed_level, required_level,
        criticality, spread, source_count, self_level, others_level, flag, source_groups, version, consolidated_at
      FROM assessment_results WHERE cycle_id = ${cycleId} AND person_id = ANY(${personIds}::uuid[])`.execute(trx);
    await sql`DELETE FROM assessment_results WHERE cycle_id = ${cycleId} AND person_id = ANY(${personIds}::uuid[])`.execute(trx);

    const now = new Date();
    const rows: ResultRow[] = [];
    for (const s of subjects) {
      const version = (previousVersion.get(s.person_id) ?? 0) + 1;
      for (const competencyId of s.competency_ids) {
        const result = consolidateCompetency(received.get(`${s.person_id}:${competencyId}`) ?? [], rules);
        if (!result) continue;
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
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const column = <K extends keyof ResultRow>(key: K) => chunk.map((r) => r[key]);
      // Column arrays through unnest: 17 parameters a chunk instead of 17 per row.
      await sql`
        INSERT INTO assessment_results (cycle_id, person_id, competency_id, agency_id, position_id, role_category, assessed_level, required_level,
          criticality, spread, source_count, self_level, others_level, flag, source_groups, version, consolidated_at)
        SELECT ${cycleId}, * , ${now} FROM unnest(
          ${column('person_id')}::uuid[], ${column('competency_id')}::uuid[], ${column('agency_id')}::uuid[], ${column('position_id')}::uuid[],
          ${column('role_category')}::text[], ${column('assessed_level')}::numeric[], ${column('required_level')}::smallint[], ${column('criticality')}::smallint[],
          ${column('spread')}::numeric[], ${column('source_count')}::int[], ${column('self_level')}::numeric[], ${column('others_level')}::numeric[],
          ${column('flag')}::text[], ${column('source_groups')}::jsonb[], ${column('version')}::int[])`.execute(trx);
    }
    for (const listener of consolidationListeners) await listener(trx, { cycleId, personIds, previousVersions: previousVersion });
    await recordAudit(trx, actor, {
      action: 'consolidate',
      entity: 'assessment_cycle',
      entityId: cycleId,
      agencyPath: cycle.agencyPath,
      after: { people: personIds.length, results: rows.length },
    });
    return { people: personIds.length, results: rows.length };
  });
}
