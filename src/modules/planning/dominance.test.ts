import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce, competency, personArb } from '../../../test/support/plan-instances.js';
import { undominatedCandidates, withCandidates } from './dominance.js';
import { buildPlanInstance, type PlanPersonInput, type PlanSession } from './plan-instance.js';

// Sessions in pairs teaching the same competencies (as dominance needs), at their own cost, hours, levels and
// seats; room as often as not (the rule needs a session that cannot fill up), a few classes to open and clashes.
const variantArb = fc.record({
  up: fc.integer({ min: 1, max: 2 }),
  cost: fc.integer({ min: 1, max: 3 }),
  hours: fc.constantFrom(8, 16),
  seats: fc.integer({ min: 1, max: 6 }),
  opening: fc.option(fc.record({ cost: fc.integer({ min: 1, max: 4 }), minClass: fc.integer({ min: 1, max: 2 }) }), { freq: 6 }),
  clash: fc.option(fc.constantFrom('@a', '@b'), { freq: 5 }),
});
const sessionPairArb = (j: number) =>
  fc
    .record({ competencies: fc.uniqueArray(competency, { minLength: 1, maxLength: 2 }), variants: fc.tuple(variantArb, variantArb) })
    .map(({ competencies, variants }) =>
      variants.map((s, v): PlanSession => ({
        id: `S${j}${v}`,
        courseId: `C${j}${v}`,
        costPerSeat: s.cost * 1_000_000,
        hours: s.hours,
        seats: s.seats,
        opening: s.opening ? { cost: s.opening.cost * 1_000_000, minClass: s.opening.minClass } : null,
        competencies: competencies.map((k) => ({ competency: k, fromLevel: 1, toLevel: 1 + s.up })),
        ...(s.clash ? { clashes: [s.clash] } : {}),
      })),
    );

const instanceArb = fc
  .record({
    people: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i)))),
    sessions: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, j) => sessionPairArb(j))).map((pairs) => pairs.flat())),
    budget: fc.integer({ min: 1, max: 20 }),
    unitBudget: fc.option(fc.integer({ min: 0, max: 10 })),
    mandatory: fc.option(fc.tuple(fc.nat(3), fc.nat(2), fc.nat(1)), { freq: 4 }),
  })
  .map(({ people, sessions, budget, unitBudget, mandatory }) =>
    buildPlanInstance(people, sessions, {
      budget: budget * 1_000_000,
      unitBudgets: unitBudget === null ? {} : { U0: unitBudget * 1_000_000 },
      competencyWeights: { K1: 2 },
      mandatory: mandatory ? [{ personId: `P${mandatory[0]}`, sessionId: `S${mandatory[1]}${mandatory[2]}` }] : [],
    }),
  )
  .filter((instance) => instance.candidates.length > 0 && instance.candidates.length <= 11);

const person: PlanPersonInput = {
  id: 'A',
  unitId: 'U',
  positionId: null,
  hoursLimit: 40,
  weight: 1,
  standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 3, criticality: 2 }],
};
const session = (id: string, costPerSeat: number, seats: number, toLevel = 3): PlanSession => ({
  id,
  courseId: `C${id}`,
  costPerSeat,
  hours: 8,
  seats,
  opening: null,
  competencies: [{ competency: 'K0', fromLevel: 1, toLevel }],
});

describe('dropping dominated candidate seats', () => {
  it('never changes the best plan (brute force with and without the dropped seats)', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        expect(bruteForce(withCandidates(instance, undominatedCandidates(instance)))).toBe(bruteForce(instance));
      }),
      { numRuns: 300 },
    );
    // The same on instances where the rule drops at least one seat (a few in a hundred of the above).
    fc.assert(
      fc.property(
        instanceArb.filter((instance) => undominatedCandidates(instance).length < instance.candidates.length),
        (instance) => {
          expect(bruteForce(withCandidates(instance, undominatedCandidates(instance)))).toBe(bruteForce(instance));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('drops a seat costing more for no more benefit when the better session has room, and keeps it when that session may fill', () => {
    const roomy = buildPlanInstance([person], [session('cheap', 1_000_000, 5), session('dear', 2_000_000, 5)], { budget: 10_000_000 });
    expect(Array.from(undominatedCandidates(roomy))).toEqual([0]);
    const other: PlanPersonInput = { ...person, id: 'B' };
    // Two people need the cheap session's one seat: exchanging into it could pass its seats.
    const full = buildPlanInstance([person, other], [session('cheap', 1_000_000, 1), session('dear', 2_000_000, 5)], { budget: 10_000_000 });
    expect(Array.from(undominatedCandidates(full))).toEqual([0, 1, 2, 3]);
    // Less benefit for less money: neither dominates.
    const tradeOff = buildPlanInstance([person], [session('cheap', 1_000_000, 5, 2), session('dear', 2_000_000, 5)], { budget: 10_000_000 });
    expect(Array.from(undominatedCandidates(tradeOff))).toEqual([0, 1]);
  });

  it('keeps the columns of the seats kept, in order', () => {
    const instance = buildPlanInstance([person], [session('cheap', 1_000_000, 5), session('dear', 2_000_000, 5)], { budget: 10_000_000 });
    const sub = withCandidates(instance, Int32Array.of(1));
    expect([sub.candidates.length, sub.candidates.session[0], sub.candidates.cost[0], Array.from(sub.candidates.competencyStart)]).toEqual([
      1,
      1,
      2_000_000,
      [0, 1],
    ]);
  });
});
