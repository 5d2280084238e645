import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DomainEvents } from '../../platform/events/domain-events.js';
import { BLANK_POSITION } from './migrations/0007_needs_summary_key.js';
import { preparedAs as prepared } from '../../platform/db/engine.js';
import { criticalitySql, isNeedSql, positiveGapSql } from './gaps.js';

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
 * consolidated results, then the province rows those agencies feed: the
 * repair path (`npm run cli -- needs rebuild`) and the reference the per-person
 * deltas below are tested against. Province rows change by exactly the agency
 * rows taken out and put back, since recomputing a province would read
 * thousands of agency rows.
 *
 * Gap rules from gaps.ts (its SQL fragments): gap = required − assessed; only
 * positive gaps are needs; the weighted need is the positive gap × criticality.
 */
export async function rebuildNeedsSummaries(trx: Kysely<any>, cycleId: string, agencyIds: readonly string[]): Promise<void> {
  if (agencyIds.length === 0) return;
  const agencies = sql.join(agencyIds.map((id) => sql`${id}::uuid`));
  // 1. Take the agencies' old rows out, subtracting them from their provinces.
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
  // 2. Put them back from the agencies' results, as one delta of +1 per result.
  await addContributions(
    trx,
    cycleId,
    undefined,
    sql`
    SELECT 1 AS sign, ${contribution(sql`r`)} FROM assessment_results r
    WHERE r.cycle_id = ${cycleId} AND r.agency_id IN (${agencies}) AND r.required_level IS NOT NULL`,
  );
  // 3. A province (or competency) nobody counts in any more leaves the table.
  await sql`DELETE FROM needs_summary_province WHERE cycle_id = ${cycleId} AND people = 0`.execute(trx);
}

/**
 * Recompute a whole cycle's summaries from the consolidated results (the
 * repair path: `npm run cli -- needs rebuild`). Agencies go in batches, each
 * its own transaction, so reports stay readable meanwhile; the province rows
 * are then recounted from the agency rows, which also mends any drift of them.
 */
