import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCycle } from '../../src/modules/assessment/cycles.service.js';
import { planningJobs } from '../../src/modules/planning/planning.jobs.js';
import { planInputs } from '../../src/modules/planning/planning.schema.js';
import { SOLVE_JOB, startSolve } from '../../src/modules/planning/planning.solve.js';
import { startJobQueue, type AnyJobDefinition, type JobQueue } from '../../src/platform/jobs/job-queue.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { consolidatedCycle, world } from '../support/factories.js';
import { day } from '../support/waits.js';
import { course, institution, session } from '../training/plans-fixtures.js';

/**
 * Issue 15, item 6: a solve is a job of the queue, so a restart does not lose it. The first queue stands for
 * a server that stops (pending job) or dies in the middle of the solve (active job: its handler never
 * returns, its heartbeat stops); a second queue on the same database, with the module's real job, finishes it.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let sessionId: string;
const silent = { warn: () => undefined, error: () => undefined };
const queues: JobQueue[] = [];
// Short enough for a test; the module's own heartbeat is 30 s (planning.jobs.ts).
const solveJob: AnyJobDefinition = { ...planningJobs.find((d) => d.name === SOLVE_JOB)!, heartbeatSeconds: 10, retryDelay: 1 };

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await world(t, { people: 3, competencies: 2 });
  const cycle = await consolidatedCycle(t, { hr: w.hr, framework: w.framework, personIds: w.staff.map((s) => s.id), levels: () => 1 });
  await updateCycle(t.db, w.hr.actor, cycle.id, { status: 'closed' });
  const courseId = await course(t.db, {
    institutionId: await institution(t.db, w.root),
    versionId: w.framework.versionId,
    code: `RS-${crypto.randomUUID().slice(0, 4)}`,
    competencies: [[w.framework.competencyIds[0]!, 1, 3]],
  });
  sessionId = await session(t.db, {
    courseId,
    code: `RS-${crypto.randomUUID().slice(0, 4)}`,
    startsOn: day(20),
    endsOn: day(22),
    opensOn: day(-1),
    closesOn: day(10),
    seats: 10,
  });
});
afterAll(async () => {
  for (const queue of queues.splice(0)) await queue.stop(1000).catch(() => undefined);
  await t?.close();
});

async function queue(definitions: AnyJobDefinition[]) {
  const q = await startJobQueue({
    db: t.database.db,
    pool: t.database.pool,
    engine: t.database.engine,
    definitions,
    log: silent,
    pollingIntervalSeconds: 0.5,
    superviseIntervalSeconds: 1,
  });
  queues.push(q);
  return q;
}

async function stop(q: JobQueue, timeoutMs: number) {
  queues.splice(queues.indexOf(q), 1);
  await q.stop(timeoutMs);
}

async function newPlan() {
  const { id } = await t.db
    .insertInto('planning_plans')
    .values({
      agency_id: w.dept.id,
      year: 2026,
      name: 'Kế hoạch khởi động lại',
      budget: 10_000_000,
      inputs: JSON.stringify(planInputs.parse({ sessionIds: [sessionId] })),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function runOf(runId: string) {
  return t.db.selectFrom('planning_runs').select(['status', 'version']).where('id', '=', runId).executeTakeFirstOrThrow();
}

async function until(condition: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) {
      const { rows } = await sql`SELECT name, state, retry_count, output FROM pgboss.job WHERE name = ${SOLVE_JOB}`.execute(t.db);
      throw new Error(`timed out waiting: ${JSON.stringify(rows)} ${JSON.stringify(await t.db.selectFrom('planning_runs').selectAll().execute())}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a solve across a restart', () => {
  it('pending when the queue stops: the next queue solves it', async () => {
    const first = await queue([{ ...solveJob, handler: () => Promise.reject(new Error('this server stopped before it ran the job')) }]);
    const planId = await newPlan();
    const { id: runId } = await t.db.insertInto('planning_runs').values({ plan_id: planId, agency_id: w.dept.id }).returning('id').executeTakeFirstOrThrow();
    await first.send(SOLVE_JOB, { runId, timeLimitSeconds: 10 }, { startAfter: 3 });
    await stop(first, 1000);
    expect(await runOf(runId)).toMatchObject({ status: 'queued' });

    const second = await queue([solveJob]);
    await until(async () => (await runOf(runId)).status === 'done', 30_000);
    expect(await runOf(runId)).toMatchObject({ status: 'done', version: 1 });
    await stop(second, 2000);
  }, 90_000);

  it('active when its server dies: the next queue notices the lost heartbeat and solves it again', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = await queue([
      {
        ...solveJob,
        // The solve began (the run says running), then the process died: the handler never returns.
        handler: async (db, data: { runId: string }) => {
          await db.updateTable('planning_runs').set({ status: 'running', started_at: new Date(), phase: 'model' }).where('id', '=', data.runId).execute();
          started();
          await new Promise(() => undefined);
        },
      },
    ]);
    const planId = await newPlan();
    // Through the service, as the page starts it: the job is sent in the run's transaction.
    const run = await startSolve(t.db, w.hr.actor, planId, 10, 'vi');
    await running;
    expect(await runOf(run.id)).toMatchObject({ status: 'running' });
    await stop(first, 500);

    const second = await queue([solveJob]);
    await until(async () => (await runOf(run.id)).status === 'done', 80_000);
    expect(await runOf(run.id)).toMatchObject({ status: 'done', version: 1 });
    const versions = await t.db.selectFrom('planning_versions').select('number').where('plan_id', '=', planId).execute();
    expect(versions).toHaveLength(1);
    await stop(second, 2000);
  }, 120_000);
});
