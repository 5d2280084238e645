import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce, candidateIndices, candidateObjects, competency, personArb } from '../../../test/support/plan-instances.js';
import { checkPlan, seatsOf } from './plan-check.js';
import { fillInOrder, greedyPlan, planBenefit, repairLpSolution } from './greedy.js';
import { inputProblems } from './input-check.js';
import { buildPlanInstance, type PlanInstance, type PlanPersonInput, type PlanSession } from './plan-instance.js';
import { planModelLp } from './lp-model.js';
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
      opening: fc.option(fc.record({ cost: fc.integer({ min: 1, max: 6 }), minClass: fc.integer({ min: 1, max: 2 }) }), { freq: 4 }),
    })
    .map((s): PlanSession => ({
      id: `S${j}`,
      courseId: `C${j}`,
      costPerSeat: s.cost * 1_000_000,
      hours: s.hours,
      seats: s.seats,
      opening: s.opening ? { cost: s.opening.cost * 1_000_000, minClass: s.opening.minClass } : null,
      competencies: s.competencies.map((k) => ({ competency: k, fromLevel: s.from, toLevel: s.from + s.up })),
    }));

const instanceArb: fc.Arbitrary<PlanInstance> = fc
  .record({
    people: fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i)))),
    sessions: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, j) => sessionArb(j)))),
    budget: fc.integer({ min: 1, max: 30 }),
    unitBudget: fc.option(fc.integer({ min: 0, max: 15 })),
    weights: fc.record({ K0: fc.constantFrom(1, 2), K1: fc.constant(1) }),
  })
  .map(({ people, sessions, budget, unitBudget, weights }) =>
    buildPlanInstance(people, sessions, {
      budget: budget * 1_000_000,
      unitBudgets: unitBudget === null ? {} : { U0: unitBudget * 1_000_000 },
      competencyWeights: weights,
    }),
  );

describe('the candidate seats', () => {
  it('offers a seat only where the course closes a gap of the person', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        for (const c of candidateObjects(instance)) {
          expect(c.benefit).toBeGreaterThan(0);
          expect(c.reasons.length).toBeGreaterThan(0);
          for (const r of c.reasons) expect(r.assessedLevel).toBeLessThan(r.requiredLevel);
        }
      }),
    );
  });

  it('weighs a seat by the levels closed, their criticality, the competency weight and the person weight', () => {
    const instance = buildPlanInstance(
      [
        {
          id: 'A',
          unitId: 'U',
          positionId: null,
          hoursLimit: 40,
          weight: 1.5,
          standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 3, criticality: 3 }],
        },
      ],
      [{ id: 'S', courseId: 'C', costPerSeat: 1_000_000, hours: 8, seats: 5, opening: null, competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 2 }] }],
      { budget: 10_000_000, competencyWeights: { K0: 2 } },
    );
    expect(instance.candidates).toHaveLength(1);
    expect(instance.candidates.benefit[0]).toBe(1 * 3 * 2 * 1.5);
  });

  it('counts the levels a course is measured to deliver, not the ones it promises, and drops a course shown to bring nothing', () => {
    const person: PlanPersonInput = {
      id: 'A',
      unitId: 'U',
      positionId: null,
      hoursLimit: 40,
      weight: 1,
      standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 3, criticality: 2 }],
    };
    const session = (id: string, realisation: number): PlanSession => ({
      id,
      courseId: `C${id}`,
      costPerSeat: 1_000_000,
      hours: 8,
      seats: 5,
      opening: null,
      competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 3 }],
      realisation,
    });
    const instance = buildPlanInstance([person], [session('half', 0.5), session('none', 0), session('full', 1)], { budget: 10_000_000 });
    expect(candidateObjects(instance).map((c) => [instance.sessions[c.session]!.id, c.benefit, c.reasons[0]!.realisation])).toEqual([
      ['half', 2 * 2 * 0.5, 0.5],
      ['full', 2 * 2, 1],
    ]);
  });

  it('leaves out excluded people and keeps a mandatory seat that closes no gap', () => {
    const people: PlanPersonInput[] = ['A', 'B'].map((id) => ({ id, unitId: 'U', positionId: null, hoursLimit: 40, weight: 1, standings: [] }));
    const sessions: PlanSession[] = [
      { id: 'S', courseId: 'C', costPerSeat: 1, hours: 8, seats: 5, opening: null, competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 2 }] },
    ];
    const instance = buildPlanInstance(people, sessions, { budget: 10, excluded: new Set(['B']), mandatory: [{ personId: 'A', sessionId: 'S' }] });
    expect(instance.people.map((p) => p.id)).toEqual(['A']);
    expect(candidateObjects(instance)).toMatchObject([{ person: 0, session: 0, mandatory: true, benefit: 0 }]);
  });
});

