/**
 * A solve of a plan as a job of the queue (issue 15, item 6): the run row
 * holds its progress (incumbent, bound, gap) for the page to poll and the
 * cancel request the page makes; a run interrupted by a restart is run again
 * by the queue from its inputs (the solve has no partial state worth keeping).
 */
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/engine.js';
import { conflict, notFound } from '../../platform/errors.js';
import { errorMessage, type ErrorCode } from '../../platform/i18n/error-messages.js';
import type { Language } from '../../platform/i18n/language.js';
import { jobQueueRunning, sendJob } from '../../platform/jobs/job-queue.js';
import { inputProblems, type InputProblem } from './input-check.js';
import { planContext, type PlanContext } from './plan-context.js';
import { solvePlan } from './solve-plan.js';
import { findPlan, insertVersion, versionSummary } from './planning.service.js';

export const SOLVE_JOB = 'planning.solve';
/** How often a running solve writes its progress and looks for a cancel request. */
const PROGRESS_EVERY_MS = 1_000;

const runColumns = [
  'id',
  'plan_id as planId',
  'status',
  'phase',
  'incumbent',
  'bound',
  'gap',
  'error',
  'version',
  'created_at as createdAt',
  'started_at as startedAt',
  'finished_at as finishedAt',
] as const;

export async function readRun(db: Db, actor: Actor, planId: string, runId: string, language: Language) {
  await findPlan(db, actor, planId);
  const run = await db.selectFrom('planning_runs').select(runColumns).where('id', '=', runId).where('plan_id', '=', planId).executeTakeFirst();
  if (!run) throw notFound({ runId });
  return { ...run, error: run.error ? { ...run.error, message: errorMessage(run.error.code as ErrorCode, language) } : null };
}

export async function startSolve(db: Db, actor: Actor, planId: string, timeLimitSeconds: number, language: Language) {
  const runId = await db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, actor, planId, true);
    if (plan.status !== 'draft') throw conflict('planning_plan_approved', { planId });
    const active = await trx
      .selectFrom('planning_runs')
      .select('id')
      .where('plan_id', '=', planId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (active) throw conflict('planning_run_active', { runId: active.id });
    const { id } = await trx
      .insertInto('planning_runs')
      .values({ plan_id: planId, agency_id: plan.agencyId, requested_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'solve',
      entity: 'planning_plan',
      entityId: planId,
      agencyPath: plan.agencyPath,
      after: { runId: id, timeLimitSeconds },
    });
    if (jobQueueRunning()) await sendJob(SOLVE_JOB, { runId: id, timeLimitSeconds }, { trx, singletonKey: id });
    return id;
  });
  // Where no queue runs (CLI, API tests) the solve runs here, as the job would.
  if (!jobQueueRunning()) await executeRun(db, { runId, timeLimitSeconds });
  return readRun(db, actor, planId, runId, language);
}

export async function cancelRun(db: Db, actor: Actor, planId: string, runId: string, language: Language) {
  await db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, actor, planId, true);
    const run = await trx.selectFrom('planning_runs').select(['id', 'status']).where('id', '=', runId).where('plan_id', '=', planId).executeTakeFirst();
    if (!run) throw notFound({ runId });
    if (run.status !== 'queued' && run.status !== 'running') throw conflict('planning_run_finished', { status: run.status });
    // A queued run is cancelled at once; a running one at its next progress write.
    await trx
      .updateTable('planning_runs')
      .set(run.status === 'queued' ? { cancel_requested: true, status: 'cancelled', finished_at: new Date() } : { cancel_requested: true })
      .where('id', '=', runId)
      .execute();
    await recordAudit(trx, actor, { action: 'cancel', entity: 'planning_run', entityId: runId, agencyPath: plan.agencyPath, before: { status: run.status } });
  });
  return readRun(db, actor, planId, runId, language);
}

/** An input problem as the error the page shows: the limit, by how much, and which person or session (by id). */
function problemError(context: PlanContext, problem: InputProblem) {
  const { code, ...rest } = problem;
  const details: Record<string, unknown> = { ...rest };
  if ('person' in rest) details.person = context.instance.people[rest.person]!.id;
  if ('session' in rest) details.session = context.instance.sessions[rest.session]!.id;
  if ('sessions' in rest) details.sessions = rest.sessions.map((s) => context.instance.sessions[s]!.id);
  return { code, details };
}

async function finishRun(
  db: Db,
  runId: string,
  values: { status: 'done' | 'failed' | 'cancelled'; error?: { code: string; details: Record<string, unknown> }; version?: number },
) {
  await db
    .updateTable('planning_runs')
    .set({ status: values.status, error: values.error ? JSON.stringify(values.error) : null, version: values.version ?? null, finished_at: new Date() })
    .where('id', '=', runId)
    .execute();
}

/** The job: solve, keep the version, say how it went. Bad input fails the run with a message, never the job. */
export async function executeRun(db: Db, data: { runId: string; timeLimitSeconds?: number }) {
  const run = await db.selectFrom('planning_runs').selectAll().where('id', '=', data.runId).executeTakeFirst();
  if (!run || run.status === 'done' || run.status === 'failed' || run.status === 'cancelled') return;
  if (run.cancel_requested) return finishRun(db, run.id, { status: 'cancelled' });
  await db.updateTable('planning_runs').set({ status: 'running', started_at: new Date(), phase: 'model' }).where('id', '=', run.id).execute();
  const plan = await db
    .selectFrom('planning_plans as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.budget', 'p.inputs', 'a.path as agencyPath'])
    .where('p.id', '=', run.plan_id)
    .executeTakeFirstOrThrow();
  const context = await planContext(db, { ...plan, budget: Number(plan.budget) });
  const problems = inputProblems(context.instance);
  if (problems.length > 0) return finishRun(db, run.id, { status: 'failed', error: problemError(context, problems[0]!) });

  const controller = new AbortController();
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const outcome = await solvePlan(context.instance, {
    timeLimitSeconds: data.timeLimitSeconds ?? 60,
    signal: controller.signal,
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = now;
      writing = writing.then(async () => {
        const row = await db
          .updateTable('planning_runs')
          .set({ phase: p.phase, incumbent: p.incumbent, bound: p.bound, gap: p.gap })
          .where('id', '=', run.id)
          .returning('cancel_requested')
          .executeTakeFirst();
        if (row?.cancel_requested) controller.abort();
      });
    },
  });
  await writing;
  const cancelled = (await db.selectFrom('planning_runs').select('cancel_requested').where('id', '=', run.id).executeTakeFirst())?.cancel_requested;
  if (cancelled || outcome.cancelled) return finishRun(db, run.id, { status: 'cancelled' });
  const version = await db.transaction().execute(async (trx) => {
    const v = await insertVersion(trx, plan, context, outcome.chosen, {
      source: 'solver',
      method: outcome.method,
      bound: outcome.bound,
      greedyBenefit: outcome.greedyBenefit,
      summary: versionSummary(context, outcome.chosen, outcome),
      createdBy: run.requested_by,
    });
    await trx
      .updateTable('planning_runs')
      .set({ status: 'done', phase: 'done', incumbent: outcome.benefit, bound: outcome.bound, gap: outcome.gap, version: v.number, finished_at: new Date() })
      .where('id', '=', run.id)
      .execute();
    await recordAudit(trx, null, {
      action: 'create',
      entity: 'planning_version',
      entityId: plan.id,
      agencyPath: plan.agencyPath,
      after: { ...v, runId: run.id, method: outcome.method, bound: outcome.bound, greedyBenefit: outcome.greedyBenefit },
    });
    return v;
  });
  return version;
}
