/**
 * The plan instance as flat typed arrays, for the Lagrangian solve
 * (lagrangian.ts): one pass per iteration over 133,231 candidates (2.1 M at
 * 20,000 × 800) must not allocate. Candidates are grouped by person; each
 * person's keys (competencies and clash keys) are numbered from 0, so "one
 * seat per person and key" is a flag per (person, key) slot.
 */
import type { PlanInstance } from './plan-instance.js';

export interface PlanArrays {
  people: number;
  sessions: number;
  /** Candidate indices grouped by person: person p's are byPerson[personStart[p] … personStart[p + 1] − 1]. */
  personStart: Int32Array;
  byPerson: Int32Array;
  benefit: Float64Array;
  cost: Float64Array;
  hours: Float64Array;
  session: Int32Array;
  person: Int32Array;
  /** Index into unitLimit of the candidate's unit budget, −1 when its unit has none. */
  unit: Int32Array;
  mandatory: Uint8Array;
  /** Candidate i's keys, as slots: keySlot[keyStart[i] … keyStart[i + 1] − 1] (global: the person's offset + its local number). */
  keyStart: Int32Array;
  keySlot: Int32Array;
  /** Person p's slots are slotStart[p] … slotStart[p + 1] − 1. */
  slotStart: Int32Array;
  hoursLimit: Float64Array;
  seats: Int32Array;
  openCost: Float64Array;
  minClass: Int32Array;
  isOpening: Uint8Array;
  /** Candidates per session. */
  demand: Int32Array;
  unitLimit: Float64Array;
  budget: number;
}

export function planArrays(instance: PlanInstance): PlanArrays {
  const { candidates, people, sessions } = instance;
  const n = candidates.length;
  const personStart = new Int32Array(people.length + 1);
  for (const c of candidates) personStart[c.person + 1]! += 1;
  for (let p = 0; p < people.length; p += 1) personStart[p + 1]! += personStart[p]!;
  const fill = personStart.slice(0, people.length);
  const byPerson = new Int32Array(n);
  candidates.forEach((c, i) => (byPerson[fill[c.person]!++] = i));

  const units = Object.keys(instance.unitBudgets);
  const unitIndex = new Map(units.map((u, k) => [u, k]));
  const unitOfPerson = Int32Array.from(people, (p) => unitIndex.get(p.unitId) ?? -1);

  const keyStart = new Int32Array(n + 1);
  candidates.forEach((c, i) => (keyStart[i + 1] = keyStart[i]! + c.keys.length));
  const keySlot = new Int32Array(keyStart[n]!);
  const slotStart = new Int32Array(people.length + 1);
  let slots = 0;
  for (let p = 0; p < people.length; p += 1) {
    slotStart[p] = slots;
    const local = new Map<string, number>();
    for (let k = personStart[p]!; k < personStart[p + 1]!; k += 1) {
      const i = byPerson[k]!;
      candidates[i]!.keys.forEach((key, e) => {
        let slot = local.get(key);
        if (slot === undefined) local.set(key, (slot = slots++));
        keySlot[keyStart[i]! + e] = slot;
      });
    }
  }
  slotStart[people.length] = slots;

  const demand = new Int32Array(sessions.length);
  for (const c of candidates) demand[c.session]! += 1;
  return {
    people: people.length,
    sessions: sessions.length,
    personStart,
    byPerson,
    benefit: Float64Array.from(candidates, (c) => c.benefit),
    cost: Float64Array.from(candidates, (c) => sessions[c.session]!.costPerSeat),
    hours: Float64Array.from(candidates, (c) => sessions[c.session]!.hours),
    session: Int32Array.from(candidates, (c) => c.session),
    person: Int32Array.from(candidates, (c) => c.person),
    unit: Int32Array.from(candidates, (c) => unitOfPerson[c.person]!),
    mandatory: Uint8Array.from(candidates, (c) => (c.mandatory ? 1 : 0)),
    keyStart,
    keySlot,
    slotStart,
    hoursLimit: Float64Array.from(people, (p) => p.hoursLimit),
    seats: Int32Array.from(sessions, (s) => s.seats),
    openCost: Float64Array.from(sessions, (s) => s.opening?.cost ?? 0),
    minClass: Int32Array.from(sessions, (s) => s.opening?.minClass ?? 0),
    isOpening: Uint8Array.from(sessions, (s) => (s.opening ? 1 : 0)),
    demand,
    unitLimit: Float64Array.from(units, (u) => instance.unitBudgets[u]!),
    budget: instance.budget,
  };
}