export async function rebuildCycleSummaries(db: Kysely<any>, cycleId: string, progress: (done: number, total: number) => void = () => {}) {
  // Agencies with results now, and those with summary rows from results since moved away.
  const { rows } = await sql<{ agency_id: string }>`
    SELECT DISTINCT agency_id FROM assessment_results WHERE cycle_id = ${cycleId}
    UNION SELECT agency_id FROM needs_summary_agency WHERE cycle_id = ${cycleId}
    UNION SELECT agency_id FROM needs_summary_people WHERE cycle_id = ${cycleId}`.execute(db);
  const agencyIds = rows.map((r) => r.agency_id);
  for (let i = 0; i < agencyIds.length; i += AGENCIES_PER_TRANSACTION) {
    await db.transaction().execute((trx) => rebuildNeedsSummaries(trx, cycleId, agencyIds.slice(i, i + AGENCIES_PER_TRANSACTION)));
    progress(Math.min(i + AGENCIES_PER_TRANSACTION, agencyIds.length), agencyIds.length);
  }
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM needs_summary_province WHERE cycle_id = ${cycleId}`.execute(trx);
    await sql`
      INSERT INTO needs_summary_province (cycle_id, geography, province_id, competency_id, ${MEASURES})
      SELECT ${cycleId}, * FROM (${byProvince(sql`(SELECT * FROM needs_summary_agency WHERE cycle_id = ${cycleId}) x`)}) p`.execute(trx);
  });
}

const AGENCIES_PER_TRANSACTION = 200;

/**
 * The consolidation listener: the people just consolidated change the
 * summaries by their own results only — minus the version each had before
 * (now in the history table), plus the new one — instead of a rebuild of
 * their agencies (~70 people × 30 competencies each; issue 6 asks < 10 ms).
 * Exact because each result carries the agency, position and role category it
 * is counted under, so the subtraction hits the rows the addition once made.
 */
export async function onResultsConsolidated(trx: Kysely<any>, event: DomainEvents['assessment.resultsConsolidated']): Promise<void> {
  if (event.personIds.length === 0) return;
  const previous = [...event.previousVersions];
  // A form's consolidation is a few people; a cycle's is thousands, planned for its own sizes.
  const preparedAs = event.personIds.length <= FEW_PEOPLE ? 'needs_delta' : undefined;
  const emptied = await addContributions(
    trx,
    event.cycleId,
    preparedAs,
    sql`
    SELECT -1 AS sign, ${contribution(sql`h`)}
    FROM assessment_results_history h
    JOIN unnest(${previous.map(([person]) => person)}::uuid[], ${previous.map(([, version]) => version)}::int[]) AS prev(person_id, version)
      ON h.person_id = prev.person_id AND h.version = prev.version
    WHERE h.cycle_id = ${event.cycleId} AND h.required_level IS NOT NULL
    UNION ALL
    SELECT 1, ${contribution(sql`r`)} FROM assessment_results r
    WHERE r.cycle_id = ${event.cycleId} AND r.person_id = ANY(${event.personIds}::uuid[]) AND r.required_level IS NOT NULL`,
  );
  if (emptied.agencyIds.length === 0 && !emptied.province) return;
  // Rows nobody counts in any more leave the tables (a person changed post or category).
  await sql`
    WITH a AS (DELETE FROM needs_summary WHERE cycle_id = ${event.cycleId} AND agency_id = ANY(${emptied.agencyIds}::uuid[]) AND people = 0),
    b AS (DELETE FROM needs_summary_agency WHERE cycle_id = ${event.cycleId} AND agency_id = ANY(${emptied.agencyIds}::uuid[]) AND people = 0),
    c AS (DELETE FROM needs_summary_people WHERE cycle_id = ${event.cycleId} AND agency_id = ANY(${emptied.agencyIds}::uuid[]) AND people = 0)
    DELETE FROM needs_summary_province WHERE cycle_id = ${event.cycleId} AND people = 0`.execute(trx);
}

const FEW_PEOPLE = 50;

/** What one result row adds to the summaries, from the results (`r`) or their history (`h`). */
const contribution = (alias: RawBuilder<unknown>) => sql`
  ${alias}.agency_id, ${alias}.person_id, ${alias}.position_id, COALESCE(${alias}.role_category, 'unknown') AS role_category,
  ${alias}.competency_id, ${isNeedSql(sql`${alias}.required_level`, sql`${alias}.assessed_level`)} AS is_need,
  ${positiveGapSql(sql`${alias}.required_level`, sql`${alias}.assessed_level`)} AS gap, ${criticalitySql(sql`${alias}.criticality`)} AS criticality,
  ${alias}.assessed_level, ${alias}.required_level`;

/**
 * Add signed contributions (+1 a result counted, −1 a result withdrawn) to
 * every grain in one statement: the finest rows, the agency rows (a new agency
 * row takes the unit the agency served when the cycle opened), their provinces
 * in both geographies, and the people rows. Returns where a row fell to zero
 * people, for the caller to remove. `preparedAs` names a statement whose text
 * never changes (the per-person delta); the rebuild's varies with its agencies.
 */
async function addContributions(trx: Kysely<any>, cycleId: string, preparedAs: string | undefined, contributions: RawBuilder<unknown>) {
  // The per-person delta is a fixed text: prepared once per connection with one
  // generic plan, since planning this statement costs more than running it for
  // one person (embedded engine: 6 ms instead of 12). The setting is put back
  // for the rest of the consolidation's transaction.
  if (preparedAs) await sql`SET LOCAL plan_cache_mode = force_generic_plan`.execute(trx);
  const { rows } = await sql<{ agency_ids: string[]; province: boolean }>`${preparedAs ? prepared(preparedAs) : sql``}
    WITH c AS MATERIALIZED (${contributions}),
    ag AS (SELECT id, path FROM agencies WHERE id = ANY(ARRAY(SELECT DISTINCT agency_id FROM c))),
    units AS MATERIALIZED (${unitWhenCycleOpened(cycleId, sql`SELECT id FROM ag`)}),
    finest AS (
      INSERT INTO needs_summary (cycle_id, agency_id, agency_path, position_id, role_category, competency_id, ${MEASURES})
      SELECT ${cycleId}, g.agency_id, ag.path, g.position_id, g.role_category, g.competency_id, ${measuresOf('g')}
      FROM (${grouped(sql`agency_id, position_id, role_category, competency_id`)}) g JOIN ag ON ag.id = g.agency_id
      ON CONFLICT (cycle_id, agency_id, (COALESCE(position_id, ${sql.lit(BLANK_POSITION)}::uuid)), role_category, competency_id) DO UPDATE SET ${addedTo('needs_summary')}
      RETURNING agency_id, people),
    agency_delta AS (${grouped(sql`agency_id, competency_id`)}),
    agency_rows AS (
      INSERT INTO needs_summary_agency (cycle_id, agency_id, agency_path, admin_unit_id, province_id, current_province_id, competency_id, ${MEASURES})
      SELECT ${cycleId}, g.agency_id, ag.path, u.admin_unit_id, u.province_id, u.current_province_id, g.competency_id, ${measuresOf('g')}
      FROM agency_delta g JOIN ag ON ag.id = g.agency_id
      JOIN units u ON u.agency_id = g.agency_id
      ON CONFLICT (cycle_id, agency_id, competency_id) DO UPDATE SET ${addedTo('needs_summary_agency')}
      -- the province the row counts under (kept from its first insert), for the province deltas
      RETURNING agency_id, competency_id, province_id, current_province_id, people AS people_now),
    by_province AS (${byProvince(sql`(SELECT a.province_id, a.current_province_id, d.* FROM agency_rows a JOIN agency_delta d USING (agency_id, competency_id)) x`)}),
    provinces AS (
      INSERT INTO needs_summary_province (cycle_id, geography, province_id, competency_id, ${MEASURES})
      SELECT ${cycleId}, geography, province_id, competency_id, ${MEASURES} FROM by_province
      ON CONFLICT (cycle_id, geography, province_id, competency_id) DO UPDATE SET ${addedTo('needs_summary_province')}
      RETURNING people),
    per_person AS (SELECT sign, agency_id, person_id, bool_or(is_need) AS has_need FROM c GROUP BY sign, agency_id, person_id),
    people_delta AS (
      SELECT agency_id, sum(sign)::int AS people, COALESCE(sum(sign) FILTER (WHERE NOT has_need), 0)::int AS meeting_profile
      FROM per_person GROUP BY agency_id),
    people_rows AS (
      INSERT INTO needs_summary_people (cycle_id, agency_id, agency_path, people, meeting_profile)
      SELECT ${cycleId}, d.agency_id, ag.path, d.people, d.meeting_profile
      FROM people_delta d JOIN ag ON ag.id = d.agency_id WHERE d.people <> 0 OR d.meeting_profile <> 0
      ON CONFLICT (cycle_id, agency_id) DO UPDATE
      SET people = needs_summary_people.people + EXCLUDED.people, meeting_profile = needs_summary_people.meeting_profile + EXCLUDED.meeting_profile
      RETURNING agency_id, people)
    SELECT ARRAY(SELECT agency_id FROM finest WHERE people = 0 UNION SELECT agency_id FROM agency_rows WHERE people_now = 0
                 UNION SELECT agency_id FROM people_rows WHERE people = 0) AS agency_ids,
           EXISTS (SELECT 1 FROM provinces WHERE people = 0) AS province`.execute(trx);
  if (preparedAs) await sql`SET LOCAL plan_cache_mode = DEFAULT`.execute(trx);
  return { agencyIds: rows[0]!.agency_ids, province: rows[0]!.province };
}

/** The six measures every summary row holds; any roll-up is their sum. */
const MEASURE_NAMES = ['people', 'needs', 'sum_gap', 'sum_weighted_need', 'sum_assessed', 'sum_required'] as const;
const MEASURES = sql.raw(MEASURE_NAMES.join(', '));
const measuresOf = (alias: string) => sql.raw(MEASURE_NAMES.map((m) => `${alias}.${m}`).join(', '));
/** The upsert's SET: each measure plus the incoming delta. */
const addedTo = (table: string) => sql.raw(MEASURE_NAMES.map((m) => `${m} = ${table}.${m} + EXCLUDED.${m}`).join(', '));

/** The six measures of signed contributions (`c` above), grouped by the given columns; groups that cancel out left out. */
const grouped = (columns: RawBuilder<unknown>) => sql`
  SELECT * FROM (
    SELECT ${columns}, sum(sign)::int AS people, COALESCE(sum(sign) FILTER (WHERE is_need), 0)::int AS needs,
           COALESCE(sum(sign * gap), 0) AS sum_gap, COALESCE(sum(sign * gap * criticality), 0) AS sum_weighted_need,
           sum(sign * assessed_level) AS sum_assessed, sum(sign * required_level) AS sum_required
    FROM c GROUP BY ${columns}) g
  WHERE ${changed}`;

/** Agency rows (or deltas) summed per province, in both geographies (the era's and today's); sums that cancel out left out. */
const byProvince = (rows: RawBuilder<unknown>) => sql`
  SELECT * FROM (
    SELECT 'historical' AS geography, province_id, competency_id, ${namedMeasures}
    FROM ${rows} GROUP BY province_id, competency_id
    UNION ALL
    SELECT 'current', current_province_id, competency_id, ${namedMeasures}
    FROM ${rows} GROUP BY current_province_id, competency_id) p
  WHERE ${changed}`;

/**
 * A group whose contributions cancel out (a person consolidated again with the
 * same forms, or two people trading places) has nothing to write.
 */
const changed = sql.raw(MEASURE_NAMES.map((m) => `${m} <> 0`).join(' OR '));

/**
 * The agency-move listener: summary rows carry their agency's path for subtree
 * filters, so when agencies move (their new paths match `newPathsLike`) the
 * rows follow, and the subtree's figures with them. Looked up by cycle and
 * agency, the leading columns of each table's key.
 */
export async function onAgencyPathsRewritten(trx: Kysely<any>, newPathsLike: string): Promise<void> {
  for (const table of ['needs_summary', 'needs_summary_agency', 'needs_summary_people'] as const) {
    await sql`
      UPDATE ${sql.table(table)} s SET agency_path = a.path
      FROM agencies a, assessment_cycles c
      WHERE a.path LIKE ${newPathsLike} AND s.cycle_id = c.id AND s.agency_id = a.id AND s.agency_path <> a.path`.execute(trx);
  }
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
