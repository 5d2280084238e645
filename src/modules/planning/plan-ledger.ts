/**
 * The incremental re-check of a hand edit (issue 15: ≤ 50 ms). `checkPlan`
 * walks every seat, session, person and candidate of the model (133,231
 * candidates at 5,000 × 200); an edit moves a few seats. The ledger keeps the
 * counters of a plan and, for each seat added or removed, re-evaluates only the
 * limits that seat touches: its person's hours and competencies, its
 * session's seats and class size, its unit's budget, the total budget and, if
 * mandatory, its own presence. Its answer is the full check's (the property
 * test in plan-ledger.test.ts compares them on random edits).
 */
import type { PlanCheck, Seat, Violation } from './plan-check.js';
import { candidateKeys, type PlanInstance } from './plan-instance.js';

const EPS = 1e-6;
const pairKey = (seat: Seat) => `${seat.person}:${seat.session}`;

export class PlanLedger {
  /** Multiplicity of each (person, session) pair as posted: more than one is a duplicate seat. */
  private readonly pairs = new Map<string, number>();
  private readonly perSession: Int32Array;
  private readonly sessionsOf = new Map<number, Set<number>>();
  private readonly keyCount = new Map<string, number>();
  private readonly unitSpend = new Map<string, number>();
  /** Every limit broken now, by the limit's own key (one entry a limit, duplicates as a list). */
  private readonly broken = new Map<string, Violation[]>();
  private seatCost = 0;
  private openingCost = 0;
  /** Benefit in ten-thousandths (candidate benefits have four decimals): sums stay exact. */
  private benefitUnits = 0;

  constructor(
    private readonly instance: PlanInstance,
    private readonly index: ReadonlyMap<string, number>,
    seats: readonly Seat[] = [],
  ) {
    this.perSession = new Int32Array(instance.sessions.length);
    const { person, session, mandatory } = instance.candidates;
    for (let i = 0; i < instance.candidates.length; i += 1) if (mandatory[i]) this.refreshMandatory(person[i]!, session[i]!);
    this.refreshBudget();
    for (const seat of seats) this.add(seat);
  }

  add(seat: Seat): void {
    const key = pairKey(seat);
    const n = (this.pairs.get(key) ?? 0) + 1;
    this.pairs.set(key, n);
    if (n > 1) return this.refreshDuplicate(seat, n);
    this.count(seat, 1);
  }

  remove(seat: Seat): void {
    const key = pairKey(seat);
    const n = this.pairs.get(key) ?? 0;
    if (n === 0) return;
    if (n > 1) {
      this.pairs.set(key, n - 1);
      return this.refreshDuplicate(seat, n - 1);
    }
    this.pairs.delete(key);
    this.count(seat, -1);
  }

  /** Makes the ledger hold `seats`, touching only the seats that differ from what it holds. */
  setSeats(seats: readonly Seat[]): void {
    const wanted = new Map<string, { seat: Seat; n: number }>();
    for (const seat of seats) {
      const key = pairKey(seat);
      const entry = wanted.get(key);
      if (entry) entry.n += 1;
      else wanted.set(key, { seat, n: 1 });
    }
    for (const [key, n] of [...this.pairs]) {
      const want = wanted.get(key)?.n ?? 0;
      const cut = key.indexOf(':');
      const seat = { person: Number(key.slice(0, cut)), session: Number(key.slice(cut + 1)) };
      for (let k = want; k < n; k++) this.remove(seat);
    }
    for (const [key, { seat, n }] of wanted) for (let k = this.pairs.get(key) ?? 0; k < n; k++) this.add(seat);
  }

  check(): PlanCheck {
    return {
      violations: [...this.broken.values()].flat(),
      benefit: Math.round(this.benefitUnits) / 10_000,
      cost: this.seatCost + this.openingCost,
      seats: this.pairs.size,
    };
  }