describe('the greedy baseline and the LP repair', () => {
  it('always keep the budget, unit budgets, seats, hours, class sizes and one course per competency', () => {
    fc.assert(
      fc.property(instanceArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (instance, lp) => {
        for (const chosen of [greedyPlan(instance), repairLpSolution(instance, lp), fillInOrder(instance, candidateIndices(instance).reverse())]) {
          expect(checkPlan(instance, seatsOf(instance, chosen)).violations).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the plan checker', () => {
  const instance = buildPlanInstance(
    [
      {
        id: 'A',
        unitId: 'U0',
        positionId: null,
        hoursLimit: 16,
        weight: 1,
        standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 3, criticality: 2 }],
      },
      {
        id: 'B',
        unitId: 'U0',
        positionId: null,
        hoursLimit: 40,
        weight: 1,
        standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 3, criticality: 2 }],
      },
    ],
    [
      { id: 'S0', courseId: 'C0', costPerSeat: 3_000_000, hours: 16, seats: 1, opening: null, competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 2 }] },
      {
        id: 'S1',
        courseId: 'C1',
        costPerSeat: 2_000_000,
        hours: 8,
        seats: 4,
        opening: { cost: 1_000_000, minClass: 3 },
        competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 3 }],
      },
    ],
    { budget: 5_000_000, unitBudgets: { U0: 6_000_000 } },
  );

  it('names each limit a hand edit breaks and by how much', () => {
    const check = checkPlan(instance, [
      { person: 0, session: 0 },
      { person: 1, session: 0 },
      { person: 0, session: 1 },
    ]);
    const by = Object.fromEntries(check.violations.map((v) => [v.limit, v]));
    expect(by.seats).toMatchObject({ session: 0, limitValue: 1, actual: 2, by: 1 });
    expect(by.hours).toMatchObject({ person: 0, limitValue: 16, actual: 24, by: 8 });
    expect(by.one_per_competency).toMatchObject({ person: 0, competency: 'K0', actual: 2, by: 1 });
    expect(by.min_class).toMatchObject({ session: 1, limitValue: 3, actual: 1, by: 2 });
    expect(by.budget).toMatchObject({ limitValue: 5_000_000, actual: 9_000_000, by: 4_000_000 });
    expect(by.unit_budget).toMatchObject({ unitId: 'U0', limitValue: 6_000_000, actual: 8_000_000, by: 2_000_000 });
  });

  it('refuses a seat nobody needs and a seat given twice', () => {
    const noGap = buildPlanInstance(
      [
        {
          id: 'A',
          unitId: 'U0',
          positionId: null,
          hoursLimit: 40,
          weight: 1,
          standings: [{ competency: 'K1', assessedLevel: 3, requiredLevel: 3, criticality: 2 }],
        },
      ],
      instance.sessions,
      { budget: 50_000_000 },
    );
    const check = checkPlan(noGap, [
      { person: 0, session: 0 },
      { person: 0, session: 0 },
    ]);
    expect(check.violations.map((v) => v.limit).sort()).toEqual(['duplicate_seat', 'not_needed']);
  });

  it('re-checks a plan of 100,000 seats in one pass', () => {
    const seats = Array.from({ length: 100_000 }, (_, i) => ({ person: i % 2, session: i % 2 }));
    const check = checkPlan(instance, seats);
    expect(check.seats).toBe(2);
  });
});

