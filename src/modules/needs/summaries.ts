import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The unit an agency served when the cycle opened, from the staff register's
 * dated assignments (which keep the unit of each period); today's unit if
 * none; with that unit's province in its own era and in today's geography
 * (`central` for bodies tied to no unit).
 */
const unitWhenCycleOpened = (cycleId: string, agencies: RawBuilder<unknown>) => sql`
  SELECT x.agency_id, x.admin_unit_id,
         COALESCE(u.province_id, ${CENTRAL}) AS province_id,
         COALESCE(u.current_province_id, u.province_id, ${CENTRAL}) AS current_province_id
  FROM (
    SELECT a.id AS agency_id, COALESCE((
      SELECT pa.admin_unit_id FROM person_assignments pa
      WHERE pa.agency_id = a.id AND pa.admin_unit_id IS NOT NULL
        AND pa.valid_from <= c.opens_on AND (pa.valid_to IS NULL OR pa.valid_to > c.opens_on)
      LIMIT 1), a.admin_unit_id) AS admin_unit_id
    FROM agencies a CROSS JOIN assessment_cycles c
    WHERE c.id = ${cycleId} AND a.id IN (${agencies})
  ) x LEFT JOIN admin_units u ON u.id = x.admin_unit_id`;

/** Agencies with no administrative unit (ministries, central bodies) count under this key. */
export const CENTRAL = 'central';

/** The six measures of summary rows, summed again (in column order, and named back). */
const measures = sql`sum(people)::int, sum(needs)::int, sum(sum_gap), sum(sum_weighted_need), sum(sum_assessed), sum(sum_required)`;
const namedMeasures = sql`sum(people)::int AS people, sum(needs)::int AS needs, sum(sum_gap) AS sum_gap,
  sum(sum_weighted_need) AS sum_weighted_need, sum(sum_assessed) AS sum_assessed, sum(sum_required) AS sum_required`;

/**
 * Rebuild the needs summaries of some agencies for one cycle from the
 * consolidated results, then the province rows those agencies feed. Called
 * inside the consolidation transaction, so the summaries and the results they
 * come from commit together. Agency rows are recomputed whole (they cannot
 * drift from the results); province rows change by exactly the agency rows
 * taken out and put back, in the same statements, since recomputing a province
 * would read thousands of agency rows on every form.
 *
 * Gap rules as in gaps.ts: gap = required − assessed; only positive gaps are
 * needs; the weighted need is the positive gap × criticality (blank: 2).
 */
