import fs from 'node:fs';
import { sql } from 'kysely';
import { startServer } from '../src/server.js';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/sessions.js';
import { createAssessmentFixture } from '../test/assessment/fixtures.js';
import { createScratchDatabase, loadTest, type Benchmark } from './support.js';

const RATERS = 10;
const COMPETENCIES = 30;

/**
 * Issue 5: sustained rating-form submissions over HTTP on loopback. Each
 * request submits one full form (30 competencies) in one transaction; ten
 * expert accounts (one per connection) each hold a queue of forms to fill.
 * Then one consolidation of the whole cycle.
 */
export const assessmentBenchmark: Benchmark = {
  name: 'assessment',
  async run({ engine, serverUrl }) {
    const forms = engine === 'postgres' ? 6000 : 1500;
    const scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
    const scratchName = scratch ? new URL(scratch.url).pathname.slice(1) : undefined;
    const server = await startServer({ databaseUrl: scratch?.url, port: 0, seedDemo: true, webRoot: '/nonexistent' });
    try {
      const db = server.app.db;
      const fx = await createAssessmentFixture(db, { competencies: COMPETENCIES, code: 'BENCH' });
      const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'expert').executeTakeFirstOrThrow()).password_hash;
      const experts: Array<{ id: string; session: { token: string; csrfToken: string } }> = [];
      for (let i = 0; i < RATERS; i++) {
        const user = await db
          .insertInto('users')
          .values({ username: `bench.expert${i}`, display_name: `Chuyên gia ${i}`, password_hash: hash, role: 'expert', agency_id: fx.agencyIds['HVHC']! })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Sessions made directly: signing in would spend the run hashing passwords.
        experts.push({ id: user.id, session: await createSession(db, user.id) });
      }
      const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
      const adminSession = await createSession(db, admin.id);
      const cycle = await db
        .insertInto('assessment_cycles')
        .values({
          agency_id: fx.agencyIds['HN']!,
          name: 'Đợt đo hiệu năng',
          kind: 'ad_hoc',
          scope: JSON.stringify({ agencyIds: [], positionIds: [], personIds: [] }),
          opens_on: '2020-01-01',
          closes_on: '2100-01-01',
          framework_version_id: fx.versionId,
          weights: JSON.stringify({ self: 20, leader: 40, peer: 20, subordinate: 10, expert: 10, test: 10 }),
          min_peers: 3,
          anonymity_threshold: 3,
          gap_threshold: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const hnSnv = fx.agencyIds['HN-SNV']!;
      await sql`
        INSERT INTO people (staff_code, full_name, search_name, agency_id, role_category, position_id)
        SELECT 'BENCH-' || g, 'Cán bộ thử ' || g, 'can bo thu ' || g, ${hnSnv}, 'professional', ${fx.positionId} FROM generate_series(1, ${forms}) g`.execute(
        db,
      );
      await sql`
        INSERT INTO assessment_subjects (cycle_id, person_id, agency_id, position_id, competency_ids)
        SELECT ${cycle.id}, id, agency_id, position_id, ${JSON.stringify(fx.competencyIds)}::jsonb FROM people WHERE staff_code LIKE 'BENCH-%'`.execute(db);
      await sql`
        INSERT INTO assessment_assignments (cycle_id, subject_id, agency_id, source, rater_user_id)
        SELECT ${cycle.id}, p.id, p.agency_id, 'expert', (${experts.map((e) => e.id)}::uuid[])[1 + (substring(p.staff_code from 7)::int % ${RATERS})]
        FROM people p WHERE p.staff_code LIKE 'BENCH-%'`.execute(db);
      const assignments = await db.selectFrom('assessment_assignments').select(['id', 'rater_user_id']).where('cycle_id', '=', cycle.id).execute();
      const queue = assignments.map((a) => {
        const expert = experts.find((e) => e.id === a.rater_user_id)!;
        return {
          id: a.id,
          headers: { cookie: `${SESSION_COOKIE}=${expert.session.token}`, 'x-csrf-token': expert.session.csrfToken, 'content-type': 'application/json' },
        };
      });
      const body = JSON.stringify({
        ratings: fx.competencyIds.map((competencyId, i) => ({
          competencyId,
          level: 1 + (i % 5),
          comment: i % 3 === 0 ? 'Thực hiện tốt việc khai thác dữ liệu' : null,
        })),
      });
      let next = 0;
      // CPU per form as well as forms per second: on a shared machine the rate
      // moves with the neighbours' load, the CPU cost much less.
      const cpuBefore = process.cpuUsage();
      const pgBefore = postgresCpuMs(scratchName);
      const load = await loadTest({
        url: server.url,
        amount: queue.length,
        connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const item = queue[next++ % queue.length]!;
              return { ...request, path: `/api/assessments/forms/${item.id}/submit`, headers: item.headers, body };
            },
          },
        ],
      });
      const cpu = process.cpuUsage(cpuBefore);
      const nodeCpuPerForm = (cpu.user + cpu.system) / 1000 / queue.length;
      const pgCpuPerForm = engine === 'postgres' ? (postgresCpuMs(scratchName) - pgBefore) / queue.length : null;
      const submitted = await db
        .selectFrom('assessment_assignments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cycle_id', '=', cycle.id)
        .where('status', '=', 'submitted')
        .executeTakeFirstOrThrow();
      const ratings = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM assessment_ratings r JOIN assessment_assignments a ON a.id = r.assignment_id WHERE a.cycle_id = ${cycle.id}`.execute(
        db,
      );

      const started = performance.now();
      const consolidation = await fetch(`${server.url}/api/assessments/cycles/${cycle.id}/consolidate`, {
        method: 'POST',
        headers: { cookie: `${SESSION_COOKIE}=${adminSession.token}`, 'x-csrf-token': adminSession.csrfToken, 'content-type': 'application/json' },
        body: '{}',
      });
      const consolidateMs = performance.now() - started;
      const consolidated = (await consolidation.json()) as { people: number; results: number };
      return [
        {
          name: 'submit rating form, 30 competencies (POST, 10 connections)',
          engine,
          dataSize: `${forms} forms, ${COMPETENCIES} competencies each`,
          medianMs: load.p50,
          p99Ms: load.p99,
          throughputPerS: load.perSecond,
          target: engine === 'postgres' ? '≥ 500/s, p99 < 100 ms' : '≥ 100/s',
          note:
            `${submitted.n} forms / ${ratings.rows[0]!.n} ratings stored; ${load.errors} errors, ${load.non2xx} non-2xx; CPU per form: ` +
            `Node ${nodeCpuPerForm.toFixed(2)} ms${engine === 'pglite' ? ' (incl. PGlite thread and load generator)' : ' (incl. load generator)'}` +
            `${pgCpuPerForm === null ? '' : `, PostgreSQL ${pgCpuPerForm.toFixed(2)} ms`}; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
        },
        {
          name: 'consolidate the cycle (POST, one transaction)',
          engine,
          dataSize: `${consolidated.people} people × ${COMPETENCIES} competencies`,
          medianMs: consolidateMs,
          note: `${consolidated.results} results written; 1 run`,
        },
      ];
    } finally {
      await server.close();
      await scratch?.drop();
    }
  },
};

/**
 * CPU time (ms) of the local PostgreSQL backends serving `database`, from /proc
 * (other databases on the server belong to other work; the shared WAL writer
 * and checkpointer are left out too).
 */
function postgresCpuMs(database: string | undefined): number {
  if (!database) return 0;
  let ticks = 0;
  try {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name !== 'postgres' || !fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process ended while we read.
      }
    }
  } catch {
    return 0;
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}