describe('contradictory input', () => {
  const person = (id: string, hoursLimit = 40): PlanPersonInput => ({
    id,
    unitId: 'U0',
    positionId: null,
    hoursLimit,
    weight: 1,
    standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 3, criticality: 2 }],
  });
  const session = (id: string, seats: number, cost = 2_000_000): PlanSession => ({
    id,
    courseId: id,
    costPerSeat: cost,
    hours: 24,
    seats,
    opening: null,
    competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 2 }],
  });

  it('names a budget below the cheapest seat and a session without seats', () => {
    const problems = inputProblems(buildPlanInstance([person('A')], [session('S0', 0), session('S1', 3, 3_000_000)], { budget: 1_500_000 }));
    expect(problems).toContainEqual({ code: 'planning_session_no_seats', session: 0 });
    expect(problems).toContainEqual({ code: 'planning_budget_below_cheapest_seat', budget: 1_500_000, cheapest: 2_000_000, by: 500_000 });
  });

  it('names mandatory seats past the budget, the seats, the hours or twice one competency', () => {
    const mandatory = [
      { personId: 'A', sessionId: 'S0' },
      { personId: 'A', sessionId: 'S1' },
      { personId: 'B', sessionId: 'S0' },
    ];
    const problems = inputProblems(buildPlanInstance([person('A', 30), person('B')], [session('S0', 1), session('S1', 3)], { budget: 5_000_000, mandatory }));
    const codes = Object.fromEntries(problems.map((p) => [p.code, p]));
    expect(codes.planning_mandatory_over_budget).toMatchObject({ budget: 5_000_000, mandatoryCost: 6_000_000, by: 1_000_000 });
    expect(codes.planning_mandatory_over_seats).toMatchObject({ session: 0, seats: 1, mandatory: 2, by: 1 });
    expect(codes.planning_mandatory_over_hours).toMatchObject({ person: 0, hoursLimit: 30, mandatoryHours: 48, by: 18 });
    expect(codes.planning_mandatory_same_competency).toMatchObject({ person: 0, competency: 'K0', sessions: [0, 1] });
  });
});

describe('the LP model', () => {
  it('writes a binary per seat, opening variables, and only the limits that can bind', () => {
    const lp = planModelLp(
      buildPlanInstance(
        [
          {
            id: 'A',
            unitId: 'U',
            positionId: null,
            hoursLimit: 100,
            weight: 1,
            standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 2, criticality: 2 }],
          },
        ],
        [
          {
            id: 'S',
            courseId: 'C',
            costPerSeat: 5,
            hours: 8,
            seats: 4,
            opening: { cost: 7, minClass: 2 },
            competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 2 }],
          },
        ],
        { budget: 20 },
      ),
    );
    expect(lp).toContain(' benefit: 2 x0');
    expect(lp).toContain(' budget: 5 x0 + 7 y0 <= 20');
    expect(lp).toContain(' s0: x0 - 4 y0 <= 0');
    expect(lp).toContain(' m0: x0 - 2 y0 >= 0');
    expect(lp).not.toContain(' h0:');
    expect(lp).toMatch(/Binaries\n x0 y0\n/);
  });
});

describe('the solver (HiGHS in a worker thread)', () => {
  it('finds the brute-force optimum of small instances, never below the greedy plan, within every limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArb.filter((i) => i.candidates.length > 0 && i.candidates.length <= 10),
        async (instance) => {
          const outcome = await solvePlan(instance, { relGap: 0, timeLimitSeconds: 20 });
          expect(checkPlan(instance, seatsOf(instance, outcome.chosen)).violations).toEqual([]);
          expect(outcome.benefit).toBeCloseTo(bruteForce(instance), 4);
          expect(outcome.benefit).toBeGreaterThanOrEqual(outcome.greedyBenefit);
          expect(outcome.bound! + 1e-6).toBeGreaterThanOrEqual(outcome.benefit);
          expect(planBenefit(instance, outcome.chosen)).toBe(outcome.benefit);
        },
      ),
      { numRuns: 6 },
    );
  }, 180_000);

  it('reports the LP bound and the budget shadow price when the budget binds', async () => {
    const people: PlanPersonInput[] = Array.from({ length: 6 }, (_, i) => ({
      id: `P${i}`,
      unitId: 'U',
      positionId: null,
      hoursLimit: 40,
      weight: 1,
      standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 2, criticality: 2 }],
    }));
    const sessions: PlanSession[] = [
      { id: 'S', courseId: 'C', costPerSeat: 1_000_000, hours: 8, seats: 10, opening: null, competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 2 }] },
    ];
    const outcome = await solvePlan(buildPlanInstance(people, sessions, { budget: 3_500_000 }), { timeLimitSeconds: 20 });
    expect(outcome.chosen).toHaveLength(3);
    expect(outcome.benefit).toBe(6);
    expect(outcome.lpBound).toBeCloseTo(7, 6);
    expect(outcome.bound).toBeCloseTo(6, 6);
    // 2 benefit per 1,000,000 dong: 10 M đ more would buy 20.
    expect(outcome.budgetShadowPrice! * 10_000_000).toBeCloseTo(20, 6);
  }, 60_000);

  it('stops when cancelled and still answers with a feasible plan', async () => {
    const controller = new AbortController();
    controller.abort();
    const instance = buildPlanInstance(
      [
        {
          id: 'A',
          unitId: 'U',
          positionId: null,
          hoursLimit: 40,
          weight: 1,
          standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 2, criticality: 2 }],
        },
      ],
      [{ id: 'S', courseId: 'C', costPerSeat: 1, hours: 8, seats: 10, opening: null, competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 2 }] }],
      { budget: 10 },
    );
    const outcome = await solvePlan(instance, { signal: controller.signal, timeLimitSeconds: 20 });
    expect(outcome.cancelled).toBe(true);
    expect(checkPlan(instance, seatsOf(instance, outcome.chosen)).violations).toEqual([]);
  }, 60_000);
});

