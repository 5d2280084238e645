import { sql } from 'kysely';
import type { Db } from '../platform/db/engine.js';
import { seedDemoIfEmpty } from '../platform/demo/seed-demo.js';
import { demoSeeders } from '../modules/registry.js';
import { seedCountry } from '../modules/people/demo/seed-country.js';
import { assignPositions, insertCycle, insertPositions, insertSubjects, nationalVersion, u, type NationalOptions } from './national-dataset.js';

/**
 * The national data set without its ratings, for benchmarks that read only
 * consolidated results (a person's recommendations): the same agencies,
 * people, positions, profiles and cycle subjects as buildNationalDataset, and
 * each cycle's results written straight from SQL instead of 35 M rating rows
 * consolidated in JavaScript (42 minutes of both cores on PostgreSQL, 77
 * embedded). It models the same raters — self, the agency's first leader,
 * up to three peers from the agency (a peer who is also the person's leader
 * counts once, as leader), the peer group shown only with three — each seeing
 * the same true level with the same noise as insertRatings, so the results
 * have the full set's row count and level distribution. The noise is keyed
 * by person, competency, cycle and rater slot instead of the assignment's
 * random id. Not built: ratings, assignments, anonymity releases and the
 * training-needs summaries (nothing the recommendation reads).
 */
export async function buildNationalResults(db: Db, options: NationalOptions) {
  const started = performance.now();
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    options.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  await step('demo base (framework, units, accounts)', () => seedDemoIfEmpty(db, demoSeeders));
  await step(`agencies and ${options.people.toLocaleString('en')} civil servants`, () =>
    seedCountry(db, { people: options.people, seed: options.seed, communesPerProvince: Infinity }),
  );
  const versionId = await nationalVersion(db);
  await step(`${options.positions} job positions with profiles`, () => insertPositions(db, options.positions, versionId));
  await step('people assigned to positions', () => assignPositions(db));
  const cycles: string[] = [];
  const indexes = await step('results indexes dropped for the load', () => dropIndexes(db, 'assessment_results'));
  for (let c = 0; c < options.cycles; c++) {
    const year = 2025 - options.cycles + 1 + c;
    const cycleId = await insertCycle(db, year, versionId);
    cycles.push(cycleId);
    await step(`cycle ${year}: subjects`, () => insertSubjects(db, cycleId));
    const chunks = Math.max(1, Math.ceil(options.people / options.chunk));
    await step(`cycle ${year}: results generated in SQL`, async () => {
      for (let k = 0; k < chunks; k++) {
        await insertGeneratedResults(db, cycleId, c, chunks, k);
        options.log(`  chunk ${k + 1} / ${chunks}`);
      }
    });
  }
  await step('results indexes rebuilt (the primary key checks the rows are unique)', async () => {
    for (const statement of indexes) await sql.raw(statement).execute(db);
  });
  await step('analyse', () => sql`ANALYZE`.execute(db));
  options.log(`total: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { cycles, seconds: (performance.now() - started) / 1000 };
}

/**
 * A bulk load into a table without its indexes, then one sorted build of each,
 * is several times faster than 14 M index insertions at random uuids. Returns
 * the statements that put the primary key and the indexes back as they were.
 */
async function dropIndexes(db: Db, table: string): Promise<string[]> {
  const { rows: keys } = await sql<{ name: string; definition: string }>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE conrelid = ${table}::regclass AND contype = 'p'`.execute(db);
  const { rows: others } = await sql<{ name: string; definition: string }>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = ${table} AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = ${table}::regclass)`.execute(
    db,
  );
  for (const k of keys) await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.id(k.name)}`.execute(db);
  for (const i of others) await sql`DROP INDEX ${sql.id(i.name)}`.execute(db);
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return [...keys.map((k) => `ALTER TABLE ${quoted(table)} ADD CONSTRAINT ${quoted(k.name)} ${k.definition}`), ...others.map((i) => i.definition)];
}

/**
 * One chunk of agencies' results (whole agencies, since the raters come from
 * the agency). A rating is insertRatings' formula: the person's true level
 * plus noise, rounded into the scale, self-ratings 0.4 higher; the result is
 * consolidateCompetency's: the weighted mean of the source groups (cycle
 * weights), the others' mean, the spread of the groups, the blind-spot flag.
 */