  private count(seat: Seat, delta: 1 | -1): void {
    const { sessions, people, candidates } = this.instance;
    const session = sessions[seat.session]!;
    const person = people[seat.person]!;
    const before = this.perSession[seat.session]!;
    this.perSession[seat.session] = before + delta;
    const held = this.sessionsOf.get(seat.person) ?? new Set<number>();
    if (delta > 0) held.add(seat.session);
    else held.delete(seat.session);
    this.sessionsOf.set(seat.person, held);
    this.seatCost += session.costPerSeat * delta;
    if (session.opening && (before === 0 || before + delta === 0)) this.openingCost += session.opening.cost * delta;
    this.unitSpend.set(person.unitId, (this.unitSpend.get(person.unitId) ?? 0) + session.costPerSeat * delta);
    const ci = this.index.get(pairKey(seat));
    if (ci === undefined) {
      const key = `not_needed:${pairKey(seat)}`;
      if (delta > 0) this.broken.set(key, [{ limit: 'not_needed', person: seat.person, session: seat.session, limitValue: 0, actual: 0, by: 0 }]);
      else this.broken.delete(key);
    } else {
      this.benefitUnits += Math.round(candidates.benefit[ci]! * 10_000) * delta;
      for (const k of candidateKeys(this.instance, ci)) {
        const key = `${seat.person}:${k}`;
        this.keyCount.set(key, (this.keyCount.get(key) ?? 0) + delta);
        this.refreshKey(seat.person, k);
      }
      if (candidates.mandatory[ci]) this.refreshMandatory(seat.person, seat.session);
    }
    this.refreshSession(seat.session);
    this.refreshHours(seat.person);
    this.refreshUnit(person.unitId);
    this.refreshBudget();
  }

  private set(key: string, violation: Violation | null): void {
    if (violation) this.broken.set(key, [violation]);
    else this.broken.delete(key);
  }

  private refreshDuplicate(seat: Seat, n: number): void {
    const duplicate: Violation = { limit: 'duplicate_seat', person: seat.person, session: seat.session, limitValue: 1, actual: 2, by: 1 };
    if (n > 1)
      this.broken.set(
        `duplicate:${pairKey(seat)}`,
        Array.from({ length: n - 1 }, () => ({ ...duplicate })),
      );
    else this.broken.delete(`duplicate:${pairKey(seat)}`);
  }

  private refreshSession(si: number): void {
    const session = this.instance.sessions[si]!;
    const n = this.perSession[si]!;
    const min = session.opening?.minClass ?? 0;
    this.set(`min_class:${si}`, n > 0 && n < min ? { limit: 'min_class', session: si, limitValue: min, actual: n, by: min - n } : null);
    this.set(`seats:${si}`, n > session.seats ? { limit: 'seats', session: si, limitValue: session.seats, actual: n, by: n - session.seats } : null);
  }

  /** Summed from the person's few seats, in session order: no drift from adding and taking away. */
  private refreshHours(pi: number): void {
    const limit = this.instance.people[pi]!.hoursLimit;
    let hours = 0;
    for (const si of [...(this.sessionsOf.get(pi) ?? [])].sort((a, b) => a - b)) hours += this.instance.sessions[si]!.hours;
    this.set(`hours:${pi}`, hours > limit + EPS ? { limit: 'hours', person: pi, limitValue: limit, actual: hours, by: hours - limit } : null);
  }

  private refreshKey(pi: number, k: string): void {
    const n = this.keyCount.get(`${pi}:${k}`) ?? 0;
    let violation: Violation | null = null;
    // Keys starting with '@' are sessions whose dates overlap (plan-instance.ts).
    if (n > 1)
      violation = k.startsWith('@')
        ? { limit: 'session_overlap', person: pi, limitValue: 1, actual: n, by: n - 1 }
        : { limit: 'one_per_competency', person: pi, competency: k, limitValue: 1, actual: n, by: n - 1 };
    this.set(`key:${pi}:${k}`, violation);
  }

  private refreshUnit(unitId: string): void {
    const limit = this.instance.unitBudgets[unitId];
    if (limit === undefined) return;
    const spent = this.unitSpend.get(unitId) ?? 0;
    this.set(`unit:${unitId}`, spent > limit + EPS ? { limit: 'unit_budget', unitId, limitValue: limit, actual: spent, by: spent - limit } : null);
  }

  private refreshBudget(): void {
    const cost = this.seatCost + this.openingCost;
    const budget = this.instance.budget;
    this.set('budget', cost > budget + EPS ? { limit: 'budget', limitValue: budget, actual: cost, by: cost - budget } : null);
  }

  private refreshMandatory(person: number, session: number): void {
    const held = this.pairs.has(`${person}:${session}`);
    this.set(`mandatory:${person}:${session}`, held ? null : { limit: 'mandatory_missing', person, session, limitValue: 1, actual: 0, by: 1 });
  }
}
