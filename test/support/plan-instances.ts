// Random planning instances for the planning property tests (lagrangian.test.ts, planning-model.test.ts): the people
// and the exhaustive optimum they are checked against; each test draws its own sessions.
import fc from 'fast-check';
import { checkPlan, seatsOf } from '../../src/modules/planning/plan-check.js';
import { seatReasons } from '../../src/modules/planning/explain.js';
import { seatCandidate, type PlanInstance, type PlanPersonInput, type SeatCandidate, type SeatReason } from '../../src/modules/planning/plan-instance.js';

export const competency = fc.constantFrom('K0', 'K1', 'K2', 'K3');

export const personArb = (i: number) =>
  fc
    .record({
      unit: fc.constantFrom('U0', 'U1'),
      hoursLimit: fc.integer({ min: 8, max: 48 }),
      weight: fc.constantFrom(1, 1.5),
      standings: fc.uniqueArray(
        fc.record({ competency, assessed: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 2 }), criticality: fc.integer({ min: 1, max: 3 }) }),
        { selector: (s) => s.competency, maxLength: 4 },
      ),
    })
    .map((p): PlanPersonInput => ({
      id: `P${i}`,
      unitId: p.unit,
      positionId: null,
      hoursLimit: p.hoursLimit,
      weight: p.weight,
      standings: p.standings.map((s) => ({
        competency: s.competency,
        assessedLevel: s.assessed,
        requiredLevel: s.assessed + s.extra,
        criticality: s.criticality,
      })),
    }));

/** The best plan by trying every subset of the candidate seats (none may be feasible when a seat is mandatory: -Infinity). */
export function bruteForce(instance: PlanInstance): number {
  const n = instance.candidates.length;
  let best = -Infinity;
  for (let mask = 0; mask < 1 << n; mask += 1) {
    const chosen = candidateIndices(instance).filter((i) => (mask >> i) & 1);
    const check = checkPlan(instance, seatsOf(instance, chosen));
    if (check.violations.length === 0 && check.benefit > best) best = check.benefit;
  }
  return best;
}

/** 0 … candidates − 1. */
export const candidateIndices = (instance: PlanInstance): number[] => Array.from({ length: instance.candidates.length }, (_, i) => i);

/** The candidate seats as objects with their reasons, as the tests read them (the instance keeps columns). */
export const candidateObjects = (instance: PlanInstance): Array<SeatCandidate & { reasons: SeatReason[] }> =>
  candidateIndices(instance).map((i) => ({ ...seatCandidate(instance, i), reasons: seatReasons(instance, i) }));
