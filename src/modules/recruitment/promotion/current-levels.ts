/**
 * Each person's current assessed levels (migrations 0035, 0044): the results of the newest closed full cycle they
 * have results in — follow-ups after training excluded, they rate only the trained competencies — which is what the
 * gap profile reads. One row a person in recruitment_current_cycles, the levels packed as text (packed-levels.ts),
 * so the promotion shortlist of a province reads ~19,000 short rows rather than one a competency
 * (promotion.repository subtreeEvidence). Kept in the transaction of what changes them: a consolidation
 * (assessment.resultsConsolidated) and a cycle whose status, kind or opening date changes (assessment.cycleChanged).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import './current-levels.tables.js';

/** People a statement: one array parameter, whatever the count. */
const CHUNK = 5000;

export async function refreshCurrentLevels(db: Kysely<Database>, personIds: readonly string[]): Promise<void> {
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const ids = unique.slice(i, i + CHUNK);
    await sql`DELETE FROM recruitment_current_cycles WHERE person_id = ANY(${ids}::uuid[])`.execute(db);
    // packed-levels.ts's format; ordered by competency, so people assessed on the same competencies share a key.
    await sql`
      INSERT INTO recruitment_current_cycles (person_id, cycle_id, competency_ids, levels, competency_key)
      SELECT person_id, cycle_id, ids, levels, md5(ids)::uuid FROM (
        SELECT l.person_id, l.cycle_id, string_agg(r.competency_id::text, ',' ORDER BY r.competency_id) AS ids,
               string_agg(r.assessed_level::text, ',' ORDER BY r.competency_id) AS levels
        FROM (
          SELECT DISTINCT ON (s.person_id) s.person_id, s.cycle_id
          FROM assessment_subjects s JOIN assessment_cycles c ON c.id = s.cycle_id
          WHERE s.person_id = ANY(${ids}::uuid[]) AND c.status = 'closed' AND c.kind <> 'follow_up'
            AND EXISTS (SELECT 1 FROM assessment_results r WHERE r.cycle_id = s.cycle_id AND r.person_id = s.person_id)
          ORDER BY s.person_id, c.opens_on DESC, c.id) l
        JOIN assessment_results r ON r.person_id = l.person_id AND r.cycle_id = l.cycle_id
        GROUP BY l.person_id, l.cycle_id) packed`.execute(db);
  }
}

/** Everyone in a cycle's scope: its status, kind or opening date decides whether (and where) it is their newest. */
export async function refreshCycleSubjects(db: Kysely<Database>, cycleId: string): Promise<void> {
  const { rows } = await sql<{ person_id: string }>`SELECT person_id FROM assessment_subjects WHERE cycle_id = ${cycleId}`.execute(db);
  await refreshCurrentLevels(
    db,
    rows.map((r) => r.person_id),
  );
}
