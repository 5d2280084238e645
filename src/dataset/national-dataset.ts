import { sql } from 'kysely';
import type { Db } from '../platform/db/engine.js';
import type { Actor } from '../platform/auth/actor.js';
import { seedDemoIfEmpty } from '../platform/demo/seed-demo.js';
import { demoSeeders } from '../modules/registry.js';
import { seedCountry } from '../modules/people/demo/seed-country.js';
import { consolidateCycle } from '../modules/assessment/consolidate.service.js';
import { positionCatalogue } from './position-catalogue.js';
import { foldForSearch } from '../platform/text/vietnamese.js';
import { vacuumNeedsSummaries } from '../modules/needs/summaries.js';

/**
 * The synthetic national data set of issue 7: the country's agencies, staff,
 * job positions with profiles, and assessment cycles with 360° ratings,
 * consolidated (which fills the training-needs summaries). Reproducible: the
 * same options give the same people, levels and figures (row ids differ).
 * Ratings are generated in SQL, inside the database, in chunks.
 */
export interface NationalOptions {
  people: number;
  positions: number;
  cycles: number;
  /** Peers per person besides self and leader (so raters ≈ peers + 2). */
  peers: number;
  seed: number;
  /** People per generation and consolidation chunk. */
  chunk: number;
  log: (line: string) => void;
}

export const NATIONAL_SCALE: Omit<NationalOptions, 'log'> = { people: 250_000, positions: 500, cycles: 2, peers: 3, seed: 2026, chunk: 10_000 };

/**
 * 0 ≤ u < 1 from a text key: PostgreSQL's own string hash, the same function in
 * every version we support and in the embedded engine, and far cheaper than md5
 * over tens of millions of ratings.
 */
export const u = (key: ReturnType<typeof sql>) => sql`((hashtext(${key}) & 2147483647) / 2147483648.0)`;

export async function buildNationalDataset(db: Db, options: NationalOptions) {
  const started = performance.now();
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    options.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };

  await step('demo base (framework, units, accounts)', () => seedDemoIfEmpty(db, demoSeeders));
  const country = await step(`agencies and ${options.people.toLocaleString('en')} civil servants`, () =>
    seedCountry(db, { people: options.people, seed: options.seed, communesPerProvince: Infinity }),
  );
  const versionId = await nationalVersion(db);
  await step(`${options.positions} job positions with profiles`, () => insertPositions(db, options.positions, versionId));
  await step('people assigned to positions', () => assignPositions(db));

  const admin = await nationalAdmin(db);
  const cycles: string[] = [];
  for (let c = 0; c < options.cycles; c++) {
    const year = 2025 - options.cycles + 1 + c;
    const cycleId = await insertCycle(db, year, versionId);
    cycles.push(cycleId);
    const chunks = await step(`cycle ${year}: subjects and rater assignments`, () => insertSubjectsAndRaters(db, cycleId, options));
    await step(`cycle ${year}: ratings`, async () => {
      for (let k = 0; k < chunks; k++) await insertRatings(db, cycleId, c, chunks, k);
    });
    await step(`cycle ${year}: consolidation and needs summaries`, async () => {
      // By agency, so each chunk rebuilds the summaries of few agencies.
      const { rows } = await sql<{
        person_id: string;
      }>`SELECT person_id FROM assessment_subjects WHERE cycle_id = ${cycleId} ORDER BY agency_id, person_id`.execute(db);
      for (let i = 0; i < rows.length; i += options.chunk) {
        await consolidateCycle(
          db,
          admin,
          cycleId,
          rows.slice(i, i + options.chunk).map((r) => r.person_id),
        );
        options.log(`  consolidated ${Math.min(i + options.chunk, rows.length).toLocaleString('en')} / ${rows.length.toLocaleString('en')}`);
      }
    });
  }
  // What autovacuum does on a running server (and nothing does on the embedded
  // engine, or on a server with it off): the summaries are rewritten by every
  // consolidation chunk, so without this their scans wade through dead rows.
  await step('vacuum and analyse the summaries', async () => {
    await vacuumNeedsSummaries(db);
    await sql`ANALYZE`.execute(db);
  });
  const counts = await datasetCounts(db);
  options.log(`total: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { agencies: country.agencies, cycles, ...counts, seconds: (performance.now() - started) / 1000 };
}

export async function nationalVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    SELECT v.id FROM framework_versions v JOIN frameworks f ON f.id = v.framework_id
    WHERE f.scope = 'national' AND v.status = 'published' ORDER BY v.version_no DESC LIMIT 1`.execute(db);
  if (!rows[0]) throw new Error('No published national framework: the demo base did not load.');
  return rows[0].id;
}

