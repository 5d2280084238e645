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

/** The six measures of summary rows, summed again. */
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
  // Three statements on purpose: this runs inside every consolidation (target < 10 ms).
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
  // 2. The agencies' results read once; from them, in one statement: the finest
  //    grain, the agency rows (their sums added to their provinces) and the
  //    people rows. Paths and units are joined after grouping, not grouped by.
  await sql`
    WITH r AS MATERIALIZED (
      SELECT r.agency_id, r.person_id, r.position_id, COALESCE(p.role_category, 'unknown') AS role_category, r.competency_id,
             r.required_level > r.assessed_level AS is_need,
             GREATEST(r.required_level - r.assessed_level, 0) AS gap, COALESCE(r.criticality, 2) AS criticality,
             r.assessed_level, r.required_level
      FROM assessment_results r JOIN people p ON p.id = r.person_id
      WHERE r.cycle_id = ${cycleId} AND r.agency_id IN (${agencies}) AND r.required_level IS NOT NULL),
    ag AS (SELECT id, path FROM agencies WHERE id IN (${agencies})),
    finest AS (
      INSERT INTO needs_summary (cycle_id, agency_id, agency_path, position_id, role_category, competency_id,
                                 people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required)
      SELECT ${cycleId}, g.agency_id, ag.path, g.position_id, g.role_category, g.competency_id, g.people, g.needs, g.sum_gap, g.sum_weighted_need, g.sum_assessed, g.sum_required
      FROM (${grouped(sql`agency_id, position_id, role_category, competency_id`)}) g JOIN ag ON ag.id = g.agency_id),
    agency_rows AS (
      INSERT INTO needs_summary_agency (cycle_id, agency_id, agency_path, admin_unit_id, province_id, current_province_id, competency_id,
                                        people, needs, sum_gap, sum_weighted_need, sum_assessed, sum_required)
      SELECT ${cycleId}, g.agency_id, ag.path, u.admin_unit_id, u.province_id, u.current_province_id, g.competency_id,
             g.people, g.needs, g.sum_gap, g.sum_weighted_need, g.sum_assessed, g.sum_required
      FROM (${grouped(sql`agency_id, competency_id`)}) g JOIN ag ON ag.id = g.agency_id
      JOIN (${unitWhenCycleOpened(cycleId, agencies)}) u ON u.agency_id = g.agency_id
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
    SELECT ${cycleId}, per_person.agency_id, ag.path, count(*)::int, (count(*) FILTER (WHERE NOT per_person.has_need))::int
    FROM (SELECT agency_id, person_id, bool_or(is_need) AS has_need FROM r GROUP BY agency_id, person_id) per_person
    JOIN ag ON ag.id = per_person.agency_id
    GROUP BY per_person.agency_id, ag.path`.execute(trx);
  // 3. A province (or competency) nobody counts in any more leaves the table.
  await sql`DELETE FROM needs_summary_province WHERE cycle_id = ${cycleId} AND people = 0`.execute(trx);
}

/** The six measures from the agencies' results (`r` above), grouped by the given columns. */
const grouped = (columns: RawBuilder<unknown>) => sql`
  SELECT ${columns}, count(*)::int AS people, (count(*) FILTER (WHERE is_need))::int AS needs,
         COALESCE(sum(gap), 0) AS sum_gap, COALESCE(sum(gap * criticality), 0) AS sum_weighted_need,
         sum(assessed_level) AS sum_assessed, sum(required_level) AS sum_required
  FROM r GROUP BY ${columns}`;

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

const SUMMARY_TABLES = ['needs_summary', 'needs_summary_agency', 'needs_summary_province', 'needs_summary_people'] as const;

/**
 * Vacuum the summaries (all of them, or only the province rows, which every
 * consolidation rewrites: a few thousand live rows that pile up dead versions
 * fastest). A PostgreSQL server's autovacuum does this; the embedded engine has
 * none, so the server schedules the province rows for it (server.ts).
 * VACUUM cannot run inside a transaction: call it on the database, not a `trx`.
 */
export async function vacuumNeedsSummaries(db: Kysely<any>, tables: 'all' | 'province' = 'all'): Promise<void> {
  for (const table of tables === 'all' ? SUMMARY_TABLES : (['needs_summary_province'] as const)) await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(db);
}
