/**
 * Choosing the plan (issue 15): the greedy baseline, then one of two engines,
 * each limit re-checked; the best feasible plan wins, so the result is never
 * below the greedy one, and the bound is reported whichever path produced it.
 * - Small instances (the commune's, the tests'): HiGHS, exact — the LP
 *   relaxation (its optimum a bound, its budget dual the shadow price, its
 *   rounding and repair a fallback plan), then the MIP.
 * - Big ones: Lagrangian relaxation (lagrangian.ts) — HiGHS's LP relaxation of
 *   5,000 × 200 did not finish in 30 s here, the Lagrangian bound and plan
 *   come within 1 % in seconds; its budget multiplier is the shadow price.
 */
import { lagrangianSolve } from './lagrangian.js';
import { undominatedCandidates, withCandidates } from './dominance.js';
import { planArrays, type PlanArrays } from './plan-arrays.js';
import { fillArrays } from './seat-state.js';
import { checkPlan, seatsOf } from './plan-check.js';
import { greedyOrder, greedyPlan, planBenefit, repairLpSolution } from './greedy.js';
import { runHighs, type HighsProgress } from './highs-runner.js';
import { matrixArrays, planMatrix } from './plan-matrix.js';
import type { PlanInstance } from './plan-instance.js';

export type SolveMethod = 'mip' | 'lp_repair' | 'lagrangian' | 'greedy';

/** Up to this many candidate seats HiGHS solves the plan exactly in seconds; past it the Lagrangian path runs. */
const HIGHS_MAX_CANDIDATES = 3_000;

export interface SolveOutcome {
  method: SolveMethod;
  chosen: number[];
  benefit: number;
  /** Proven upper bound on the benefit of any plan (the MIP's dual bound, the LP relaxation's or the Lagrangian's). */
  bound: number | null;
  /** (bound − benefit) / bound. */
  gap: number | null;
  greedyBenefit: number;
  /** The LP relaxation's optimum (a weaker bound than the MIP's; the shadow price belongs to it). */
  lpBound: number | null;
  lpRepairBenefit: number | null;
  mipBenefit: number | null;
  mipStatus: string | null;
  /** The Lagrangian path's bound, its plan's benefit and its subgradient steps (null when HiGHS ran). */
  lagrangianBound: number | null;
  lagrangianBenefit: number | null;
  lagrangianSteps: number | null;
  /** Benefit per dong of more budget: the LP relaxation's budget dual, or the Lagrangian budget multiplier. */
  budgetShadowPrice: number | null;
  cancelled: boolean;
  elapsedMs: number;
}

export interface SolveOptions {
  timeLimitSeconds?: number;
  relGap?: number;
  onProgress?: (progress: HighsProgress & { phase: 'lp' | 'mip' | 'lagrangian' }) => void;
  signal?: AbortSignal;
  /** Skip the MIP (the LP-and-repair path alone). */
  lpOnly?: boolean;
  /** Which engine: by default HiGHS for small instances, the Lagrangian path for big ones. */
  engine?: 'auto' | 'highs' | 'lagrangian';
}

/** A plan as the MIP's column vector: its seats, and the classes they open. */
function startVector(instance: PlanInstance, columns: number, openColumn: ReadonlyMap<number, number>, chosen: readonly number[]): Float64Array {
  const values = new Float64Array(columns);
  for (const i of chosen) {
    values[i] = 1;
    const y = openColumn.get(instance.candidates.session[i]!);
    if (y !== undefined) values[y] = 1;
  }
  return values;
}

const feasible = (instance: PlanInstance, chosen: number[]) => checkPlan(instance, seatsOf(instance, chosen)).violations.length === 0;

/** The same check with an index of the chosen seats only: the full index of 2.1 M candidates would take 250 MB. */
function feasibleSeats(instance: PlanInstance, chosen: readonly number[]): boolean {
  const index = new Map(chosen.map((i) => [`${instance.candidates.person[i]}:${instance.candidates.session[i]}`, i]));
  return checkPlan(instance, seatsOf(instance, chosen), index).violations.length === 0;
}

/** The greedy baseline on the whole instance (the typed-array fill past HiGHS's size, as the solve does). */
function greedyOf(instance: PlanInstance): number[] {
  return instance.candidates.length > HIGHS_MAX_CANDIDATES ? fillArrays(planArrays(instance), greedyOrder(instance)).seats() : greedyPlan(instance);
}

/**
 * The candidates no best plan needs are left out first (dominance.ts); the engines solve what is left, their
 * seats are mapped back, and the greedy baseline is the whole instance's, so the plan is still never below it.
 */
export async function solvePlan(instance: PlanInstance, options: SolveOptions = {}): Promise<SolveOutcome> {
  const started = performance.now();
  const kept = undominatedCandidates(instance);
  if (kept.length === instance.candidates.length) return solveAll(instance, options, started);
  const outcome = await solveAll(withCandidates(instance, kept), options, started);
  const chosen = outcome.chosen.map((k) => kept[k]!);
  const greedy = greedyOf(instance);
  const greedyBenefit = planBenefit(instance, greedy);
  const best = greedyBenefit > outcome.benefit ? { method: 'greedy' as const, chosen: greedy, benefit: greedyBenefit } : { chosen };
  const result = { ...outcome, ...best, greedyBenefit };
  const bound = result.bound === null ? null : Math.max(result.bound, result.benefit);
  return {
    ...result,
    bound,
    gap: bound === null ? null : bound > 0 ? Math.max(0, (bound - result.benefit) / bound) : 0,
    elapsedMs: performance.now() - started,
  };
}

