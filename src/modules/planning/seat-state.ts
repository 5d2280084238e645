/**
 * A plan being built seat by seat on the typed arrays (plan-arrays.ts), every
 * limit kept at each step: the Lagrangian heuristic's fill and its local
 * improvement (lagrangian-plan.ts). Same rules as greedy.ts's fill, without
 * its string keys, so a fill of 2.1 M candidates stays well under a second.
 */
import type { PlanArrays } from './plan-arrays.js';

const EPS = 1e-6;

export class SeatState {
  budgetLeft: number;
  readonly unitLeft: Float64Array;
  readonly seatsLeft: Int32Array;
  readonly count: Int32Array;
  readonly hoursLeft: Float64Array;
  readonly used: Uint8Array;
  readonly chosen: Uint8Array;
  benefit = 0;

  constructor(private readonly a: PlanArrays) {
    this.budgetLeft = a.budget;
    this.unitLeft = a.unitLimit.slice();
    this.seatsLeft = a.seats.slice();
    this.count = new Int32Array(a.sessions);
    this.hoursLeft = a.hoursLimit.slice();
    this.used = new Uint8Array(a.slotStart[a.people]!);
    this.chosen = new Uint8Array(a.benefit.length);
  }

  /** What adding seat i would cost: its seat, and the class's opening cost when it is the first trainee. */
  addCost(i: number): number {
    const s = this.a.session[i]!;
    return this.a.cost[i]! + (this.a.isOpening[s] && this.count[s] === 0 ? this.a.openCost[s]! : 0);
  }

  keysFree(i: number): boolean {
    const { keyStart, keySlot } = this.a;
    for (let k = keyStart[i]!; k < keyStart[i + 1]!; k += 1) if (this.used[keySlot[k]!]) return false;
    return true;
  }

  fits(i: number): boolean {
    const a = this.a;
    if (this.chosen[i] || this.seatsLeft[a.session[i]!]! <= 0) return false;
    if (this.hoursLeft[a.person[i]!]! + EPS < a.hours[i]!) return false;
    if (this.addCost(i) > this.budgetLeft + EPS) return false;
    const u = a.unit[i]!;
    if (u >= 0 && a.cost[i]! > this.unitLeft[u]! + EPS) return false;
    return this.keysFree(i);
  }

  add(i: number): void {
    const a = this.a;
    const s = a.session[i]!;
    this.budgetLeft -= this.addCost(i);
    this.count[s]! += 1;
    this.seatsLeft[s]! -= 1;
    this.hoursLeft[a.person[i]!]! -= a.hours[i]!;
    const u = a.unit[i]!;
    if (u >= 0) this.unitLeft[u]! -= a.cost[i]!;
    for (let k = a.keyStart[i]!; k < a.keyStart[i + 1]!; k += 1) this.used[a.keySlot[k]!] = 1;
    this.chosen[i] = 1;
    this.benefit += a.benefit[i]!;
  }

  remove(i: number): void {
    const a = this.a;
    const s = a.session[i]!;
    this.count[s]! -= 1;
    this.budgetLeft += a.cost[i]! + (a.isOpening[s] && this.count[s] === 0 ? a.openCost[s]! : 0);
    this.seatsLeft[s]! += 1;
    this.hoursLeft[a.person[i]!]! += a.hours[i]!;
    const u = a.unit[i]!;
    if (u >= 0) this.unitLeft[u]! += a.cost[i]!;
    for (let k = a.keyStart[i]!; k < a.keyStart[i + 1]!; k += 1) this.used[a.keySlot[k]!] = 0;
    this.chosen[i] = 0;
    this.benefit -= a.benefit[i]!;
  }

  /** A class to open holding fewer trainees than its minimum. */
  short(s: number): boolean {
    return this.a.isOpening[s] === 1 && this.count[s]! > 0 && this.count[s]! < this.a.minClass[s]!;
  }

  seats(): number[] {
    const out: number[] = [];
    this.chosen.forEach((v, i) => v && out.push(i));
    return out;
  }
}

/**
 * Mandatory seats first, then each candidate of `order` that fits; a class to
 * open left below its minimum size (with no mandatory seat) is closed and the
 * fill run again without it, as greedy.ts's fill does.
 */
export function fillArrays(a: PlanArrays, order: ArrayLike<number>, closed = new Uint8Array(a.sessions)): SeatState {
  const held = new Uint8Array(a.sessions);
  for (let i = 0; i < a.benefit.length; i += 1) if (a.mandatory[i]) held[a.session[i]!] = 1;
  for (;;) {
    const state = new SeatState(a);
    for (let i = 0; i < a.benefit.length; i += 1) if (a.mandatory[i]) state.add(i);
    for (let k = 0; k < order.length; k += 1) {
      const i = order[k]!;
      if (!closed[a.session[i]!] && state.fits(i)) state.add(i);
    }
    let again = false;
    for (let s = 0; s < a.sessions; s += 1)
      if (state.short(s) && !closed[s] && !held[s]) {
        closed[s] = 1;
        again = true;
      }
    if (!again) return state;
  }
}
