/**
 * One person's part of the Lagrangian subproblem (lagrangian.ts): with the
 * coupling limits priced, the best set of the person's candidate seats under
 * their own limits — hours, one seat per key (competency or overlapping
 * dates), the mandatory seats in — solved exactly by depth-first branch and
 * bound (the bounds: the hours left fit at most so many more seats, the best
 * of them next in order; and at most one more seat per key). A person has about 27 candidates, of which only
 * those with a positive reduced value matter, so the search is small; past a node limit it
 * stops and answers a relaxation's value instead (an upper bound, so the
 * Lagrangian bound stays valid), which the tests never reach.
 */
import type { PlanArrays } from './plan-arrays.js';

const EPS = 1e-9;
/** Nodes per person and call before the search answers a relaxation instead. */
const NODE_LIMIT = 2_000;

interface PersonAnswer {
  /** The subproblem's optimum (or an upper bound on it when `exact` is false). */
  upper: number;
  /** The value of the seats written to `x` (a feasible choice for the person). */
  value: number;
  exact: boolean;
}

export class PersonKnapsack {
  private items: Int32Array;
  private suffix: Float64Array;
  private suffixMinHours: Float64Array;
  private current: Int32Array;
  private best: Int32Array;
  private used: Uint8Array;
  /** Per key slot, the node that last counted it in the key bound. */
  private seen: Uint32Array;
  private stamp = 0;
  private bestValue = 0;
  private bestCount = 0;
  private nodes = 0;
  private reduced: Float64Array = new Float64Array(0);
  /** Candidate i's keys as bits of its person's slots (slot − slotStart[p]), when the person has at most 31 slots. */
  private readonly mask: Int32Array;
  private readonly masked: Uint8Array;

  constructor(private readonly a: PlanArrays) {
    this.mask = new Int32Array(a.benefit.length);
    this.masked = new Uint8Array(a.people);
    for (let p = 0; p < a.people; p += 1) {
      if (a.slotStart[p + 1]! - a.slotStart[p]! > 31) continue;
      this.masked[p] = 1;
      for (let k = a.personStart[p]!; k < a.personStart[p + 1]!; k += 1) {
        const i = a.byPerson[k]!;
        let bits = 0;
        for (let e = a.keyStart[i]!; e < a.keyStart[i + 1]!; e += 1) bits |= 1 << (a.keySlot[e]! - a.slotStart[p]!);
        this.mask[i] = bits;
      }
    }
    let most = 0;
    for (let p = 0; p < a.people; p += 1) most = Math.max(most, a.personStart[p + 1]! - a.personStart[p]!);
    this.items = new Int32Array(most);
    this.suffix = new Float64Array(most + 1);
    this.suffixMinHours = new Float64Array(most + 1);
    this.current = new Int32Array(most);
    this.best = new Int32Array(most);
    this.used = new Uint8Array(a.slotStart[a.people]!);
    this.seen = new Uint32Array(a.slotStart[a.people]!);
  }

  private free(i: number): boolean {
    const { keyStart, keySlot } = this.a;
    for (let k = keyStart[i]!; k < keyStart[i + 1]!; k += 1) if (this.used[keySlot[k]!]) return false;
    return true;
  }

  private mark(i: number, flag: 0 | 1): void {
    const { keyStart, keySlot } = this.a;
    for (let k = keyStart[i]!; k < keyStart[i + 1]!; k += 1) this.used[keySlot[k]!] = flag;
  }

  /**
   * Person p's best seats at reduced values `reduced` (by candidate): sets x[i] to 1 for the seats taken and
   * 0 for the person's other candidates.
   */
  solve(p: number, reduced: Float64Array, x: Uint8Array): PersonAnswer {
    const a = this.a;
    this.reduced = reduced;
    const from = a.personStart[p]!;
    const to = a.personStart[p + 1]!;
    let hoursLeft = a.hoursLimit[p]!;
    let base = 0;
    for (let k = from; k < to; k += 1) {
      const i = a.byPerson[k]!;
      x[i] = 0;
      if (a.mandatory[i]) {
        x[i] = 1;
        base += reduced[i]!;
        hoursLeft -= a.hours[i]!;
        this.mark(i, 1);
      }
    }
    let m = 0;
    for (let k = from; k < to; k += 1) {
      const i = a.byPerson[k]!;
      if (a.mandatory[i] || reduced[i]! <= EPS || a.hours[i]! > hoursLeft + 1e-6 || !this.free(i)) continue;
      // Insertion by reduced value, largest first: the bound by the suffix sums prunes soonest that way.
      let j = m++;
      while (j > 0 && reduced[this.items[j - 1]!]! < reduced[i]!) {
        this.items[j] = this.items[j - 1]!;
        j -= 1;
      }
      this.items[j] = i;
    }
    if (this.masked[p]) m = this.undominated(m);
    this.suffix[m] = 0;
    this.suffixMinHours[m] = Infinity;
    for (let j = m - 1; j >= 0; j -= 1) {
      this.suffix[j] = this.suffix[j + 1]! + reduced[this.items[j]!]!;
      this.suffixMinHours[j] = Math.min(this.suffixMinHours[j + 1]!, a.hours[this.items[j]!]!);
    }
    this.bestValue = 0;
    this.bestCount = 0;
    this.nodes = 0;
    this.search(0, m, hoursLeft, 0, 0);
    const exact = this.nodes <= NODE_LIMIT;
    for (let k = 0; k < this.bestCount; k += 1) x[this.best[k]!] = 1;
    for (let k = from; k < to; k += 1) if (a.mandatory[a.byPerson[k]!]) this.mark(a.byPerson[k]!, 0);
    const upper = exact ? this.bestValue : Math.max(this.bestValue, this.relaxed(m));
    return { upper: base + upper, value: base + this.bestValue, exact };
  }

