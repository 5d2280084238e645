// Random planning instances for the planning property tests (lagrangian.test.ts, planning-model.test.ts): the people
// and the exhaustive optimum they are checked against; each test draws its own sessions.
import fc from 'fast-check';
import { checkPlan, seatsOf } from '../../src/modules/planning/plan-check.js';
import type { PlanInstance, PlanPersonInput } from '../../src/modules/planning/plan-instance.js';

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
    const chosen = instance.candidates.flatMap((_, i) => ((mask >> i) & 1 ? [i] : []));
    const check = checkPlan(instance, seatsOf(instance, chosen));
    if (check.violations.length === 0 && check.benefit > best) best = check.benefit;
  }
  return best;
}
