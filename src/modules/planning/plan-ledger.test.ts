import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedAgency } from './generated-agency.js';
import { greedyPlan } from './greedy.js';
import { candidateIndex, checkPlan, seatsOf, type PlanCheck, type Seat } from './plan-check.js';
import { PlanLedger } from './plan-ledger.js';
import { seatCandidate, type PlanInstance } from './plan-instance.js';

/** A generated agency with unit budgets and a few mandatory seats, so that every limit can be broken. */
const instanceArb = fc
  .record({
    people: fc.integer({ min: 5, max: 40 }),
    sessions: fc.integer({ min: 2, max: 12 }),
    seed: fc.integer({ min: 1, max: 10_000 }),
    budgetShare: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
    unitBudget: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    mandatoryEvery: fc.integer({ min: 5, max: 60 }),
  })
  .map(({ people, sessions, seed, budgetShare, unitBudget, mandatoryEvery }): PlanInstance => {
    const base = generatedAgency(people, sessions, seed);
    return {
      ...base,
      budget: Math.round(base.budget * budgetShare),
      unitBudgets: unitBudget === undefined ? {} : { U0: unitBudget * 1_000_000, U3: unitBudget * 500_000 },
      candidates: { ...base.candidates, mandatory: Uint8Array.from(base.candidates.mandatory, (_, i) => (i % mandatoryEvery === 0 ? 1 : 0)) },
    };
  });

type Edit = { kind: 'add' | 'remove'; person: number; session: number; pick: number };
const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('add', 'remove'),
  person: fc.nat(),
  session: fc.nat(),
  pick: fc.nat(),
});

/** The checks compared as sets: the ledger lists violations in its own order; hours are sums of decimals. */
const canonical = (check: PlanCheck) => ({
  ...check,
  violations: check.violations
    .map((v) => ({ ...v, actual: Math.round(v.actual * 1e6) / 1e6, by: Math.round(v.by * 1e6) / 1e6 }))
    .map((v) => JSON.stringify(v, Object.keys(v).sort()))
    .sort(),
});

describe('the incremental re-check of a hand edit', () => {
  it('agrees with the full check after every random edit (add, remove, duplicate, a seat nobody needs)', () => {
    fc.assert(
      fc.property(instanceArb, fc.array(editArb, { minLength: 1, maxLength: 60 }), (instance, edits) => {
        const index = candidateIndex(instance);
        const seats: Seat[] = seatsOf(instance, greedyPlan(instance));
        const ledger = new PlanLedger(instance, index, seats);
        expect(canonical(ledger.check())).toEqual(canonical(checkPlan(instance, seats, index)));
        for (const edit of edits) {
          if (edit.kind === 'remove' && seats.length > 0) {
            const [removed] = seats.splice(edit.pick % seats.length, 1);
            ledger.remove(removed!);
          } else {
            // Half the additions are a candidate seat, half any pair (possibly one nobody needs, or a duplicate).
            const c = instance.candidates.length > 0 ? seatCandidate(instance, edit.pick % instance.candidates.length) : undefined;
            const seat =
              edit.pick % 2 === 0 && c
                ? { person: c.person, session: c.session }
                : { person: edit.person % instance.people.length, session: edit.session % instance.sessions.length };
            seats.push(seat);
            ledger.add(seat);
          }
          expect(canonical(ledger.check())).toEqual(canonical(checkPlan(instance, seats, index)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('moved to another seat list by setSeats, answers as a ledger built from that list', () => {
    fc.assert(
      fc.property(instanceArb, fc.array(fc.nat(), { maxLength: 40 }), (instance, picks) => {
        fc.pre(instance.candidates.length > 0);
        const index = candidateIndex(instance);
        const ledger = new PlanLedger(instance, index, seatsOf(instance, greedyPlan(instance)));
        const next = picks.map((p) => seatCandidate(instance, p % instance.candidates.length)).map((c) => ({ person: c.person, session: c.session }));
        ledger.setSeats(next);
        expect(canonical(ledger.check())).toEqual(canonical(checkPlan(instance, next, index)));
      }),
      { numRuns: 100 },
    );
  });
});
