import { sql } from 'kysely';
import type { Db } from '../src/platform/db/engine.js';
import type { Actor } from '../src/platform/auth/actor.js';
import { setClock } from '../src/platform/clock.js';
import { closeSession } from '../src/modules/training/sessions/session-close.service.js';
import { refreshEffectObservations } from '../src/modules/evaluation/effectiveness.refresh.js';
import { effectEstimates } from '../src/modules/evaluation/effectiveness.repository.js';
import { openBenchDataset } from './dataset.js';
import { percentile, timeRuns, type Benchmark, type BenchResult } from './support.js';

const COURSES = 200;
const COMPLETIONS = 10_000;
const COMPLETED_AT = '2026-03-06T09:00:00.000Z';

/**
 * A year of training beside the data set, built once and kept: 200 courses
 * (one competency each), one 2026 session each, 10,000 completions through
 * `training.completed` (so the follow-ups are scheduled and the effectiveness
 * cells moved by the real handlers, timed), and a follow-up result for each
 * trainee: every other course one level up, the rest unchanged.
 */
async function ensureTrainingYear(db: Db): Promise<number | null> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM training_courses WHERE code LIKE 'EV-%'`.execute(db);
  if (rows[0]!.n > 0) return null;
  process.stderr.write(`  building a year of training (${COURSES} courses, ${COMPLETIONS} completions)…\n`);
  await sql`
    INSERT INTO training_institutions (code, name, search_name, kind, agency_id)
    SELECT 'EVB-' || i, 'Cơ sở đánh giá ' || i, 'co so danh gia ' || i, 'academy', (SELECT id FROM agencies WHERE parent_id IS NULL ORDER BY code LIMIT 1)
    FROM generate_series(1, 10) i`.execute(db);
  await sql`
    WITH v AS (SELECT id FROM framework_versions WHERE status = 'published' ORDER BY published_at LIMIT 1),
    inst AS (SELECT id, row_number() OVER (ORDER BY code) AS k FROM training_institutions WHERE code LIKE 'EVB-%')
    INSERT INTO training_courses (institution_id, code, title, search_title, format, hours, cost_per_seat, framework_version_id, status)
    SELECT inst.id, 'EV-' || lpad(c::text, 3, '0'), 'Khóa đánh giá ' || c, 'khoa danh gia ' || c,
           (ARRAY['online','classroom','blended','simulation','on_the_job','job_rotation'])[1 + c % 6], 16, 1000000, v.id, 'active'
    FROM generate_series(1, ${COURSES}) c CROSS JOIN v JOIN inst ON inst.k = 1 + c % 10`.execute(db);
  // Each course teaches a competency its trainees were assessed in (the most common ones, in turn).
  await sql`
    WITH k AS (SELECT competency_id, row_number() OVER (ORDER BY count(*) DESC, competency_id) AS n FROM assessment_results GROUP BY competency_id),
    total AS (SELECT count(*) AS n FROM k),
    co AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM training_courses WHERE code LIKE 'EV-%')
    INSERT INTO training_course_competencies (course_id, competency_id, from_level, to_level)
    SELECT co.id, k.competency_id, 2, 3 FROM co CROSS JOIN total JOIN k ON k.n = 1 + (co.n % LEAST(total.n, 10))`.execute(db);
  await sql`
    INSERT INTO training_sessions (course_id, code, starts_on, ends_on, seats, enrol_opens_on, enrol_closes_on, cost_per_seat, status)
    SELECT id, code || '-1', DATE '2026-03-02', DATE '2026-03-06', 100, DATE '2026-01-05', DATE '2026-02-20', 1000000, 'running'
    FROM training_courses WHERE code LIKE 'EV-%'`.execute(db);
  // Trainees: people assessed in the course's competency, spread over the courses.
  await sql`
    INSERT INTO training_enrolments (session_id, person_id, agency_id, status, source, attendance_share)
    SELECT s.id, x.person_id, x.agency_id, 'enrolled', 'hr', 1
    FROM (SELECT r.person_id, r.agency_id, r.competency_id, row_number() OVER (ORDER BY md5(r.person_id::text)) AS n
          FROM assessment_results r JOIN assessment_cycles c ON c.id = r.cycle_id WHERE c.year = 2025) x
    JOIN (SELECT co.id AS course_id, cc.competency_id, row_number() OVER (PARTITION BY cc.competency_id ORDER BY co.code) AS k,
                 count(*) OVER (PARTITION BY cc.competency_id) AS of
          FROM training_courses co JOIN training_course_competencies cc ON cc.course_id = co.id WHERE co.code LIKE 'EV-%') q
      ON q.competency_id = x.competency_id AND q.k = 1 + x.n % q.of
    JOIN training_sessions s ON s.course_id = q.course_id
    WHERE x.n % 12 = 0
    ORDER BY x.n LIMIT ${COMPLETIONS}
    ON CONFLICT DO NOTHING`.execute(db);
  return completeAll(db);
}

/**
 * Each session closed by the sessions module's own `closeSession` (as the close button does), the clock held at
 * the completion instant: in one transaction per session its seats' results, audit rows and notifications,
 * `training.completed` per completion and one `training.sessionClosed` (certificate rows, follow-ups, survey
 * invitations and effectiveness cells). The sessions have no meetings: every seat counts as attended. Returns ms.
 */
async function completeAll(db: Db): Promise<number> {
  const { rows: sessions } = await sql<{ id: string }>`
    SELECT s.id FROM training_sessions s JOIN training_courses co ON co.id = s.course_id WHERE co.code LIKE 'EV-%' ORDER BY co.code`.execute(db);
  const admin = await sql<{ id: string; username: string; agency_id: string; name: string; path: string }>`
    SELECT u.id, u.username, a.id AS agency_id, a.name, a.path FROM users u JOIN agencies a ON a.id = u.agency_id
    WHERE u.role = 'national_admin' ORDER BY u.username LIMIT 1`.execute(db);
  const u = admin.rows[0]!;
  const actor: Actor = {
    userId: u.id,
    username: u.username,
    displayName: 'bench',
    role: 'national_admin',
    agencyId: u.agency_id,
    agencyName: u.name,
    agencyPath: u.path,
    personId: null,
  };
  setClock(COMPLETED_AT);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    for (const { id } of sessions) await closeSession(db, actor, id);
  } finally {
    setClock(null);
  }
  const used = process.cpuUsage(cpu);
  process.stderr.write(`  ${sessions.length} sessions closed: node CPU ${((used.user + used.system) / 1000).toFixed(0)} ms\n`);
  const ms = performance.now() - started;
  // The 6-month follow-up's results: the 2025 level, one level more for every other course.
  const { rows: cycle } = await sql<{ id: string }>`
    INSERT INTO assessment_cycles (agency_id, name, kind, year, scope, opens_on, closes_on, framework_version_id, weights, status)
    SELECT agency_id, 'Theo dõi sau đào tạo (bench)', 'ad_hoc', 2026, '{}'::jsonb, DATE '2026-09-06', DATE '2026-10-06', framework_version_id, weights, 'closed'
    FROM assessment_cycles WHERE year = 2025 ORDER BY opens_on LIMIT 1 RETURNING id`.execute(db);
  await sql`
    INSERT INTO assessment_results (cycle_id, person_id, competency_id, agency_id, position_id, role_category, assessed_level, required_level, criticality,
                                    spread, source_count, source_groups, version, consolidated_at)
    SELECT ${cycle[0]!.id}, r.person_id, r.competency_id, r.agency_id, r.position_id, r.role_category,
           LEAST(5, r.assessed_level + CASE WHEN right(co.code, 1)::int % 2 = 0 THEN 1 ELSE 0 END + ((hashtext(r.person_id::text) & 3) - 1.5) * 0.2),
           r.required_level, r.criticality, 0, 3, '[]'::jsonb, 1, now()
    FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id JOIN training_courses co ON co.id = s.course_id
    JOIN training_course_competencies cc ON cc.course_id = co.id
    JOIN assessment_results r ON r.person_id = e.person_id AND r.competency_id = cc.competency_id
    JOIN assessment_cycles c ON c.id = r.cycle_id AND c.year = 2025
    WHERE co.code LIKE 'EV-%' AND e.status = 'completed'
    ON CONFLICT DO NOTHING`.execute(db);
  // As consolidation's event would: the trainees' observations and cells.
  const { rows: trainees } = await sql<{ person_id: string }>`SELECT DISTINCT person_id FROM assessment_results WHERE cycle_id = ${cycle[0]!.id}`.execute(db);
  await db.transaction().execute((trx) =>
    refreshEffectObservations(
      trx,
      trainees.map((t) => t.person_id),
    ),
  );
  // The comparison group: everyone else's 2024 → 2025 change.
  const { rows: everyone } = await sql<{ id: string }>`SELECT DISTINCT person_id AS id FROM assessment_results`.execute(db);
  for (let i = 0; i < everyone.length; i += 5000)
    await db.transaction().execute((trx) =>
      refreshEffectObservations(
        trx,
        everyone.slice(i, i + 5000).map((p) => p.id),
      ),
    );
  await sql`ANALYZE`.execute(db);
  return ms;
}

/** Issue 16: the national effectiveness ranking, and the follow-ups of 10,000 completions. */
export const evaluationBenchmark: Benchmark = {
  name: 'evaluation',
  async run(context) {
    const data = await openBenchDataset(context);
    const db = data.db;
    try {
      const completionMs = await ensureTrainingYear(db);
      const { rows } = await sql<{ cells: number; observations: number; followups: number }>`
        SELECT (SELECT count(*) FROM evaluation_effect_cells)::int AS cells, (SELECT count(*) FROM evaluation_effect_observations)::int AS observations,
               (SELECT count(*) FROM evaluation_followups)::int AS followups`.execute(db);
      const size = `${data.label}; ${COURSES} courses, ${rows[0]!.followups.toLocaleString('en')} follow-ups, ${rows[0]!.cells.toLocaleString('en')} cells`;
      const national = { agencyPath: null, institutionId: null };
      const byCourse = await timeRuns(20, () => effectEstimates(db, national, 'course'));
      const byInstitution = await timeRuns(20, () => effectEstimates(db, national, 'institution'));
      const figure = (name: string, times: number[], target: string): BenchResult => ({
        name,
        engine: context.engine,
        dataSize: size,
        medianMs: percentile(times, 50),
        p95Ms: percentile(times, 95),
        target,
      });
      const results = [
        figure('national effectiveness ranking by course', byCourse, context.engine === 'postgres' ? '≤ 200 ms' : '≤ 500 ms'),
        figure('national effectiveness ranking by institution', byInstitution, context.engine === 'postgres' ? '≤ 200 ms' : '≤ 500 ms'),
      ];
      if (completionMs !== null)
        results.push({
          name: 'follow-ups for 10,000 completions (each session closed in one transaction: certificate rows, follow-ups, survey invitations, effectiveness cells)',
          engine: context.engine,
          dataSize: size,
          medianMs: completionMs,
          target: '≤ 30 s',
          note: 'measured once, when the training year is built',
        });
      return results;
    } finally {
      await data.close();
    }
  },
};
