/**
 * Filling a plan seat by seat in a given order, keeping every limit: the
 * greedy baseline (order: benefit per dong) and the repair of a rounded LP
 * relaxation (order: the LP's values) are the same fill with another order.
 */
import { benefitPerDong, candidateKeys, seatCost, type PlanInstance } from './plan-instance.js';

const EPS = 1e-6;

class FillState {
  budgetLeft: number;
  unitLeft: Map<string, number>;
  seatsLeft: Int32Array;
  hoursLeft: Float64Array;
  count: Int32Array;
  competencyTaken = new Set<string>();
  chosen = new Set<number>();

  constructor(private readonly instance: PlanInstance) {
    this.budgetLeft = instance.budget;
    this.unitLeft = new Map(Object.entries(instance.unitBudgets));
    this.seatsLeft = Int32Array.from(instance.sessions, (s) => s.seats);
    this.hoursLeft = Float64Array.from(instance.people, (p) => p.hoursLimit);
    this.count = new Int32Array(instance.sessions.length);
  }

  fits(i: number): boolean {
    const c = this.candidate(i);
    const session = this.instance.sessions[c.session]!;
    const person = this.instance.people[c.person]!;
    if (this.chosen.has(i) || this.seatsLeft[c.session]! <= 0) return false;
    if (this.hoursLeft[c.person]! + EPS < session.hours) return false;
    if (seatCost(session, this.count[c.session]! > 0) > this.budgetLeft + EPS) return false;
    const unit = this.unitLeft.get(person.unitId);
    if (unit !== undefined && session.costPerSeat > unit + EPS) return false;
    return c.keys.every((k) => !this.competencyTaken.has(`${c.person}:${k}`));
  }

  /** The fill runs on small instances (HiGHS's); the big path fills on typed arrays (seat-state.ts). */
  private candidate(i: number) {
    const { person, session } = this.instance.candidates;
    return { person: person[i]!, session: session[i]!, keys: candidateKeys(this.instance, i) };
  }

  add(i: number, delta = 1): void {
    const c = this.candidate(i);
    const session = this.instance.sessions[c.session]!;
    const person = this.instance.people[c.person]!;
    if (delta < 0) this.count[c.session]! -= 1;
    const cost = seatCost(session, this.count[c.session]! > 0) * delta;
    if (delta > 0) this.count[c.session]! += 1;
    this.budgetLeft -= cost;
    this.seatsLeft[c.session]! -= delta;
    this.hoursLeft[c.person]! -= session.hours * delta;
    const unit = this.unitLeft.get(person.unitId);
    if (unit !== undefined) this.unitLeft.set(person.unitId, unit - session.costPerSeat * delta);
    for (const k of c.keys) {
      if (delta > 0) this.competencyTaken.add(`${c.person}:${k}`);
      else this.competencyTaken.delete(`${c.person}:${k}`);
    }
    if (delta > 0) this.chosen.add(i);
    else this.chosen.delete(i);
  }
}

/**
 * Mandatory seats first (their feasibility is checked before solving), then
 * each candidate in `order` that still fits. A class to open that stays below
 * its minimum size is dropped and the money it held refilled in a second pass.
 */
export function fillInOrder(instance: PlanInstance, order: ArrayLike<number> & Iterable<number>): number[] {
  const dropped = new Set<number>();
  for (;;) {
    const state = new FillState(instance);
    const { session, mandatory } = instance.candidates;
    for (let i = 0; i < instance.candidates.length; i += 1) if (mandatory[i]) state.add(i);
    for (const i of order) if (!dropped.has(session[i]!) && state.fits(i)) state.add(i);
    const short = instance.sessions.flatMap((s, si) =>
      s.opening && state.count[si]! > 0 && state.count[si]! < s.opening.minClass && !dropped.has(si) ? [si] : [],
    );
    const held = new Set<number>();
    for (let i = 0; i < instance.candidates.length; i += 1) if (mandatory[i]) held.add(session[i]!);
    const droppable = short.filter((si) => !held.has(si));
    if (droppable.length === 0) return [...state.chosen].sort((a, b) => a - b);
    for (const si of droppable) dropped.add(si);
  }
}

/** The greedy baseline: best benefit per dong first (ties: larger benefit, then input order). */
export function greedyOrder(instance: PlanInstance): Int32Array {
  const n = instance.candidates.length;
  const { benefit } = instance.candidates;
  const ratio = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    ratio[i] = benefitPerDong(instance, i);
    order[i] = i;
  }
  return order.sort((a, b) => ratio[b]! - ratio[a]! || benefit[b]! - benefit[a]! || a - b);
}

export const greedyPlan = (instance: PlanInstance): number[] => fillInOrder(instance, greedyOrder(instance));

/** Repair of an LP relaxation: seats by their LP value (1 first), ties by benefit per dong; then what still fits. */
export function repairLpSolution(instance: PlanInstance, lpValues: ArrayLike<number>): number[] {
  const greedy = greedyOrder(instance);
  const rank = new Int32Array(instance.candidates.length);
  greedy.forEach((i, r) => (rank[i] = r));
  const order = Array.from(greedy).sort((a, b) => (lpValues[b] ?? 0) - (lpValues[a] ?? 0) || rank[a]! - rank[b]!);
  return fillInOrder(instance, order);
}

export const planBenefit = (instance: PlanInstance, chosen: Iterable<number>): number => {
  let sum = 0;
  for (const i of chosen) sum += instance.candidates.benefit[i]!;
  return Math.round(sum * 10_000) / 10_000;
};
