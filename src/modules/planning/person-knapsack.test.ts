import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedAgency } from './generated-agency.js';
import { planArrays, type PlanArrays } from './plan-arrays.js';
import { PersonKnapsack } from './person-knapsack.js';

/** Person p's best value by trying every subset of their candidates: hours, one seat per key, the mandatory seats in. */
function bruteForcePerson(a: PlanArrays, p: number, reduced: Float64Array): number {
  const items = Array.from(a.byPerson.subarray(a.personStart[p], a.personStart[p + 1]));
  let best = -Infinity;
  for (let set = 0; set < 1 << items.length; set += 1) {
    let hours = 0;
    let value = 0;
    let ok = true;
    const used = new Set<number>();
    items.forEach((i, k) => {
      const held = (set >> k) & 1;
      if (a.mandatory[i] && !held) ok = false;
      if (!held || !ok) return;
      hours += a.hours[i]!;
      value += reduced[i]!;
      for (let e = a.keyStart[i]!; e < a.keyStart[i + 1]!; e += 1) {
        if (used.has(a.keySlot[e]!)) ok = false;
        used.add(a.keySlot[e]!);
      }
    });
    if (ok && hours <= a.hoursLimit[p]! + 1e-6 && value > best) best = value;
  }
  return best;
}

describe("a person's part of the Lagrangian subproblem", () => {
  it('is solved exactly (brute force over the subsets of their seats), its choice worth what it says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(fc.double({ min: 0, max: 8, noNaN: true }), { minLength: 1, maxLength: 64 }),
        fc.nat(40),
        fc.constantFrom(16, 24, 40, 80),
        (seed, values, mandatoryEvery, hoursLimit) => {
          const instance = generatedAgency(12, 24, seed);
          const c = instance.candidates;
          const mandatory = Uint8Array.from(c.mandatory, (_, i) => (mandatoryEvery > 5 && i % mandatoryEvery === 0 ? 1 : 0));
          const a = planArrays({ ...instance, candidates: { ...c, mandatory } });
          // Tight hours, so that a seat of fewer hours is worth something.
          a.hoursLimit.fill(hoursLimit);
          // Values with ties and many equal hours: where an item may make another useless.
          const reduced = Float64Array.from(c.benefit, (b, i) => Math.round((b - values[i % values.length]!) * 2) / 2);
          const knapsack = new PersonKnapsack(a);
          const x = new Uint8Array(c.length);
          for (let p = 0; p < a.people; p += 1) {
            if (a.personStart[p + 1]! - a.personStart[p]! > 14) continue;
            const best = bruteForcePerson(a, p, reduced);
            if (best === -Infinity) continue;
            const answer = knapsack.solve(p, reduced, x);
            expect(answer.exact).toBe(true);
            expect(answer.upper).toBeCloseTo(best, 9);
            let chosen = 0;
            for (let k = a.personStart[p]!; k < a.personStart[p + 1]!; k += 1) if (x[a.byPerson[k]!]) chosen += reduced[a.byPerson[k]!]!;
            expect(chosen).toBeCloseTo(answer.value, 9);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
