/**
 * Why the plan is what it is (issue 15, item 3): per seat the gaps it closes
 * and its benefit per dong; per person left out the limit that kept their best
 * seat out; what more budget would buy (the LP relaxation's budget dual); and
 * the gap closed by competency group, unit and position. Pure.
 */
import { checkPlan, seatsOf, type LimitName } from './plan-check.js';
import { gapsClosed } from '../training/plans/recommend.js';
import { benefitPerDong, seatCost, type PlanInstance, type SeatReason } from './plan-instance.js';

export interface SeatExplanation {
  candidate: number;
  reasons: readonly SeatReason[];
  benefit: number;
  cost: number;
  /** Benefit per million dong (a per-dong figure is too small to read). */
  benefitPerMillion: number;
  mandatory: boolean;
}

export type LeftOutReason = Exclude<LimitName, 'duplicate_seat' | 'not_needed' | 'mandatory_missing'> | 'class_not_opened' | 'priority';

export interface LeftOut {
  person: number;
  /** The person's best seat by benefit, and the limit it would break. */
  bestCandidate: number;
  limit: LeftOutReason;
}

export interface GapClosedTotal {
  key: string;
  /** Levels of gap closed (unweighted) and the weighted benefit. */
  levels: number;
  benefit: number;
  seats: number;
}

export interface PlanExplanation {
  seats: SeatExplanation[];
  leftOut: LeftOut[];
  /** Benefit that 10,000,000 dong more would buy at the LP relaxation's margin (null when unknown). */
  benefitPer10Million: number | null;
  byGroup: GapClosedTotal[];
  byUnit: GapClosedTotal[];
  byPosition: GapClosedTotal[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Why candidate i is worth its seat: the gaps of the person its course closes, each with its weight and the
 * course's measured realisation. Computed here, for the seats explained, from the inputs the instance was
 * built from (its benefit is the sum of levels × criticality × weight, times the person's weight and the
 * realisation): keeping them for all 2.1 M candidates at 20,000 × 800 took most of 1.1 GB.
 */
export function seatReasons(instance: PlanInstance, i: number): SeatReason[] {
  const session = instance.sessions[instance.candidates.session[i]!]!;
  const realisation = session.realisation ?? 1;
  return gapsClosed(session, instance.gaps[instance.candidates.person[i]!]!).map((r) => ({
    ...r,
    weight: instance.competencyWeights?.[r.competency] ?? 1,
    realisation,
  }));
}

function addTo(totals: Map<string, GapClosedTotal>, key: string, levels: number, benefit: number, seat: boolean) {
  const t = totals.get(key) ?? { key, levels: 0, benefit: 0, seats: 0 };
  t.levels = round2(t.levels + levels);
  t.benefit = round2(t.benefit + benefit);
  if (seat) t.seats += 1;
  totals.set(key, t);
}

const sorted = (totals: Map<string, GapClosedTotal>) => [...totals.values()].sort((a, b) => b.benefit - a.benefit || (a.key < b.key ? -1 : 1));

export function explainPlan(
  instance: PlanInstance,
  chosen: readonly number[],
  options: { budgetShadowPrice: number | null; groupOf: (competency: string) => string },
): PlanExplanation {
  const { candidates, sessions, people } = instance;
  const reasonsOf = new Map(chosen.map((i) => [i, seatReasons(instance, i)]));
  const seats = chosen.map((i): SeatExplanation => ({
    candidate: i,
    reasons: reasonsOf.get(i)!,
    benefit: candidates.benefit[i]!,
    cost: sessions[candidates.session[i]!]!.costPerSeat,
    benefitPerMillion: round2(benefitPerDong(instance, i) * 1_000_000),
    mandatory: candidates.mandatory[i] === 1,
  }));

  // The plan's state, to ask of each left-out person's best seat which limit it would break.
  const check = checkPlan(instance, seatsOf(instance, chosen));
  const inPlan = new Set(chosen);
  const count = new Int32Array(sessions.length);
  const hours = new Float64Array(people.length);
  const unitSpend = new Map<string, number>();
  const personHas = new Uint8Array(people.length);
  for (const i of chosen) {
    const s = candidates.session[i]!;
    const p = candidates.person[i]!;
    count[s]! += 1;
    hours[p]! += sessions[s]!.hours;
    personHas[p] = 1;
    const unit = people[p]!.unitId;
    unitSpend.set(unit, (unitSpend.get(unit) ?? 0) + sessions[s]!.costPerSeat);
  }
  const budgetLeft = instance.budget - check.cost;
  const best = new Map<number, number>();
  for (let i = 0; i < candidates.length; i += 1) {
    const p = candidates.person[i]!;
    if (inPlan.has(i) || personHas[p]) continue;
    const current = best.get(p);
    if (current === undefined || candidates.benefit[i]! > candidates.benefit[current]!) best.set(p, i);
  }
  const leftOut: LeftOut[] = [...best].map(([person, i]) => {
    const si = candidates.session[i]!;
    const session = sessions[si]!;
    const unit = people[person]!.unitId;
    const unitLimit = instance.unitBudgets[unit];
    let limit: LeftOutReason = 'priority';
    if (count[si]! >= session.seats) limit = 'seats';
    else if (hours[person]! + session.hours > people[person]!.hoursLimit) limit = 'hours';
    else if (session.opening && count[si] === 0) limit = seatCost(session, false) > budgetLeft ? 'budget' : 'class_not_opened';
    else if (session.costPerSeat > budgetLeft) limit = 'budget';
    else if (unitLimit !== undefined && (unitSpend.get(unit) ?? 0) + session.costPerSeat > unitLimit) limit = 'unit_budget';
    return { person, bestCandidate: i, limit };
  });

  const byGroup = new Map<string, GapClosedTotal>();
  const byUnit = new Map<string, GapClosedTotal>();
  const byPosition = new Map<string, GapClosedTotal>();
  for (const i of chosen) {
    const person = people[candidates.person[i]!]!;
    const benefit = candidates.benefit[i]!;
    const reasons = reasonsOf.get(i)!;
    const levels = reasons.reduce((sum, r) => sum + r.levels, 0);
    addTo(byUnit, person.unitId, levels, benefit, true);
    addTo(byPosition, person.positionId ?? '', levels, benefit, true);
    const total = reasons.reduce((sum, r) => sum + r.levels * r.criticality * r.weight, 0);
    reasons.forEach((r, k) => {
      // The seat's benefit shared by the weight each competency brings to it.
      const share = total > 0 ? (r.levels * r.criticality * r.weight) / total : 0;
      addTo(byGroup, options.groupOf(r.competency), r.levels, benefit * share, k === 0);
    });
  }
  return {
    seats,
    leftOut,
    benefitPer10Million: options.budgetShadowPrice === null ? null : round2(options.budgetShadowPrice * 10_000_000),
    byGroup: sorted(byGroup),
    byUnit: sorted(byUnit),
    byPosition: sorted(byPosition),
  };
}
