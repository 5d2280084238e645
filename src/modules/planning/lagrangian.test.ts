import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce, competency, personArb } from '../../../test/support/plan-instances.js';
import { generatedAgency } from './generated-agency.js';
import { fillInOrder, greedyOrder, greedyPlan, planBenefit } from './greedy.js';
import { lagrangianSolve } from './lagrangian.js';
import { planArrays } from './plan-arrays.js';
import { checkPlan, seatsOf } from './plan-check.js';
import { buildPlanInstance, type PlanInstance, type PlanSession } from './plan-instance.js';
import { fillArrays } from './seat-state.js';
import { solvePlan } from './solve-plan.js';

const sessionArb = (j: number) =>
  fc
    .record({
      from: fc.integer({ min: 1, max: 3 }),
      up: fc.integer({ min: 1, max: 2 }),
      competencies: fc.uniqueArray(competency, { minLength: 1, maxLength: 2 }),
      cost: fc.integer({ min: 1, max: 8 }),
      hours: fc.constantFrom(8, 16, 24),
      seats: fc.integer({ min: 1, max: 3 }),
      opening: fc.option(fc.record({ cost: fc.integer({ min: 1, max: 6 }), minClass: fc.integer({ min: 1, max: 3 }) }), { freq: 3 }),
      clash: fc.boolean(),
    })
    .map((s): PlanSession => ({
      id: `S${j}`,
      courseId: `C${j}`,
      costPerSeat: s.cost * 1_000_000,
      hours: s.hours,
      seats: s.seats,
      opening: s.opening ? { cost: s.opening.cost * 1_000_000, minClass: s.opening.minClass } : null,
      competencies: s.competencies.map((k) => ({ competency: k, fromLevel: s.from, toLevel: s.from + s.up })),
      ...(s.clash ? { clashes: ['@overlap'] } : {}),
    }));

const instanceArb: fc.Arbitrary<PlanInstance> = fc
  .record({
    people: fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i)))),
    sessions: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, j) => sessionArb(j)))),
    budget: fc.integer({ min: 1, max: 30 }),
    unitBudget: fc.option(fc.integer({ min: 0, max: 15 })),
    mandatory: fc.option(fc.tuple(fc.nat(5), fc.nat(3)), { freq: 4 }),
  })
  .map(({ people, sessions, budget, unitBudget, mandatory }) =>
    buildPlanInstance(people, sessions, {
      budget: budget * 1_000_000,
      unitBudgets: unitBudget === null ? {} : { U0: unitBudget * 1_000_000 },
      competencyWeights: { K0: 2 },
      mandatory: mandatory ? [{ personId: `P${mandatory[0]}`, sessionId: `S${mandatory[1]}` }] : [],
    }),
  )
  // Mandatory seats that break a limit are refused before solving (input-check.ts).
  .filter((instance) => checkPlan(instance, seatsOf(instance, greedyPlan(instance))).violations.length === 0);

describe('the fill on typed arrays', () => {
  it('chooses the same seats as the greedy fill, in any order', () => {
    fc.assert(
      fc.property(instanceArb, fc.boolean(), (instance, reversed) => {
        const order = reversed ? greedyOrder(instance).reverse() : greedyOrder(instance);
        expect(fillArrays(planArrays(instance), order).seats()).toEqual(fillInOrder(instance, order));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the Lagrangian path', () => {
  it('proves a bound no plan passes (the brute-force optimum), and its plan keeps every limit and is never below greedy', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArb.filter((i) => i.candidates.length > 0 && i.candidates.length <= 12),
        async (instance) => {
          const outcome = await solvePlan(instance, { engine: 'lagrangian', relGap: 0, timeLimitSeconds: 0.1 });
          const optimum = bruteForce(instance);
          expect(outcome.method === 'lagrangian' || outcome.method === 'greedy').toBe(true);
          expect(outcome.lagrangianBound! + 1e-6).toBeGreaterThanOrEqual(optimum);
          expect(checkPlan(instance, seatsOf(instance, outcome.chosen)).violations).toEqual([]);
          expect(outcome.benefit).toBeGreaterThanOrEqual(outcome.greedyBenefit);
          expect(outcome.benefit).toBeLessThanOrEqual(optimum + 1e-6);
          expect(planBenefit(instance, outcome.chosen)).toBe(outcome.benefit);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('bounds the exact optimum HiGHS finds on a generated agency, and comes near it', async () => {
    const instance = generatedAgency(120, 10, 7);
    expect(instance.candidates.length).toBeGreaterThan(100);
    const exact = await solvePlan(instance, { engine: 'highs', relGap: 0, timeLimitSeconds: 60 });
    expect(exact.mipStatus).toBe('optimal');
    const arrays = planArrays(instance);
    const start = greedyPlan(instance);
    // A number of steps rather than a time: the same work whatever the machine's load.
    const outcome = await lagrangianSolve(arrays, { start, relGap: 0, maxSteps: 400, timeLimitMs: 600_000 });
    expect(outcome.bound! + 1e-6).toBeGreaterThanOrEqual(exact.benefit);
    expect(checkPlan(instance, seatsOf(instance, outcome.chosen)).violations).toEqual([]);
    expect(outcome.benefit).toBeGreaterThanOrEqual(planBenefit(instance, start) - 1e-6);
    expect(outcome.benefit).toBeLessThanOrEqual(exact.benefit + 1e-6);
    // Its plan within 2 % of the bound it proves (the benchmark's instances come within 1 %).
    expect((outcome.bound! - outcome.benefit) / outcome.bound!).toBeLessThan(0.02);
  }, 120_000);

  it('reports its progress (incumbent, bound, gap) and stops when cancelled, with a feasible plan', async () => {
    const instance = generatedAgency(400, 30, 3);
    const arrays = planArrays(instance);
    const start = greedyPlan(instance);
    const controller = new AbortController();
    const seen: Array<{ incumbent: number; bound: number; gap: number }> = [];
    const outcome = await lagrangianSolve(arrays, {
      start,
      relGap: 0,
      timeLimitMs: 60_000,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (seen.length === 20) controller.abort();
      },
    });
    expect(outcome.stopped).toBe('cancelled');
    expect(seen.length).toBe(20);
    for (const p of seen) expect(p.bound + 1e-6).toBeGreaterThanOrEqual(p.incumbent);
    // The bound only goes down, the incumbent only up.
    for (let k = 1; k < seen.length; k += 1) {
      expect(seen[k]!.bound).toBeLessThanOrEqual(seen[k - 1]!.bound);
      expect(seen[k]!.incumbent).toBeGreaterThanOrEqual(seen[k - 1]!.incumbent);
    }
    expect(checkPlan(instance, seatsOf(instance, outcome.chosen)).violations).toEqual([]);
    expect(outcome.benefit).toBeGreaterThanOrEqual(planBenefit(instance, start) - 1e-6);
  }, 60_000);
});
