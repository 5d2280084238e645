import { sql, type Kysely } from 'kysely';
import { CENTRAL } from './summaries.js';

const MEASURES = ['people', 'needs', 'sum_gap', 'sum_weighted_need', 'sum_assessed', 'sum_required'] as const;

/**
 * Provinces merged or split: each agency row takes its unit's current province
 * again, and the today's-geography province rows of the provinces concerned are
 * summed again from those agency rows (province rows are the sum of agency rows;
 * a merge or split is rare enough to read them). The historical rows stay: the
 * province of that time has not changed.
 */
export async function onProvincesReassigned(trx: Kysely<any>, provinceIds: readonly string[]): Promise<void> {
  if (provinceIds.length === 0) return;
  const { rows } = await sql<{ current_province_id: string }>`
    UPDATE needs_summary_agency s SET current_province_id = COALESCE(u.current_province_id, u.province_id, ${CENTRAL})
    FROM admin_units u
    WHERE u.id = s.admin_unit_id AND s.current_province_id = ANY(${provinceIds}::text[])
      AND s.current_province_id <> COALESCE(u.current_province_id, u.province_id, ${CENTRAL})
    RETURNING s.current_province_id`.execute(trx);
  const touched = [...new Set([...provinceIds, ...rows.map((r) => r.current_province_id)])];
  await sql`DELETE FROM needs_summary_province WHERE geography = 'current' AND province_id = ANY(${touched}::text[])`.execute(trx);
  const sums = sql.raw(MEASURES.map((m) => `sum(${m})${m === 'people' || m === 'needs' ? '::int' : ''}`).join(', '));
  await sql`
    INSERT INTO needs_summary_province (cycle_id, geography, province_id, competency_id, ${sql.raw(MEASURES.join(', '))})
    SELECT cycle_id, 'current', current_province_id, competency_id, ${sums}
    FROM needs_summary_agency WHERE current_province_id = ANY(${touched}::text[])
    GROUP BY cycle_id, current_province_id, competency_id
    HAVING sum(people) <> 0`.execute(trx);
}