/** The first national administrator, as the actor the data set's consolidations run under. */
export async function nationalAdmin(db: Db): Promise<Actor> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.person_id', 'a.id as agencyId', 'a.name as agencyName', 'a.path'])
    .where('u.role', '=', 'national_admin')
    .orderBy('u.username')
    .executeTakeFirstOrThrow();
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: 'national_admin',
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    agencyPath: row.path,
    personId: row.person_id,
  };
}

/** Posts spread over the root agencies (ministries, provinces); requirements from the role x tier templates, varied per post. */
export async function insertPositions(db: Db, count: number, versionId: string) {
  const hosts = await db
    .selectFrom('agencies')
    .select(['id', 'kind'])
    .where('parent_id', 'is', null)
    .where('kind', 'in', ['ministry', 'province'])
    .orderBy('code')
    .execute();
  const posts = positionCatalogue(count);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < posts.length; i += 500) {
      const batch = posts.slice(i, i + 500).map((post, j) => {
        const host = hosts[(i + j) % hosts.length]!;
        // Provinces hold posts for their own departments and for their communes.
        const tier: 'central' | 'province' | 'commune' = host.kind === 'ministry' ? 'central' : (i + j) % 2 === 0 ? 'province' : 'commune';
        return {
          agency_id: host.id,
          code: post.code,
          title_vi: post.titleVi,
          title_en: post.titleEn,
          search_title: foldForSearch(post.titleVi),
          role_category: post.role,
          tier,
        };
      });
      await trx
        .insertInto('positions')
        .values(batch)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    await sql`
      INSERT INTO position_requirements (position_id, competency_id, required_level, criticality)
      SELECT p.id, t.competency_id,
             LEAST(v.level_count, GREATEST(1, t.required_level + floor(${u(sql`p.code || t.competency_id::text`)} * 3)::int - 1)),
             t.criticality
      FROM positions p
      JOIN profile_templates t ON t.role_category = p.role_category AND t.tier = p.tier
      JOIN competencies c ON c.id = t.competency_id AND c.version_id = ${versionId}
      JOIN framework_versions v ON v.id = c.version_id
      WHERE p.code LIKE 'NL-VTVL-%'
      ON CONFLICT DO NOTHING`.execute(trx);
  });
}

/** Each generated civil servant takes a post of their root agency, of their role and tier where one exists. */
export async function assignPositions(db: Db) {
  await sql`
    WITH posts AS (
      SELECT p.id, split_part(a.path, '/', 2) AS root, p.role_category, p.tier,
             row_number() OVER (PARTITION BY split_part(a.path, '/', 2), p.role_category ORDER BY p.code) - 1 AS n,
             count(*) OVER (PARTITION BY split_part(a.path, '/', 2), p.role_category) AS total
      FROM positions p JOIN agencies a ON a.id = p.agency_id
      WHERE p.code LIKE 'NL-VTVL-%')
    UPDATE people pe SET position_id = posts.id
    FROM agencies a, posts
    WHERE pe.staff_code LIKE 'DM-%' AND a.id = pe.agency_id
      AND posts.root = split_part(a.path, '/', 2) AND posts.role_category = pe.role_category
      AND posts.n = floor(${u(sql`pe.staff_code`)} * posts.total)`.execute(db);
}

