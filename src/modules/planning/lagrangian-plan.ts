/**
 * The Lagrangian heuristic's primal side (lagrangian.ts). The seats of the
 * relaxed plans, averaged over the steps (as the volume algorithm does), go
 * first — most often chosen first — then every other seat by its benefit net
 * of the seat and unit prices per dong; the fill keeps every limit
 * (seat-state.ts). Then local improvement: a person's seat exchanged for a
 * better one of theirs, a full session's weakest trainee for a stronger one, a
 * seat for one of more benefit elsewhere that the money it frees pays for,
 * and what money is left filled.
 */
import type { PlanArrays } from './plan-arrays.js';
import { fillArrays, type SeatState } from './seat-state.js';

interface Prices {
  lam: number;
  mu: Float64Array;
  sig: Float64Array;
  rho: Float64Array;
  /** The money rows' scale (lagrangian.ts): multipliers are per `scale` dong. */
  scale: number;
}

const EPS = 1e-9;

/**
 * The process's CPU time in ms: the improvement's budget is counted in it, not in elapsed time, so that a
 * loaded machine (a tenth of a core at load 20) does not starve the plan of the work an idle one gives it.
 */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Candidate indices sorted by a key, largest first (ties: larger benefit, then index). */
function sortedBy(a: PlanArrays, key: Float64Array): Int32Array {
  const order = new Int32Array(key.length);
  for (let i = 0; i < key.length; i += 1) order[i] = i;
  return order.sort((p, q) => key[q]! - key[p]! || a.benefit[q]! - a.benefit[p]! || p - q);
}

/** Fill by the averaged relaxed plans `xbar` first, then by reduced benefit per dong. */
export function pricedFill(a: PlanArrays, prices: Prices, xbar: Float64Array | null): SeatState {
  const n = a.benefit.length;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const s = a.session[i]!;
    const u = a.unit[i]!;
    const net = a.benefit[i]! - prices.sig[s]! + prices.rho[s]! - (u >= 0 ? (prices.mu[u]! * a.cost[i]!) / prices.scale : 0);
    const cost = a.cost[i]! + (a.isOpening[s] ? a.openCost[s]! / Math.max(1, a.minClass[s]!) : 0);
    // The ratio squeezed into (−1, 1) so that the averaged plan's share (0 … 1, in steps of 1/64) orders first.
    const ratio = cost > 0 ? net / cost : net * 1e12;
    key[i] = (xbar ? Math.round(xbar[i]! * 64) * 4 : 0) + Math.atan(ratio * prices.scale) / Math.PI;
  }
  return fillArrays(a, sortedBy(a, key));
}

/** May seat i leave without leaving its class to open below the minimum? */
const mayLeave = (a: PlanArrays, state: SeatState, i: number) => {
  const s = a.session[i]!;
  return !a.mandatory[i] && !(a.isOpening[s] && state.count[s]! - 1 > 0 && state.count[s]! - 1 < a.minClass[s]!);
};

/** May seat j join without opening a class below its minimum size? */
const mayJoin = (a: PlanArrays, state: SeatState, j: number) => {
  const s = a.session[j]!;
  return !a.isOpening[s] || state.count[s]! > 0 || a.minClass[s]! <= 1;
};

/** Does seat j fit the person's own limits (hours, keys, unit budget), whatever the session and the total budget say? */
const personFits = (a: PlanArrays, state: SeatState, j: number) => {
  const u = a.unit[j]!;
  return state.hoursLeft[a.person[j]!]! + 1e-6 >= a.hours[j]! && (u < 0 || a.cost[j]! <= state.unitLeft[u]! + 1e-6) && state.keysFree(j);
};

export class PlanImprover {
  private readonly byBenefit: Int32Array;
  /** By benefit per dong of the seat (its class's opening cost aside), most first. */
  private readonly byRatio: Int32Array;

  constructor(private readonly a: PlanArrays) {
    this.byBenefit = sortedBy(a, a.benefit);
    this.byRatio = sortedBy(
      a,
      a.benefit.map((b, i) => b / Math.max(1, a.cost[i]!)),
    );
  }

  private trySwap(state: SeatState, i: number, j: number): boolean {
    state.remove(i);
    if (mayJoin(this.a, state, j) && state.fits(j)) {
      state.add(j);
      return true;
    }
    state.add(i);
    return false;
  }

