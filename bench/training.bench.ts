import { sql } from 'kysely';
import type { Db } from '../src/platform/db/engine.js';
import { nationalAdmin } from '../src/dataset/national-dataset.js';
import { recommendationEvidence } from '../src/modules/training/plans/plans.repository.js';
import { recommendCourses } from '../src/modules/training/plans/recommend.js';
import { personPlan } from '../src/modules/training/plans/plans.service.js';
import { openBenchDataset } from './dataset.js';
import { explainAnalyze } from './explain.js';
import { percentile, type Benchmark, type BenchResult } from './support.js';

const COURSES = 2_000;
const SESSIONS_PER_COURSE = 5;
const PEOPLE_SAMPLED = 200;

/**
 * The catalogue beside the national data set, built once and kept:
 * 20 institutions, 2,000 courses each raising one to three competencies of
 * the published national framework, 10,000 sessions in 2026, and one
 * completed course for every tenth person (so the rule has completions to
 * leave out). Set-based SQL, one statement a table.
 */
async function ensureCatalogue(db: Db): Promise<void> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM training_courses`.execute(db);
  if (rows[0]!.n >= COURSES) return;
  process.stderr.write(`  building the training catalogue (${COURSES} courses, ${COURSES * SESSIONS_PER_COURSE} sessions)…\n`);
  await db.transaction().execute(async (trx) => {
    await sql`
      INSERT INTO training_institutions (code, name, search_name, kind, agency_id)
      SELECT 'BENCH-' || i, 'Cơ sở đào tạo ' || i, 'co so dao tao ' || i, 'academy', (SELECT id FROM agencies WHERE parent_id IS NULL ORDER BY code LIMIT 1)
      FROM generate_series(1, 20) i`.execute(trx);
    await sql`
      WITH v AS (SELECT id, level_count FROM framework_versions WHERE status = 'published' ORDER BY published_at LIMIT 1),
      inst AS (SELECT id, row_number() OVER (ORDER BY code) AS k FROM training_institutions WHERE code LIKE 'BENCH-%')
      INSERT INTO training_courses (institution_id, code, title, search_title, format, hours, cost_per_seat, framework_version_id)
      SELECT inst.id, 'BC-' || c, 'Khóa bồi dưỡng ' || c, 'khoa boi duong ' || c,
             (ARRAY['online','classroom','blended','simulation','on_the_job','job_rotation'])[1 + c % 6], 8 + (c % 5) * 8, 500000 + (c % 20) * 250000, v.id
      FROM generate_series(1, ${COURSES}) c CROSS JOIN v JOIN inst ON inst.k = 1 + c % 20`.execute(trx);
    await sql`
      WITH k AS (SELECT c.id, row_number() OVER (ORDER BY c.code) AS n, v.level_count
                 FROM competencies c JOIN framework_versions v ON v.id = c.version_id WHERE v.status = 'published' AND c.parent_id IS NULL),
      total AS (SELECT count(*) AS n FROM k),
      co AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM training_courses WHERE code LIKE 'BC-%')
      INSERT INTO training_course_competencies (course_id, competency_id, from_level, to_level)
      SELECT DISTINCT ON (co.id, k.id) co.id, k.id, (co.n + j) % (k.level_count - 1), LEAST(k.level_count, (co.n + j) % (k.level_count - 1) + 1 + (co.n % 2))
      FROM co CROSS JOIN generate_series(0, 2) j CROSS JOIN total
      JOIN k ON k.n = 1 + (co.n * 7 + j * 13) % total.n
      WHERE j <= co.n % 3`.execute(trx);
    await sql`
      INSERT INTO training_sessions (course_id, code, starts_on, ends_on, seats, enrol_opens_on, enrol_closes_on, cost_per_seat, status)
      SELECT co.id, co.code || '-' || s, d, d + 2, 40, d - 60, d - 7, co.cost_per_seat, 'open'
      FROM training_courses co CROSS JOIN generate_series(1, ${SESSIONS_PER_COURSE}) s
      CROSS JOIN LATERAL (SELECT DATE '2026-01-05' + ((hashtext(co.code) & 255) + s * 61) % 360 AS d) dd
      WHERE co.code LIKE 'BC-%'`.execute(trx);
    await sql`
      INSERT INTO training_enrolments (session_id, person_id, agency_id, status, source, attendance_share, completed_at)
      SELECT s.id, p.id, p.agency_id, 'completed', 'hr', 1, now()
      FROM (SELECT id, agency_id, row_number() OVER (ORDER BY id) AS n FROM people) p
      JOIN LATERAL (SELECT id FROM training_sessions WHERE code = 'BC-' || (1 + p.n % ${COURSES}) || '-1') s ON true
      WHERE p.n % 10 = 0`.execute(trx);
  });
  await sql`ANALYZE`.execute(db);
}

/**
 * Issue 14: one person's recommendations on the national data set with the
 * issue's catalogue. `BENCH_RESULTS=sql` runs it on the set whose results are
 * generated in SQL (no ratings: minutes to build instead of 42–77 at 250,000),
 * which the recommendation cannot tell apart: it reads results, profiles and
 * the catalogue only (docs/PERFORMANCE.md).
 */
export const trainingBenchmark: Benchmark = {
  name: 'training',
  async run(context) {
    const data = await openBenchDataset(context, { resultsInSql: process.env.BENCH_RESULTS === 'sql' });
    const db = data.db;
    try {
      await ensureCatalogue(db);
      const cycleId = data.cycleIds.at(-1)!;
      const admin = await nationalAdmin(db);
      const { rows: people } = await sql<{ person_id: string }>`
        SELECT DISTINCT person_id FROM assessment_results WHERE cycle_id = ${cycleId} ORDER BY person_id LIMIT ${PEOPLE_SAMPLED}`.execute(db);
      // A different person each run (nothing cached for them), after one warm-up.
      const time = async (work: (personId: string) => Promise<unknown>) => {
        await work(people[0]!.person_id);
        const times: number[] = [];
        let recommended = 0;
        for (const { person_id } of people.slice(1)) {
          const started = performance.now();
          const result = await work(person_id);
          times.push(performance.now() - started);
          if (Array.isArray(result)) recommended += result.length;
        }
        return { times: times.sort((a, b) => a - b), recommended };
      };
      const core = await time(async (personId) => {
        const evidence = await recommendationEvidence(db, personId, cycleId);
        return recommendCourses(evidence.standings, evidence.courses, { completed: evidence.completed, enrolled: evidence.enrolled });
      });
      const page = await time((personId) => personPlan(db, admin, personId));
      if (process.env.BENCH_EXPLAIN) {
        // The plan for the sampled person with the median number of gaps (docs/PERFORMANCE.md shows it).
        const { rows: gaps } = await sql<{ person_id: string; gaps: number }>`
          SELECT person_id, count(*) FILTER (WHERE required_level > assessed_level)::int AS gaps FROM assessment_results
          WHERE cycle_id = ${cycleId} AND person_id = ANY(${people.map((p) => p.person_id)}::uuid[]) GROUP BY person_id ORDER BY 2, 1`.execute(db);
        const median = gaps[Math.floor(gaps.length / 2)]!;
        const plan = await explainAnalyze(db, (on) => recommendationEvidence(on, median.person_id, cycleId));
        process.stderr.write(
          `\nrecommendation evidence of a person with ${median.gaps} gaps (of the sample: ${gaps[0]!.gaps}–${gaps.at(-1)!.gaps}):\n${plan}\n`,
        );
      }
      const figure = (name: string, times: number[], target?: string, note?: string): BenchResult => ({
        name,
        engine: context.engine,
        dataSize: `${data.label}; ${COURSES} courses, ${COURSES * SESSIONS_PER_COURSE} sessions`,
        medianMs: percentile(times, 50),
        p95Ms: percentile(times, 95),
        target,
        note,
      });
      return [
        figure(
          'one person’s recommendations (evidence query + rule)',
          core.times,
          context.engine === 'postgres' ? '≤ 10 ms' : '≤ 20 ms',
          `${people.length - 1} people, ${(core.recommended / (people.length - 1)).toFixed(1)} courses each`,
        ),
        figure('one person’s plan page (recommendations, names, next sessions, stored plan)', page.times),
      ];
    } finally {
      await data.close();
    }
  },
};
