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

const measures = sql`sum(people)::int, sum(needs)::int, sum(sum_gap), sum(sum_weighted_need), sum(sum_assessed), sum(sum_required)`;

/**
 * Rebuild the needs summaries of some agencies for one cycle from the
 * consolidated results, then the province rows those agencies feed. Called
 * inside the consolidation transaction, so the summaries and the results they
 * come from commit together; recomputing whole agencies (rather than adding
 * deltas) cannot drift.
 *
 * Gap rules as in gaps.ts: gap = required − assessed; only positive gaps are
 * needs; the weighted need is the positive gap × criticality (blank: 2).
 */
export async function refreshNeedsSummaries(trx: Kysely<any>, cycleId: string, agencyIds: readonly string[]): Promise<void> {
  if (agencyIds.length === 0) return;
  const agencies = sql.join(agencyIds.map((id) => sql`${id}::uuid`));
  // Few statements on purpose: this runs inside every consolidation (target < 10 ms).
  // The provinces these agencies counted in before are kept, so a move between provinces empties the old one too.
  const { rows: before } = await sql<Provinces>`
    WITH people_rows AS (DELETE FROM needs_summary_people WHERE cycle_id = ${cycleId} AND agency_id IN (${agencies})),
         finest_rows AS (DELETE FROM needs_summary WHERE cycle_id = ${cycleId} AND agency_id IN (${agencies}))
    DELETE FROM needs_summary_agency WHERE cycle_id = ${cycleId} AND agency_id IN (${agencies})
    RETURNING province_id, current_province_id`.execute(trx);
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
  const { rows: after } = await sql<Provinces>`
    WITH agency_rows AS (
      INSERT INTO needs_summary_agency (cycle_id, agency_id, agency_path, admin_unit_id, province_id, current_province_id, competency_id,
                                        people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required)
      SELECT s.cycle_id, s.agency_id, s.agency_path, u.admin_unit_id, u.province_id, u.current_province_id, s.competency_id, ${measures}
      FROM needs_summary s
      JOIN (${unitWhenCycleOpened(cycleId, agencies)}) u ON u.agency_id = s.agency_id
      WHERE s.cycle_id = ${cycleId} AND s.agency_id IN (${agencies})
      GROUP BY s.cycle_id, s.agency_id, s.agency_path, u.admin_unit_id, u.province_id, u.current_province_id, s.competency_id
      RETURNING province_id, current_province_id),
    people_rows AS (
      INSERT INTO needs_summary_people (cycle_id, agency_id, agency_path, people, meeting_profile)
      SELECT per_person.cycle_id, per_person.agency_id, a.path, count(*)::int, (count(*) FILTER (WHERE NOT per_person.has_need))::int
      FROM (
        SELECT r.cycle_id, r.agency_id, r.person_id, bool_or(r.required_level > r.assessed_level) AS has_need
        FROM assessment_results r
        WHERE r.cycle_id = ${cycleId} AND r.agency_id IN (${agencies}) AND r.required_level IS NOT NULL
        GROUP BY r.cycle_id, r.agency_id, r.person_id
      ) per_person
      JOIN agencies a ON a.id = per_person.agency_id
      GROUP BY per_person.cycle_id, per_person.agency_id, a.path)
    SELECT DISTINCT province_id, current_province_id FROM agency_rows`.execute(trx);
  await refreshProvinces(trx, cycleId, [...before, ...after]);
}

interface Provinces {
  province_id: string | null;
  current_province_id: string | null;
}

/** Recompute the province rows (both geographies) of a cycle from the agency rows of those provinces. */
async function refreshProvinces(trx: Kysely<any>, cycleId: string, touched: Provinces[]) {
  const ids = (pick: (p: Provinces) => string | null) => [...new Set(touched.map(pick).filter((id): id is string => id !== null))];
  const historical = ids((p) => p.province_id);
  const current = ids((p) => p.current_province_id);
  if (historical.length + current.length === 0) return;
  const list = (values: string[]) => (values.length ? sql.join(values) : sql`NULL`);
  await sql`
    DELETE FROM needs_summary_province WHERE cycle_id = ${cycleId}
      AND ((geography = 'historical' AND province_id IN (${list(historical)})) OR (geography = 'current' AND province_id IN (${list(current)})))`.execute(trx);
  await sql`
    INSERT INTO needs_summary_province (cycle_id, geography, province_id, competency_id, people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required)
    SELECT cycle_id, 'historical', province_id, competency_id, ${measures}
    FROM needs_summary_agency WHERE cycle_id = ${cycleId} AND province_id IN (${list(historical)})
    GROUP BY cycle_id, province_id, competency_id
    UNION ALL
    SELECT cycle_id, 'current', current_province_id, competency_id, ${measures}
    FROM needs_summary_agency WHERE cycle_id = ${cycleId} AND current_province_id IN (${list(current)})
    GROUP BY cycle_id, current_province_id, competency_id`.execute(trx);
}

/** The consolidation listener: refresh the agencies of the people just consolidated. */
export async function onResultsConsolidated(trx: Kysely<any>, event: { cycleId: string; personIds: readonly string[] }): Promise<void> {
  if (event.personIds.length === 0) return;
  const { rows } = await sql<{ agency_id: string }>`
    SELECT DISTINCT agency_id FROM assessment_results
    WHERE cycle_id = ${event.cycleId} AND person_id IN (${sql.join(event.personIds.map((id) => sql`${id}::uuid`))})`.execute(trx);
  await refreshNeedsSummaries(trx, event.cycleId, rows.map((r) => r.agency_id));
}