describe('the explanation', () => {
  it('says why each seat, which limit kept each person out, and sums the gap closed', async () => {
    const { explainPlan } = await import('./explain.js');
    const people: PlanPersonInput[] = ['A', 'B', 'C'].map((id, i) => ({
      id,
      unitId: i < 2 ? 'U0' : 'U1',
      positionId: 'POS',
      hoursLimit: id === 'C' ? 8 : 40,
      weight: 1,
      standings: [{ competency: 'K0', assessedLevel: 1, requiredLevel: 3, criticality: 3 - i }],
    }));
    const sessions: PlanSession[] = [
      { id: 'S', courseId: 'C', costPerSeat: 2_000_000, hours: 16, seats: 1, opening: null, competencies: [{ competency: 'K0', fromLevel: 1, toLevel: 2 }] },
    ];
    const instance = buildPlanInstance(people, sessions, { budget: 10_000_000 });
    const explanation = explainPlan(instance, [0], { budgetShadowPrice: 0, groupOf: () => 'G1' });
    expect(explanation.seats).toEqual([
      expect.objectContaining({
        candidate: 0,
        benefit: 3,
        cost: 2_000_000,
        benefitPerMillion: 1.5,
        reasons: [expect.objectContaining({ competency: 'K0', levels: 1, criticality: 3 })],
      }),
    ]);
    expect(explanation.leftOut).toEqual([
      { person: 1, bestCandidate: 1, limit: 'seats' },
      { person: 2, bestCandidate: 2, limit: 'seats' },
    ]);
    expect(explanation.benefitPer10Million).toBe(0);
    expect(explanation.byGroup).toEqual([{ key: 'G1', levels: 1, benefit: 3, seats: 1 }]);
    expect(explanation.byUnit).toEqual([{ key: 'U0', levels: 1, benefit: 3, seats: 1 }]);
  });
});

describe('sessions whose dates overlap', () => {
  it('are never both given to one person, and a hand edit doing so is named', () => {
    const people: PlanPersonInput[] = [
      {
        id: 'A',
        unitId: 'U',
        positionId: null,
        hoursLimit: 100,
        weight: 1,
        standings: [
          { competency: 'K0', assessedLevel: 1, requiredLevel: 3, criticality: 2 },
          { competency: 'K1', assessedLevel: 1, requiredLevel: 3, criticality: 2 },
        ],
      },
    ];
    const sessions: PlanSession[] = ['K0', 'K1'].map((k, j) => ({
      id: `S${j}`,
      courseId: `C${j}`,
      costPerSeat: 1,
      hours: 8,
      seats: 5,
      opening: null,
      competencies: [{ competency: k, fromLevel: 1, toLevel: 2 }],
      clashes: ['@0-S1'],
    }));
    const instance = buildPlanInstance(people, sessions, { budget: 100 });
    expect(greedyPlan(instance)).toHaveLength(1);
    expect(checkPlan(instance, seatsOf(instance, [0, 1])).violations).toEqual([expect.objectContaining({ limit: 'session_overlap', person: 0, by: 1 })]);
  });
});
