/**
 * A proven bound and a near-best plan for big instances without a general LP
 * (issue 15: HiGHS's LP relaxation of 5,000 × 200 did not finish in 30 s
 * here). The limits that couple people — the total and unit budgets, each
 * session's seats, the classes to open (seats only when open, a minimum size)
 * — are priced by multipliers ≥ 0 and moved into the objective; what is left
 * splits into one small problem per person (person-knapsack.ts) and one
 * yes/no per class to open, each solved exactly. For any multipliers ≥ 0 the
 * value of that relaxation is an upper bound on every plan (weak duality), so
 * the lowest one seen is a proven bound. The multipliers move by projected
 * subgradient steps (Polyak's step towards the best plan's benefit, halved
 * when the bound stalls). Every few steps the priced seats are turned into a
 * feasible plan (lagrangian-plan.ts); the best one is kept.
 */
import { PlanImprover, pricedFill } from './lagrangian-plan.js';
import { PersonKnapsack } from './person-knapsack.js';
import type { PlanArrays } from './plan-arrays.js';
import { SeatState } from './seat-state.js';

interface LagrangianOptions {
  timeLimitMs: number;
  /** A feasible plan to start from (the greedy one): the first incumbent and the step's target. */
  start: readonly number[];
  /** At most this many steps (the tests: the same work whatever the machine's load). */
  maxSteps?: number;
  /** Stop once the plan is within this share of the bound (the average of the relaxed plans is then no longer improved). */
  relGap: number;
  onProgress?: (progress: { incumbent: number; bound: number; gap: number }) => void;
  signal?: AbortSignal;
}

interface LagrangianOutcome {
  /** The lowest Lagrangian value seen: no plan has more benefit (null when not one step was made). */
  bound: number | null;
  chosen: number[];
  benefit: number;
  iterations: number;
  /** The budget's multiplier at the best bound, in benefit per dong (what more budget would buy, at the margin). */
  budgetPrice: number;
  /** Every person's subproblem was solved to optimality (otherwise a relaxation's value was used: still a bound). */
  exact: boolean;
  stopped: 'gap' | 'time' | 'cancelled' | 'steps';
}

