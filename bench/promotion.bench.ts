// Issue 17, item 5: shortlisting internal candidates for a leadership position "across a province of 20,000
// people" in ≤ 500 ms. The data set's provinces are each a fraction of BENCH_PEOPLE, so the candidate pool
// timed is the whole data set (every agency: 20,010 people at the default size) — as large as the target's
// province — read set-based by the round's repository and ranked by its pure rules. Freezing the shortlist
// (one standing row a person) is timed beside it. Quality classifications (2024, 2025) and a year of completed
// training are added once, so every rule has evidence to read.
import { sql } from 'kysely';
import type { Db } from '../src/platform/db/engine.js';
import { NO_RULES, type PromotionRules } from '../src/modules/recruitment/promotion/eligibility.js';
import { positionProfile, storeStandings, subtreeEvidence } from '../src/modules/recruitment/promotion/promotion.repository.js';
import { computeStandings } from '../src/modules/recruitment/promotion/standing.js';
import { openBenchDataset } from './dataset.js';
import { explainAnalyze } from './explain.js';
import { percentile, timeRuns, type Benchmark, type BenchResult } from './support.js';

const RUNS = Number(process.env.RUNS ?? 7);
const AS_OF = '2026-06-01';

async function ensureEvidence(db: Db): Promise<void> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM training_courses WHERE code = 'PRB-LD'`.execute(db);
  if (rows[0]!.n > 0) return;
  process.stderr.write('  adding quality classifications and completed training for the promotion benchmark…\n');
  // Levels spread by a hash of the person: about 10 % excellent, 60 % good, 25 % completed, 5 % not completed.
  await sql`
    INSERT INTO evaluation_quality_records (person_id, year, agency_id, basis, level)
    SELECT p.id, y, p.agency_id, 'decree_90_2020',
           CASE WHEN h < 0.10 THEN 'excellent' WHEN h < 0.70 THEN 'good' WHEN h < 0.95 THEN 'completed' ELSE 'not_completed' END
    FROM people p CROSS JOIN generate_series(2024, 2025) y
    CROSS JOIN LATERAL (SELECT (hashtext(p.id::text || y) & 2147483647) / 2147483648.0 AS h) x
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    INSERT INTO training_institutions (code, name, search_name, kind, agency_id)
    SELECT 'PRB-I', 'Cơ sở bồi dưỡng lãnh đạo', 'co so boi duong lanh dao', 'academy', (SELECT id FROM agencies WHERE parent_id IS NULL ORDER BY code LIMIT 1)`.execute(
    db,
  );
  await sql`
    INSERT INTO training_courses (institution_id, code, title, search_title, format, hours, cost_per_seat, framework_version_id, status)
    SELECT (SELECT id FROM training_institutions WHERE code = 'PRB-I'), 'PRB-LD', 'Bồi dưỡng lãnh đạo cấp phòng', 'boi duong lanh dao cap phong',
           'classroom', 40, 3000000, (SELECT id FROM framework_versions WHERE status = 'published' ORDER BY published_at LIMIT 1), 'active'`.execute(db);
  await sql`
    INSERT INTO training_sessions (course_id, code, starts_on, ends_on, seats, enrol_opens_on, enrol_closes_on, cost_per_seat, status)
    SELECT id, 'PRB-LD-1', DATE '2025-10-06', DATE '2025-10-10', 100000, DATE '2025-09-01', DATE '2025-09-30', 3000000, 'completed'
    FROM training_courses WHERE code = 'PRB-LD'`.execute(db);
  // Every third person completed it.
  await sql`
    INSERT INTO training_enrolments (session_id, person_id, agency_id, status, source, attendance_share, completed_at)
    SELECT (SELECT id FROM training_sessions WHERE code = 'PRB-LD-1'), p.id, p.agency_id, 'completed', 'hr', 1, TIMESTAMPTZ '2025-10-10 10:00+07'
    FROM people p WHERE hashtext(p.id::text) % 3 = 0
    ON CONFLICT DO NOTHING`.execute(db);
}

export const promotionBenchmark: Benchmark = {
  name: 'promotion',
  async run(context) {
    const data = await openBenchDataset(context);
    const { db } = data;
    await ensureEvidence(db);
    // Statistics, as autovacuum would have them on a server after the bulk loads (without them the planner took
    // 40,020 quality records for 192 and spilled its aggregate to disk).
    await sql`ANALYZE evaluation_quality_records, training_enrolments, recruitment_current_cycles`.execute(db);
    const { rows: posts } = await sql<{ id: string }>`
      SELECT po.id FROM positions po WHERE po.role_category IN ('leader', 'manager')
        AND EXISTS (SELECT 1 FROM position_requirements r WHERE r.position_id = po.id) ORDER BY po.code LIMIT 1`.execute(db);
    const positionId = posts[0]!.id;
    const profile = await positionProfile(db, positionId);
    const rules: PromotionRules = {
      ...NO_RULES,
      quality: { years: 2, toYear: 2025, minLevel: 'good' },
      training: { minHours: 20, withinYears: 3, courseCodes: ['PRB-LD'] },
      digital: { weight: 2, minLevel: null },
    };
    const evidence = (on: Db) => subtreeEvidence(on, { agencyPath: '/', positionId, profileIds: profile.map((p) => p.competencyId), rules, asOf: AS_OF });
    // Where the time goes: the read (statement + unpacking) and the rules, each run's share, and this process's CPU.
    const readMs: number[] = [];
    const rulesMs: number[] = [];
    const shortlist = async () => {
      const started = performance.now();
      const people = await evidence(db);
      const read = performance.now();
      const standings = computeStandings(profile, rules, people, AS_OF);
      readMs.push(read - started);
      rulesMs.push(performance.now() - read);
      return standings;
    };
    const sample = await shortlist();
    const candidates = sample.eligible.length + sample.ineligible.length;
    readMs.length = rulesMs.length = 0;
    const cpuBefore = process.cpuUsage();
    const times = await timeRuns(RUNS, shortlist);
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerRunMs = (cpu.user + cpu.system) / 1000 / (RUNS + 1);
    if (process.env.BENCH_EXPLAIN) process.stderr.write(`\nsubtreeEvidence of the whole set:\n${await explainAnalyze(db, evidence)}\n`);

    // Freezing: the standings of a draft round stored in one transaction (rolled back, so runs do not pile up).
    const { rows: agencyRows } = await sql<{ agency_id: string }>`SELECT agency_id FROM positions WHERE id = ${positionId}`.execute(db);
    const freeze = () =>
      db
        .transaction()
        .execute(async (trx) => {
          const round = await trx
            .insertInto('recruitment_promotion_rounds')
            .values({ agency_id: agencyRows[0]!.agency_id, position_id: positionId, title: 'bench', rules: JSON.stringify(rules) })
            .returning('id')
            .executeTakeFirstOrThrow();
          await storeStandings(trx, round.id, [...sample.eligible, ...sample.ineligible]);
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
    const freezeTimes = await timeRuns(3, freeze);

    const size = `${candidates.toLocaleString('en')} candidates (${data.label}), profile of ${profile.length} competencies`;
    const results: BenchResult[] = [
      {
        name: 'promotion shortlist (set-based read + rules + ranking)',
        engine: context.engine,
        dataSize: size,
        medianMs: percentile(times, 50),
        p95Ms: percentile(times, 95),
        target: '≤ 500 ms',
        note:
          `${sample.eligible.length.toLocaleString('en')} eligible; medians: read ${percentile(
            readMs.sort((a, b) => a - b),
            50,
          ).toFixed(0)} ms, ` +
          `rules ${percentile(
            rulesMs.sort((a, b) => a - b),
            50,
          ).toFixed(0)} ms; bench process CPU ${cpuPerRunMs.toFixed(0)} ms a run`,
      },
      {
        name: 'promotion shortlist frozen (standings stored)',
        engine: context.engine,
        dataSize: size,
        medianMs: percentile(freezeTimes, 50),
        p95Ms: percentile(freezeTimes, 95),
      },
    ];
    await data.close();
    return results;
  },
};

class Rollback extends Error {}