  private withinPeople(state: SeatState): boolean {
    const a = this.a;
    let improved = false;
    for (let p = 0; p < a.people; p += 1) {
      const from = a.personStart[p]!;
      const to = a.personStart[p + 1]!;
      for (let k = from; k < to; k += 1) {
        const i = a.byPerson[k]!;
        if (!state.chosen[i] || !mayLeave(a, state, i)) continue;
        for (let l = from; l < to; l += 1) {
          const j = a.byPerson[l]!;
          if (!state.chosen[j] && a.benefit[j]! > a.benefit[i]! + EPS && this.trySwap(state, i, j)) {
            improved = true;
            break;
          }
        }
      }
    }
    return improved;
  }

  /** Unchosen seats that fit their person, most benefit first: into a full session, or paid by a weaker seat's money. */
  private across(state: SeatState, deadline: number): boolean {
    const a = this.a;
    let improved = false;
    // The chosen seats by benefit, least first; per session too.
    const chosen: number[] = [];
    for (let k = this.byBenefit.length - 1; k >= 0; k -= 1) if (state.chosen[this.byBenefit[k]!]) chosen.push(this.byBenefit[k]!);
    for (let k = 0; k < this.byBenefit.length; k += 1) {
      if ((k & 255) === 0 && cpuNow() > deadline) break;
      const j = this.byBenefit[k]!;
      if (state.chosen[j] || !mayJoin(a, state, j) || !personFits(a, state, j)) continue;
      if (state.fits(j)) {
        state.add(j);
        improved = true;
        continue;
      }
      const s = a.session[j]!;
      const full = state.seatsLeft[s]! <= 0;
      const need = state.addCost(j) - state.budgetLeft;
      for (let c = 0; c < chosen.length; c += 1) {
        const i = chosen[c]!;
        if (a.benefit[i]! >= a.benefit[j]! - EPS) break;
        if (!state.chosen[i] || !mayLeave(a, state, i)) continue;
        if (full && a.session[i] !== s) continue;
        if (need > 1e-6 && a.cost[i]! + 1e-6 < need) continue;
        if (this.trySwap(state, i, j)) {
          chosen[c] = j;
          improved = true;
          break;
        }
      }
    }
    return improved;
  }

  /**
   * One seat's money for several: while the budget binds (issue 15: at 20,000 × 800 the plans stayed 1.4 %
   * below the bound with only one-for-one exchanges), a chosen seat of little benefit per dong is taken out and
   * the money it frees filled with seats of more benefit per dong that only the budget kept out; kept when the
   * plan gains, undone otherwise. Those seats are listed once (most benefit per dong first), and each removal
   * looks at the first few of them only.
   */
  private moneyForSeats(state: SeatState, deadline: number): boolean {
    const a = this.a;
    const ratio = (i: number) => a.benefit[i]! / Math.max(1, a.cost[i]!);
    const waiting: number[] = [];
    for (let k = 0; k < this.byRatio.length; k += 1) {
      const j = this.byRatio[k]!;
      if (!state.chosen[j] && state.seatsLeft[a.session[j]!]! > 0 && mayJoin(a, state, j) && personFits(a, state, j)) waiting.push(j);
    }
    const chosen: number[] = [];
    for (let k = this.byRatio.length - 1; k >= 0; k -= 1) if (state.chosen[this.byRatio[k]!]) chosen.push(this.byRatio[k]!);
    let improved = false;
    const added: number[] = [];
    for (let c = 0; c < chosen.length; c += 1) {
      if ((c & 63) === 0 && cpuNow() > deadline) break;
      const i = chosen[c]!;
      if (!state.chosen[i] || !mayLeave(a, state, i)) continue;
      const before = state.benefit;
      const floor = ratio(i);
      state.remove(i);
      added.length = 0;
      for (let w = 0, looked = 0; w < waiting.length && looked < 400; w += 1) {
        const j = waiting[w]!;
        if (ratio(j) <= floor) break;
        if (state.chosen[j] || j === i) continue;
        looked += 1;
        if (state.addCost(j) <= state.budgetLeft + 1e-6 && mayJoin(a, state, j) && state.fits(j)) {
          state.add(j);
          added.push(j);
        }
      }
      if (state.benefit > before + EPS) improved = true;
      else {
        for (const j of added) state.remove(j);
        state.add(i);
      }
    }
    return improved;
  }

  /** Local improvement until nothing changes or `budgetMs` of CPU time are spent. */
  improve(state: SeatState, budgetMs: number): void {
    const deadline = cpuNow() + budgetMs;
    for (let round = 0; round < 6 && cpuNow() < deadline; round += 1) {
      let improved = this.withinPeople(state);
      improved = this.across(state, deadline) || improved;
      improved = this.moneyForSeats(state, deadline) || improved;
      if (!improved) break;
    }
  }
}