/** Work between two yields to the event loop: progress writes and cancel requests are answered meanwhile. */
const SLICE_MS = 40;
const MAX_STEPS = 5_000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function lagrangianSolve(a: PlanArrays, options: LagrangianOptions): Promise<LagrangianOutcome> {
  const started = performance.now();
  const n = a.benefit.length;
  const S = a.sessions;
  const U = a.unitLimit.length;
  // The money rows are counted in mean seat costs, so their multipliers move at the pace of the seat rows'.
  let scale = 0;
  for (let i = 0; i < n; i += 1) scale += a.cost[i]!;
  scale = scale > 0 ? scale / n : 1;

  // Which session rows can bind: a session on offer with fewer seats than candidates; every class to open with candidates.
  const seatRow = new Uint8Array(S);
  const minRow = new Uint8Array(S);
  for (let s = 0; s < S; s += 1) {
    if (a.demand[s] === 0) continue;
    if (a.isOpening[s]) {
      seatRow[s] = 1;
      if (a.minClass[s]! > 0) minRow[s] = 1;
    } else if (a.demand[s]! > a.seats[s]!) seatRow[s] = 1;
  }

  const first = new SeatState(a);
  for (const i of options.start) first.add(i);
  let bestBenefit = first.benefit;
  let bestChosen = [...options.start];

  // Start the budget's price where seats by benefit per dong, every limit but the budget forgotten, would spend
  // it: above the true price (forgotten limits leave more seats), so the first subproblems have few seats worth
  // taking and stay small; the steps bring it down.
  let lam = 0;
  {
    const ratio = new Float64Array(n);
    for (let i = 0; i < n; i += 1) ratio[i] = a.cost[i]! > 0 ? a.benefit[i]! / a.cost[i]! : 0;
    const order = Int32Array.from(ratio.keys()).sort((p, q) => ratio[q]! - ratio[p]!);
    let spent = 0;
    for (let k = 0; k < n && spent < a.budget; k += 1) {
      spent += a.cost[order[k]!]!;
      lam = ratio[order[k]!]! * scale;
    }
  }
  const mu = new Float64Array(U);
  const sig = new Float64Array(S);
  const rho = new Float64Array(S);
  const best = { value: Infinity, lam: 0, mu: new Float64Array(U), sig: new Float64Array(S), rho: new Float64Array(S) };

  const knapsack = new PersonKnapsack(a);
  const reduced = new Float64Array(n);
  const x = new Uint8Array(n);
  const y = new Uint8Array(S);
  const count = new Int32Array(S);
  const unitSpend = new Float64Array(U);
  const gSig = new Float64Array(S);
  const gRho = new Float64Array(S);
  const gMu = new Float64Array(U);

  let theta = 1;
  let stall = 0;
  let exact = true;
  let steps = 0;
  let stopped: LagrangianOutcome['stopped'] = 'steps';
  let sliceStart = performance.now();
  let heuristicMs = 0;
  let lastHeuristic = -Infinity;
  let nextPlanAt = 150;
  const elapsed = () => performance.now() - started;

  const gapNow = () => (best.value > 0 ? Math.max(0, (best.value - bestBenefit) / best.value) : 0);
  const improver = new PlanImprover(a);
  const xbar = new Float64Array(n);
  const tryPlan = (priced: { lam: number; mu: Float64Array; sig: Float64Array; rho: Float64Array }, averaged: Float64Array | null) => {
    const t0 = performance.now();
    const state = pricedFill(a, { ...priced, scale }, averaged);
    // A tenth of the time, at most 2 s of CPU or more for big instances: at 20,000 × 800 (2.1 M candidates) the
    // exchanges were measured to go on gaining for 5–19 s, at 5,000 × 200 to stop within 1 s.
    improver.improve(state, Math.min(Math.max(50, options.timeLimitMs / 10), Math.max(2_000, n / 200)));
    if (state.benefit > bestBenefit + 1e-9) {
      bestBenefit = state.benefit;
      bestChosen = state.seats();
    }
    heuristicMs = performance.now() - t0;
  };

  const maxSteps = options.maxSteps ?? MAX_STEPS;
  while (steps < maxSteps) {
    if (options.signal?.aborted) {
      stopped = 'cancelled';
      break;
    }
    if (steps > 0 && elapsed() > options.timeLimitMs) {
      stopped = 'time';
      break;
    }
    steps += 1;
    for (let i = 0; i < n; i += 1) {
      const s = a.session[i]!;
      const u = a.unit[i]!;
      reduced[i] = a.benefit[i]! - ((lam + (u >= 0 ? mu[u]! : 0)) * a.cost[i]!) / scale - sig[s]! + rho[s]!;
    }
    let value = (lam * a.budget) / scale;
    for (let u = 0; u < U; u += 1) value += (mu[u]! * a.unitLimit[u]!) / scale;
    for (let p = 0; p < a.people; p += 1) {
      const answer = knapsack.solve(p, reduced, x);
      value += answer.upper;
      if (!answer.exact) exact = false;
    }
    for (let s = 0; s < S; s += 1) {
      y[s] = 0;
      if (!seatRow[s]) continue;
      if (a.isOpening[s]) {
        const coef = sig[s]! * a.seats[s]! - rho[s]! * a.minClass[s]! - (lam * a.openCost[s]!) / scale;
        if (coef > 0) {
          y[s] = 1;
          value += coef;
        }
      } else value += sig[s]! * a.seats[s]!;
    }
    if (value < best.value) {
      best.value = value;
      best.lam = lam;
      best.mu.set(mu);
      best.sig.set(sig);
      best.rho.set(rho);
      stall = 0;
    } else if (++stall >= 12) {
      theta /= 2;
      stall = 0;
      // Far from progress: start again from the best multipliers with the smaller step.
      lam = best.lam;
      mu.set(best.mu);
      sig.set(best.sig);
      rho.set(best.rho);
    }

    // The subgradient: how far the relaxed plan x, y passes each priced limit.
    count.fill(0);
    unitSpend.fill(0);
    let spend = 0;
    for (let i = 0; i < n; i += 1)
      if (x[i]) {
        count[a.session[i]!]! += 1;
        spend += a.cost[i]!;
        if (a.unit[i]! >= 0) unitSpend[a.unit[i]!]! += a.cost[i]!;
      }
    for (let s = 0; s < S; s += 1) if (y[s]) spend += a.openCost[s]!;
    // The relaxed plans averaged, recent ones weighing most: an estimate of the relaxation's fractional optimum.
    const alpha = steps === 1 ? 1 : 0.1;
    for (let i = 0; i < n; i += 1) xbar[i] = (1 - alpha) * xbar[i]! + alpha * x[i]!;
    const gLam = (spend - a.budget) / scale;
    let norm = lam > 0 || gLam > 0 ? gLam * gLam : 0;
    for (let u = 0; u < U; u += 1) {
      gMu[u] = (unitSpend[u]! - a.unitLimit[u]!) / scale;
      if (mu[u]! > 0 || gMu[u]! > 0) norm += gMu[u]! * gMu[u]!;
    }
    for (let s = 0; s < S; s += 1) {
      gSig[s] = seatRow[s] ? count[s]! - a.seats[s]! * (a.isOpening[s] ? y[s]! : 1) : 0;
      gRho[s] = minRow[s] ? a.minClass[s]! * y[s]! - count[s]! : 0;
      if (sig[s]! > 0 || gSig[s]! > 0) norm += gSig[s]! * gSig[s]!;
      if (rho[s]! > 0 || gRho[s]! > 0) norm += gRho[s]! * gRho[s]!;
    }

    // A plan from the averaged relaxed plans once they have settled a little (step 150, or a third of the
    // time), then at steps growing by half (late averages were measured to repair worse than earlier ones, so
    // the best plan is kept), and in between when time allows: at most a fifth of it goes to plans. With a
    // number of steps set (the tests) only the steps decide, so the run is the same whatever the load.
    const byTime =
      options.maxSteps === undefined &&
      (lastHeuristic === -Infinity ? elapsed() > 0.35 * options.timeLimitMs : performance.now() - lastHeuristic > Math.max(4 * heuristicMs, 50));
    if (steps >= nextPlanAt || byTime) {
      tryPlan({ lam, mu, sig, rho }, xbar);
      lastHeuristic = performance.now();
      if (steps >= nextPlanAt) nextPlanAt = Math.ceil(steps * 1.5);
    }
    const gap = gapNow();
    options.onProgress?.({ incumbent: bestBenefit, bound: best.value, gap });
    if (gap <= options.relGap) {
      stopped = 'gap';
      break;
    }
    if (norm === 0) {
      // The relaxed plan keeps every priced limit: it is optimal for the relaxation and the bound cannot move.
      stopped = 'steps';
      break;
    }
    const step = (theta * Math.max(value - bestBenefit, 1e-9 * Math.max(1, value))) / norm;
    lam = Math.max(0, lam + step * gLam);
    for (let u = 0; u < U; u += 1) mu[u] = Math.max(0, mu[u]! + step * gMu[u]!);
    for (let s = 0; s < S; s += 1) {
      if (seatRow[s]) sig[s] = Math.max(0, sig[s]! + step * gSig[s]!);
      if (minRow[s]) rho[s] = Math.max(0, rho[s]! + step * gRho[s]!);
    }

    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
  // The best prices make the last plan.
  if (stopped !== 'cancelled' && stopped !== 'gap' && best.value < Infinity) tryPlan(best, xbar);
  return {
    bound: best.value === Infinity ? null : best.value,
    chosen: bestChosen.sort((p, q) => p - q),
    benefit: bestBenefit,
    iterations: steps,
    budgetPrice: best.lam / scale,
    exact,
    stopped,
  };
}