async function solveAll(instance: PlanInstance, options: SolveOptions, started: number): Promise<SolveOutcome> {
  const timeLimit = options.timeLimitSeconds ?? 60;
  const engine = options.engine ?? 'auto';
  const lagrangian = engine === 'lagrangian' || (engine === 'auto' && instance.candidates.length > HIGHS_MAX_CANDIDATES);
  // The Lagrangian path works on typed arrays; its greedy fill on them is the same fill, without string keys (6.6 s → 1 s at 20,000 × 800, loaded).
  const arrays = lagrangian ? planArrays(instance) : null;
  const greedy = arrays ? fillArrays(arrays, greedyOrder(instance)).seats() : greedyPlan(instance);
  const greedyBenefit = planBenefit(instance, greedy);
  const base: SolveOutcome = {
    method: 'greedy',
    chosen: greedy,
    benefit: greedyBenefit,
    bound: null,
    gap: null,
    greedyBenefit,
    lpBound: null,
    lpRepairBenefit: null,
    mipBenefit: null,
    mipStatus: null,
    lagrangianBound: null,
    lagrangianBenefit: null,
    lagrangianSteps: null,
    budgetShadowPrice: null,
    cancelled: false,
    elapsedMs: 0,
  };
  if (instance.candidates.length === 0) return { ...base, bound: 0, gap: 0, elapsedMs: performance.now() - started };
  if (arrays) return solveByLagrangian(instance, arrays, base, started, timeLimit, options);
  const matrix = planMatrix(instance);
  let repaired: number[] | null = null;
  const run = await runHighs(matrixArrays(matrix), {
    mip: !options.lpOnly,
    candidateCount: instance.candidates.length,
    timeLimitSeconds: timeLimit,
    relGap: options.relGap ?? 0.01,
    onProgress: options.onProgress,
    signal: options.signal,
    startFrom: (relaxation) => {
      if (!relaxation.values) return null;
      repaired = repairLpSolution(instance, relaxation.values);
      const better = planBenefit(instance, repaired) >= greedyBenefit ? repaired : greedy;
      return startVector(instance, matrix.columnNames.length, matrix.openColumn, better);
    },
  });
  let best = base;
  const relaxation = run.lp;
  let bound: number | null = relaxation?.status === 'optimal' ? relaxation.objective : null;
  const budgetShadowPrice = relaxation?.status === 'optimal' ? Math.abs(relaxation.budgetDual ?? 0) : null;
  let lpRepairBenefit: number | null = null;
  if (relaxation?.values) {
    repaired ??= repairLpSolution(instance, relaxation.values);
    lpRepairBenefit = planBenefit(instance, repaired);
    if (lpRepairBenefit > best.benefit) best = { ...best, method: 'lp_repair', chosen: repaired, benefit: lpRepairBenefit };
  }
  let mipBenefit: number | null = null;
  const mip = run.mip;
  if (mip) {
    if (mip.bound !== null) bound = bound === null ? mip.bound : Math.min(bound, mip.bound);
    if (mip.chosen.length > 0 && feasible(instance, mip.chosen)) {
      mipBenefit = planBenefit(instance, mip.chosen);
      if (mipBenefit >= best.benefit) best = { ...best, method: 'mip', chosen: mip.chosen, benefit: mipBenefit };
    }
  }
  const mipStatus = mip?.status ?? null;
  // A bound below a plan we hold can only be rounding in the solver's tolerance.
  if (bound !== null) bound = Math.max(bound, best.benefit);
  return {
    ...best,
    bound,
    gap: bound ? Math.max(0, (bound - best.benefit) / bound) : bound === 0 ? 0 : null,
    lpBound: relaxation?.objective ?? null,
    lpRepairBenefit,
    mipBenefit,
    mipStatus,
    budgetShadowPrice,
    cancelled: options.signal?.aborted ?? false,
    elapsedMs: performance.now() - started,
  };
}

async function solveByLagrangian(
  instance: PlanInstance,
  arrays: PlanArrays,
  base: SolveOutcome,
  started: number,
  timeLimit: number,
  options: SolveOptions,
): Promise<SolveOutcome> {
  const run = await lagrangianSolve(arrays, {
    start: base.chosen,
    // The model and the greedy plan took part of the time already.
    timeLimitMs: Math.max(100, timeLimit * 1000 - (performance.now() - started)),
    relGap: options.relGap ?? 0.01,
    signal: options.signal,
    onProgress: (p) => options.onProgress?.({ phase: 'lagrangian', ...p }),
  });
  let best = base;
  const lagrangianBenefit = planBenefit(instance, run.chosen);
  if (lagrangianBenefit > best.benefit && feasibleSeats(instance, run.chosen))
    best = { ...best, method: 'lagrangian', chosen: run.chosen, benefit: lagrangianBenefit };
  // A bound below a plan we hold can only be the floating-point sum's rounding.
  const bound = run.bound === null ? null : Math.max(run.bound, best.benefit);
  return {
    ...best,
    bound,
    gap: bound === null ? null : bound > 0 ? Math.max(0, (bound - best.benefit) / bound) : 0,
    lagrangianBound: run.bound,
    lagrangianBenefit,
    lagrangianSteps: run.iterations,
    budgetShadowPrice: run.budgetPrice,
    cancelled: options.signal?.aborted ?? false,
    elapsedMs: performance.now() - started,
  };
}