  /**
   * Drops the items another one makes useless (issue 15: at 20,000 × 800 a person has 107 candidates and the
   * search hit its node limit): item k, before i in the order (so worth at least as much), whose keys are among
   * i's and not none, and whose hours are no more. A choice holding i cannot hold k (they share a key), and
   * exchanging i for k keeps the keys apart, the hours within and the value no lower: the subproblem's optimum
   * is the same without i, and the search runs on a few items per key set instead of all of them.
   */
  private undominated(m: number): number {
    const { hours } = this.a;
    let kept = 0;
    for (let j = 0; j < m; j += 1) {
      const i = this.items[j]!;
      const bits = this.mask[i]!;
      let useless = false;
      for (let t = 0; t < kept; t += 1) {
        const k = this.items[t]!;
        const other = this.mask[k]!;
        if (other !== 0 && (other & ~bits) === 0 && hours[k]! <= hours[i]!) {
          useless = true;
          break;
        }
      }
      if (!useless) this.items[kept++] = i;
    }
    return kept;
  }

  private search(j: number, m: number, hoursLeft: number, value: number, depth: number): void {
    if (value > this.bestValue + EPS) {
      this.bestValue = value;
      this.bestCount = depth;
      this.best.set(this.current.subarray(0, depth));
    }
    if (j === m) return;
    // The hours left fit at most `room` more seats, and the best `room` of those left are the next ones (sorted).
    const shortest = this.suffixMinHours[j]!;
    const room = shortest > 0 ? Math.floor((hoursLeft + 1e-6) / shortest) : m - j;
    const more = room >= m - j ? this.suffix[j]! : this.suffix[j]! - this.suffix[j + room]!;
    if (value + more <= this.bestValue + EPS) return;
    if (value + this.keyBound(j, m, hoursLeft) <= this.bestValue + EPS) return;
    if (++this.nodes > NODE_LIMIT) return;
    const i = this.items[j]!;
    if (this.a.hours[i]! <= hoursLeft + 1e-6 && this.free(i)) {
      this.mark(i, 1);
      this.current[depth] = i;
      this.search(j + 1, m, hoursLeft - this.a.hours[i]!, value + this.reduced[i]!, depth + 1);
      this.mark(i, 0);
    }
    this.search(j + 1, m, hoursLeft, value, depth);
  }

  /**
   * Seats taken from here share no key with each other or with the seats held, so each has its own first key:
   * at most the best remaining seat per first key (the first met, as they are sorted) among those that fit.
   */
  private keyBound(j: number, m: number, hoursLeft: number): number {
    const a = this.a;
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    let sum = 0;
    for (let t = j; t < m; t += 1) {
      const i = this.items[t]!;
      if (a.hours[i]! > hoursLeft + 1e-6 || !this.free(i)) continue;
      if (a.keyStart[i] === a.keyStart[i + 1]) sum += this.reduced[i]!;
      else {
        const slot = a.keySlot[a.keyStart[i]!]!;
        if (this.seen[slot] === this.stamp) continue;
        this.seen[slot] = this.stamp;
        sum += this.reduced[i]!;
      }
    }
    return sum;
  }

  /**
   * An upper bound without search: seats taken share no key, so at most one seat per first key counts —
   * the sum over first keys of the best value among the seats having it — and never more than all of them.
   */
  private relaxed(m: number): number {
    const a = this.a;
    const bestOfKey = new Map<number, number>();
    let keyless = 0;
    for (let j = 0; j < m; j += 1) {
      const i = this.items[j]!;
      const r = this.reduced[i]!;
      if (a.keyStart[i] === a.keyStart[i + 1]) keyless += r;
      else {
        const slot = a.keySlot[a.keyStart[i]!]!;
        bestOfKey.set(slot, Math.max(bestOfKey.get(slot) ?? 0, r));
      }
    }
    let sum = keyless;
    for (const r of bestOfKey.values()) sum += r;
    return Math.min(sum, this.suffix[0]!);
  }
}
