/**
 * Fewer candidate seats before the search (issue 15), only where it cannot
 * cost the optimum. Candidate j of a person is dropped when another candidate
 * i of the same person dominates it:
 * - i's keys (competencies and clash keys) are not empty and are among j's;
 * - i's benefit is at least j's, its cost and hours at most j's (ties: the
 *   lower index wins, so that no two drop each other);
 * - i's session is on offer (not a class to open) and has at least as many
 *   seats as candidates, so no plan ever fills it; j's session is on offer
 *   too, and j is not mandatory.
 * Why that is safe: take a best plan holding a dropped j. It does not hold i
 * (they share a key), so j can be exchanged for i: the person's keys, hours
 * and unit budget still hold (i's keys are among j's, its hours and cost are
 * no more), the total budget too (no class opens or closes), i's session
 * cannot be full, j's session only loses a trainee (no minimum class size on
 * a session on offer), and the benefit does not fall. Dominance is
 * transitive, so every dropped seat has a kept dominator; two dropped seats
 * of one plan never share it (a plan's seats of a person share no key), so
 * all the exchanges can be made at once. dominance.test.ts checks the
 * optimum of random small instances against brute force, with and without.
 *
 * On the generated agency every session has many more candidates than seats
 * (2,680 a session for 15–40 seats at 20,000 × 800), so the rule drops
 * nothing there: without the seats' slack an exchange could push a session
 * past its seats, and the drop would no longer be safe.
 */
import type { CandidateTable, PlanInstance } from './plan-instance.js';

/** Candidate i's key ids, sorted: its competencies and its session's clash keys. */
function keyIds(instance: PlanInstance, i: number): number[] {
  const { competencyStart, competency, session } = instance.candidates;
  const ids = Array.from(competency.subarray(competencyStart[i], competencyStart[i + 1]));
  for (const id of instance.sessionClashes[session[i]!]!) ids.push(id);
  return ids.sort((a, b) => a - b);
}

/** Is sorted `small` a subset of sorted `big`? */
function within(small: readonly number[], big: readonly number[]): boolean {
  let k = 0;
  for (const id of small) {
    while (k < big.length && big[k]! < id) k += 1;
    if (big[k] !== id) return false;
  }
  return true;
}

/** The candidates the rule keeps, by index in increasing order. */
export function undominatedCandidates(instance: PlanInstance): Int32Array {
  const c = instance.candidates;
  const { sessions } = instance;
  const demand = new Int32Array(sessions.length);
  for (let i = 0; i < c.length; i += 1) demand[c.session[i]!]! += 1;
  const onOffer = (i: number) => sessions[c.session[i]!]!.opening === null;
  const slack = (i: number) => onOffer(i) && demand[c.session[i]!]! <= sessions[c.session[i]!]!.seats;
  const drop = new Uint8Array(c.length);
  let dropped = 0;
  for (let from = 0; from < c.length;) {
    let to = from;
    while (to < c.length && c.person[to] === c.person[from]) to += 1;
    // Only a seat in a session that can never be full may dominate: most people have none.
    const dominators: number[] = [];
    for (let i = from; i < to; i += 1)
      if (slack(i) && c.competencyStart[i + 1]! + instance.sessionClashes[c.session[i]!]!.length > c.competencyStart[i]!) dominators.push(i);
    if (dominators.length > 0) {
      const keys = new Map<number, number[]>();
      const keysOf = (i: number) => keys.get(i) ?? keys.set(i, keyIds(instance, i)).get(i)!;
      for (let j = from; j < to; j += 1) {
        if (c.mandatory[j] || !onOffer(j)) continue;
        for (const i of dominators)
          if (i !== j && dominates(c, i, j) && within(keysOf(i), keysOf(j))) {
            drop[j] = 1;
            dropped += 1;
            break;
          }
      }
    }
    from = to;
  }
  const kept = new Int32Array(c.length - dropped);
  let k = 0;
  for (let i = 0; i < c.length; i += 1) if (!drop[i]) kept[k++] = i;
  return kept;
}

/** i at least as good as j in benefit, cost and hours; when equal in all three, the lower index (or fewer keys, checked by the caller) wins. */
function dominates(c: CandidateTable, i: number, j: number): boolean {
  if (c.benefit[i]! < c.benefit[j]! || c.cost[i]! > c.cost[j]! || c.hours[i]! > c.hours[j]!) return false;
  const equal = c.benefit[i] === c.benefit[j] && c.cost[i] === c.cost[j] && c.hours[i] === c.hours[j];
  return !equal || i < j;
}

/** The instance with only the candidates `kept` (increasing indices): candidate k of it is candidate kept[k] of `instance`. */
export function withCandidates(instance: PlanInstance, kept: Int32Array): PlanInstance {
  const c = instance.candidates;
  const competencyStart = new Int32Array(kept.length + 1);
  for (let k = 0; k < kept.length; k += 1) competencyStart[k + 1] = competencyStart[k]! + c.competencyStart[kept[k]! + 1]! - c.competencyStart[kept[k]!]!;
  const competency = new Int32Array(competencyStart[kept.length]!);
  for (let k = 0; k < kept.length; k += 1)
    competency.set(c.competency.subarray(c.competencyStart[kept[k]!], c.competencyStart[kept[k]! + 1]), competencyStart[k]);
  return {
    ...instance,
    candidates: {
      length: kept.length,
      person: Int32Array.from(kept, (i) => c.person[i]!),
      session: Int32Array.from(kept, (i) => c.session[i]!),
      benefit: Float64Array.from(kept, (i) => c.benefit[i]!),
      cost: Float64Array.from(kept, (i) => c.cost[i]!),
      hours: Float64Array.from(kept, (i) => c.hours[i]!),
      mandatory: Uint8Array.from(kept, (i) => c.mandatory[i]!),
      competencyStart,
      competency,
    },
  };
}