async function insertGeneratedResults(db: Db, cycleId: string, cycleIndex: number, chunks: number, chunk: number) {
  // Float arithmetic (the full builder's is numeric, far slower per row; the rounding into the scale is the same).
  const unit = (key: ReturnType<typeof sql>) => sql`((hashtext(${key}) & 2147483647) / 2147483648.0::float8)`;
  const rating = (slot: string, shift: number) => sql`LEAST(v.level_count, GREATEST(1, round(
    t.truth + (${unit(sql`t.staff_code || t.competency_id::text || ${`:${cycleIndex}:${slot}`}`)} - 0.5) * 1.2 + ${sql.lit(shift)})))::float8`;
  await sql`
    WITH ranked AS (
      SELECT s.person_id, s.agency_id, s.position_id, p.staff_code, p.role_category,
             row_number() OVER (PARTITION BY s.agency_id ORDER BY p.staff_code) - 1 AS rn,
             count(*) OVER (PARTITION BY s.agency_id) AS size
      FROM assessment_subjects s JOIN people p ON p.id = s.person_id JOIN agencies a ON a.id = s.agency_id
      WHERE s.cycle_id = ${cycleId} AND floor(${u(sql`a.code || 'chunk'`)} * ${chunks}) = ${chunk}),
    leaders AS (
      SELECT DISTINCT ON (agency_id) agency_id, person_id, rn FROM ranked WHERE role_category = 'leader' ORDER BY agency_id, staff_code),
    raters AS MATERIALIZED (
      SELECT r.*, COALESCE(l.person_id <> r.person_id, false) AS has_leader,
             -- insertSubjectsAndRaters' peers k = 1..3: the k-th next colleague, unless that is the person's leader.
             r.size > 3 AND NOT COALESCE(l.person_id <> r.person_id AND l.rn IN ((r.rn + 1) % r.size, (r.rn + 2) % r.size, (r.rn + 3) % r.size), false) AS has_peers
      FROM ranked r LEFT JOIN leaders l ON l.agency_id = r.agency_id),
    truth AS (
      SELECT x.*, q.competency_id, q.required_level, q.criticality,
             (q.required_level + (${u(sql`x.staff_code`)} - 0.6) * 2.0 + (${u(sql`x.staff_code || q.competency_id::text`)} - 0.5) * 1.5
               + ${cycleIndex * 0.3})::float8 AS truth
      FROM raters x JOIN position_requirements q ON q.position_id = x.position_id),
    groups AS MATERIALIZED (
      SELECT t.person_id, t.agency_id, t.position_id, t.role_category, t.competency_id, t.required_level, t.criticality,
             ${rating('self', 0.4)} AS self_level,
             CASE WHEN t.has_leader THEN ${rating('leader', 0)} END AS leader_level,
             CASE WHEN t.has_peers THEN (${rating('peer1', 0)} + ${rating('peer2', 0)} + ${rating('peer3', 0)}) / 3 END AS peer_level
      FROM truth t CROSS JOIN framework_versions v WHERE v.id = (SELECT framework_version_id FROM assessment_cycles WHERE id = ${cycleId})),
    weighed AS (
      SELECT g.*, w.*,
             w.self * g.self_level + COALESCE(w.leader * g.leader_level, 0) + COALESCE(w.peer * g.peer_level, 0) AS weighted_sum,
             CASE WHEN g.leader_level IS NULL THEN 0 ELSE w.leader END + CASE WHEN g.peer_level IS NULL THEN 0 ELSE w.peer END AS others_weight,
             1 + (g.leader_level IS NOT NULL)::int + (g.peer_level IS NOT NULL)::int AS groups_n,
             g.self_level + COALESCE(g.leader_level, 0) + COALESCE(g.peer_level, 0) AS level_sum
      FROM groups g CROSS JOIN (
        SELECT (weights->>'self')::float8 AS self, (weights->>'leader')::float8 AS leader, (weights->>'peer')::float8 AS peer, gap_threshold::float8 AS gap_threshold
        FROM assessment_cycles WHERE id = ${cycleId}) w),
    consolidated AS (
      SELECT x.*, round((x.weighted_sum / (x.self + x.others_weight))::numeric, 2) AS assessed,
             round(x.self_level::numeric, 2) AS self_r,
             round(((x.weighted_sum - x.self * x.self_level) / NULLIF(x.others_weight, 0))::numeric, 2) AS others_r,
             -- The groups' population standard deviation, as standardDeviation() (0 for one group).
             round(sqrt(GREATEST(0, (x.self_level ^ 2 + COALESCE(x.leader_level ^ 2, 0) + COALESCE(x.peer_level ^ 2, 0)) / x.groups_n
                                   - (x.level_sum / x.groups_n) ^ 2))::numeric, 2) AS spread
      FROM weighed x)
    INSERT INTO assessment_results (cycle_id, person_id, competency_id, agency_id, position_id, role_category, assessed_level, required_level,
      criticality, spread, source_count, self_level, others_level, flag, source_groups, version, consolidated_at)
    SELECT ${cycleId}, person_id, competency_id, agency_id, position_id, role_category, assessed, required_level,
           criticality, spread, groups_n, self_r, others_r,
           CASE WHEN self_r - others_r >= gap_threshold THEN 'blind_spot' WHEN self_r - others_r <= -gap_threshold THEN 'hidden_strength' END,
           jsonb_build_array(jsonb_build_object('source', 'self', 'level', self_r, 'raters', 1, 'weight', self))
             || CASE WHEN leader_level IS NULL THEN '[]'::jsonb
                     ELSE jsonb_build_array(jsonb_build_object('source', 'leader', 'level', round(leader_level::numeric, 2), 'raters', 1, 'weight', leader)) END
             || CASE WHEN peer_level IS NULL THEN '[]'::jsonb
                     ELSE jsonb_build_array(jsonb_build_object('source', 'peer', 'level', round(peer_level::numeric, 2), 'raters', 3, 'weight', peer)) END,
           1, now()
    FROM consolidated`.execute(db);
}