export async function insertCycle(db: Db, year: number, versionId: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO assessment_cycles (agency_id, name, name_en, kind, year, scope, opens_on, closes_on, framework_version_id, weights, status)
    SELECT a.id, ${`Đánh giá năng lực công chức năm ${year}`}, ${`Civil service competency assessment ${year}`}, 'periodic', ${year},
           '{"agencyIds":[],"positionIds":[],"personIds":[]}'::jsonb, ${`${year}-10-01`}::date, ${`${year}-11-30`}::date, ${versionId},
           '{"self":20,"leader":40,"peer":20,"subordinate":10,"expert":10,"test":10}'::jsonb, 'closed'
    FROM agencies a WHERE a.code = 'BNV'
    RETURNING id`.execute(db);
  return rows[0]!.id;
}

/** The cycle's subjects: active staff with a post that has a profile, each with the post's competencies as their form. */
export async function insertSubjects(db: Db, cycleId: string) {
  await sql`
    INSERT INTO assessment_subjects (cycle_id, person_id, agency_id, position_id, competency_ids)
    SELECT ${cycleId}, p.id, p.agency_id, p.position_id,
           (SELECT jsonb_agg(r.competency_id ORDER BY r.competency_id) FROM position_requirements r WHERE r.position_id = p.position_id)
    FROM people p
    WHERE p.status = 'active' AND p.position_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM position_requirements r WHERE r.position_id = p.position_id)`.execute(db);
}

/** Subjects (active staff with a post), self, the agency's leader and peers from the same agency; all forms submitted. Returns the chunk count. */
export async function insertSubjectsAndRaters(db: Db, cycleId: string, options: Pick<NationalOptions, 'peers' | 'chunk'>): Promise<number> {
  await insertSubjects(db, cycleId);
  await sql`
    INSERT INTO assessment_assignments (cycle_id, subject_id, agency_id, source, rater_person_id, status, submitted_at)
    SELECT ${cycleId}, s.person_id, s.agency_id, 'self', s.person_id, 'submitted', now()
    FROM assessment_subjects s WHERE s.cycle_id = ${cycleId}`.execute(db);
  await sql`
    WITH leaders AS (
      SELECT DISTINCT ON (s.agency_id) s.agency_id, s.person_id FROM assessment_subjects s JOIN people p ON p.id = s.person_id
      WHERE s.cycle_id = ${cycleId} AND p.role_category = 'leader' ORDER BY s.agency_id, p.staff_code)
    INSERT INTO assessment_assignments (cycle_id, subject_id, agency_id, source, rater_person_id, status, submitted_at)
    SELECT ${cycleId}, s.person_id, s.agency_id, 'leader', l.person_id, 'submitted', now()
    FROM assessment_subjects s JOIN leaders l ON l.agency_id = s.agency_id
    WHERE s.cycle_id = ${cycleId} AND l.person_id <> s.person_id`.execute(db);
  for (let k = 1; k <= options.peers; k++) {
    await sql`
      WITH ranked AS (
        SELECT s.person_id, s.agency_id,
               row_number() OVER (PARTITION BY s.agency_id ORDER BY p.staff_code) - 1 AS rn,
               count(*) OVER (PARTITION BY s.agency_id) AS size
        FROM assessment_subjects s JOIN people p ON p.id = s.person_id WHERE s.cycle_id = ${cycleId})
      INSERT INTO assessment_assignments (cycle_id, subject_id, agency_id, source, rater_person_id, status, submitted_at)
      SELECT ${cycleId}, a.person_id, a.agency_id, 'peer', b.person_id, 'submitted', now()
      FROM ranked a JOIN ranked b ON b.agency_id = a.agency_id AND b.rn = (a.rn + ${k}) % a.size
      WHERE a.size > ${k}
      ON CONFLICT DO NOTHING`.execute(db);
  }
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM assessment_subjects WHERE cycle_id = ${cycleId}`.execute(db);
  return Math.max(1, Math.ceil(rows[0]!.n / options.chunk));
}

/**
 * Ratings of one chunk of subjects: each rater sees the person's true level
 * (their post's requirement, shifted by the person's ability and a
 * per-competency deviation, and raised 0.3 a cycle by training) with noise;
 * people rate themselves 0.4 higher on average, as self-ratings tend to be.
 */
export async function insertRatings(db: Db, cycleId: string, cycleIndex: number, chunks: number, chunk: number) {
  await sql`
    INSERT INTO assessment_ratings (assignment_id, competency_id, agency_id, level)
    SELECT x.id, r.competency_id, x.agency_id,
           LEAST(v.level_count, GREATEST(1, round(
             r.required_level
             + (${u(sql`p.staff_code`)} - 0.6) * 2.0
             + (${u(sql`p.staff_code || r.competency_id::text`)} - 0.5) * 1.5
             + ${cycleIndex * 0.3}
             + (${u(sql`x.id::text || r.competency_id::text`)} - 0.5) * 1.2
             + CASE WHEN x.source = 'self' THEN 0.4 ELSE 0 END)))::smallint
    FROM assessment_subjects s
    JOIN people p ON p.id = s.person_id
    JOIN assessment_assignments x ON x.cycle_id = s.cycle_id AND x.subject_id = s.person_id
    JOIN position_requirements r ON r.position_id = s.position_id
    JOIN assessment_cycles c ON c.id = s.cycle_id
    JOIN framework_versions v ON v.id = c.framework_version_id
    WHERE s.cycle_id = ${cycleId} AND floor(${u(sql`p.staff_code || 'chunk'`)} * ${chunks}) = ${chunk}`.execute(db);
}

async function datasetCounts(db: Db) {
  const { rows } = await sql<{ people: number; positions: number; ratings: number; results: number; summaries: number }>`
    SELECT (SELECT count(*) FROM people)::int AS people,
           (SELECT count(*) FROM positions)::int AS positions,
           (SELECT count(*) FROM assessment_ratings)::int AS ratings,
           (SELECT count(*) FROM assessment_results)::int AS results,
           (SELECT count(*) FROM needs_summary_agency)::int AS summaries`.execute(db);
  return rows[0]!;
}