export async function refreshNeedsSummaries(trx: Kysely<any>, cycleId: string, agencyIds: readonly string[]): Promise<void> {
  if (agencyIds.length === 0) return;
  const agencies = sql.join(agencyIds.map((id) => sql`${id}::uuid`));
  // Four statements on purpose: this runs inside every consolidation (target < 10 ms).
  // 1. Take the agencies' old rows out, subtracting them from their provinces
  //    (province rows change by deltas: a province is thousands of agency rows).
  await sql`
    WITH old AS (
      DELETE FROM needs_summary_agency WHERE cycle_id = ${cycleId} AND agency_id IN (${agencies})
      RETURNING province_id, current_province_id, competency_id, people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required),
    by_province AS (${byProvince(sql`old`)}),
    subtracted AS (
      UPDATE needs_summary_province p
      SET people = p.people - d.people, needs = p.needs - d.needs, sum_gap = p.sum_gap - d.sum_gap,
          sum_weighted_need = p.sum_weighted_need - d.sum_weighted_need,
          sum_assessed = p.sum_assessed - d.sum_assessed, sum_required = p.sum_required - d.sum_required
      FROM by_province d
      WHERE p.cycle_id = ${cycleId} AND p.geography = d.geography AND p.province_id = d.province_id AND p.competency_id = d.competency_id),
    finest AS (DELETE FROM needs_summary WHERE cycle_id = ${cycleId} AND agency_id IN (${agencies}))
    DELETE FROM needs_summary_people WHERE cycle_id = ${cycleId} AND agency_id IN (${agencies})`.execute(trx);
  // 2. The finest grain, from the consolidated results.
  await sql`
    INSERT INTO needs_summary (cycle_id, agency_id, agency_path, position_id, role_category, competency_id,
                               people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required)
    SELECT r.cycle_id, r.agency_id, a.path, r.position_id, COALESCE(p.role_category, 'unknown'), r.competency_id,
           count(*)::int,
           (count(*) FILTER (WHERE r.required_level > r.assessed_level))::int,
           COALESCE(sum(GREATEST(r.required_level - r.assessed_level, 0)), 0),
           COALESCE(sum(GREATEST(r.required_level - r.assessed_level, 0) * COALESCE(r.criticality, 2)), 0),
           sum(r.assessed_level), sum(r.required_level)
    FROM assessment_results r
    JOIN agencies a ON a.id = r.agency_id
    JOIN people p ON p.id = r.person_id
    WHERE r.cycle_id = ${cycleId} AND r.agency_id IN (${agencies}) AND r.required_level IS NOT NULL
    GROUP BY r.cycle_id, r.agency_id, a.path, r.position_id, COALESCE(p.role_category, 'unknown'), r.competency_id`.execute(trx);
  // 3. Agency and people rows from it, and their sums added to their provinces.
  await sql`
    WITH agency_rows AS (
      INSERT INTO needs_summary_agency (cycle_id, agency_id, agency_path, admin_unit_id, province_id, current_province_id, competency_id,
                                        people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required)
      SELECT s.cycle_id, s.agency_id, s.agency_path, u.admin_unit_id, u.province_id, u.current_province_id, s.competency_id, ${measures}
      FROM needs_summary s
      JOIN (${unitWhenCycleOpened(cycleId, agencies)}) u ON u.agency_id = s.agency_id
      WHERE s.cycle_id = ${cycleId} AND s.agency_id IN (${agencies})
      GROUP BY s.cycle_id, s.agency_id, s.agency_path, u.admin_unit_id, u.province_id, u.current_province_id, s.competency_id
      RETURNING province_id, current_province_id, competency_id, people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required),
    by_province AS (${byProvince(sql`agency_rows`)}),
    added AS (
      INSERT INTO needs_summary_province (cycle_id, geography, province_id, competency_id, people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required)
      SELECT ${cycleId}, geography, province_id, competency_id, people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required FROM by_province
      ON CONFLICT (cycle_id, geography, province_id, competency_id) DO UPDATE
      SET people = needs_summary_province.people + EXCLUDED.people, needs = needs_summary_province.needs + EXCLUDED.needs,
          sum_gap = needs_summary_province.sum_gap + EXCLUDED.sum_gap,
          sum_weighted_need = needs_summary_province.sum_weighted_need + EXCLUDED.sum_weighted_need,
          sum_assessed = needs_summary_province.sum_assessed + EXCLUDED.sum_assessed,
          sum_required = needs_summary_province.sum_required + EXCLUDED.sum_required)
    INSERT INTO needs_summary_people (cycle_id, agency_id, agency_path, people, meeting_profile)
    SELECT per_person.cycle_id, per_person.agency_id, a.path, count(*)::int, (count(*) FILTER (WHERE NOT per_person.has_need))::int
    FROM (
      SELECT r.cycle_id, r.agency_id, r.person_id, bool_or(r.required_level > r.assessed_level) AS has_need
      FROM assessment_results r
      WHERE r.cycle_id = ${cycleId} AND r.agency_id IN (${agencies}) AND r.required_level IS NOT NULL
      GROUP BY r.cycle_id, r.agency_id, r.person_id
    ) per_person
    JOIN agencies a ON a.id = per_person.agency_id
    GROUP BY per_person.cycle_id, per_person.agency_id, a.path`.execute(trx);
  // 4. A province (or competency) nobody counts in any more leaves the table.
  await sql`DELETE FROM needs_summary_province WHERE cycle_id = ${cycleId} AND people = 0`.execute(trx);
}

/** Agency rows summed per province, in both geographies (the era's and today's). */
const byProvince = (rows: RawBuilder<unknown>) => sql`
  SELECT 'historical' AS geography, province_id, competency_id, ${namedMeasures}
  FROM ${rows} GROUP BY province_id, competency_id
  UNION ALL
  SELECT 'current', current_province_id, competency_id, ${namedMeasures}
  FROM ${rows} GROUP BY current_province_id, competency_id`;

/** The consolidation listener: refresh the agencies of the people just consolidated. */
export async function onResultsConsolidated(trx: Kysely<any>, event: { cycleId: string; personIds: readonly string[] }): Promise<void> {
  if (event.personIds.length === 0) return;
  const { rows } = await sql<{ agency_id: string }>`
    SELECT DISTINCT agency_id FROM assessment_results
    WHERE cycle_id = ${event.cycleId} AND person_id IN (${sql.join(event.personIds.map((id) => sql`${id}::uuid`))})`.execute(trx);
  await refreshNeedsSummaries(trx, event.cycleId, rows.map((r) => r.agency_id));
}
