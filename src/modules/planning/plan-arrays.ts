/**
 * The plan instance as flat typed arrays, for the Lagrangian solve
 * (lagrangian.ts): one pass per iteration over 133,231 candidates (2.1 M at
 * 20,000 × 800) must not allocate. Candidates are grouped by person; each
 * person's keys (competencies and clash keys) are numbered from 0, so "one
 * seat per person and key" is a flag per (person, key) slot. The candidate
 * columns of the instance are shared, not copied: nothing here writes them.
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
  for (let i = 0; i < n; i += 1) personStart[candidates.person[i]! + 1]! += 1;
  for (let p = 0; p < people.length; p += 1) personStart[p + 1]! += personStart[p]!;
  const fill = personStart.slice(0, people.length);
  const byPerson = new Int32Array(n);
  for (let i = 0; i < n; i += 1) byPerson[fill[candidates.person[i]!]!++] = i;

  const units = Object.keys(instance.unitBudgets);
  const unitIndex = new Map(units.map((u, k) => [u, k]));
  const unitOfPerson = Int32Array.from(people, (p) => unitIndex.get(p.unitId) ?? -1);

  // A candidate's keys: its competencies, then its session's clash keys (plan-instance.ts).
  const { competencyStart, competency } = candidates;
  const keyStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1)
    keyStart[i + 1] = keyStart[i]! + competencyStart[i + 1]! - competencyStart[i]! + instance.sessionClashes[candidates.session[i]!]!.length;
  const keySlot = new Int32Array(keyStart[n]!);
  const slotStart = new Int32Array(people.length + 1);
  // Key id → the person's slot for it, valid while owner[id] is that person (no map per person).
  const slotOf = new Int32Array(instance.keyNames.length);
  const owner = new Int32Array(instance.keyNames.length).fill(-1);
  let slots = 0;
  for (let p = 0; p < people.length; p += 1) {
    slotStart[p] = slots;
    for (let k = personStart[p]!; k < personStart[p + 1]!; k += 1) {
      const i = byPerson[k]!;
      const clashes = instance.sessionClashes[candidates.session[i]!]!;
      const own = competencyStart[i + 1]! - competencyStart[i]!;
      for (let e = 0; e < own + clashes.length; e += 1) {
        const id = e < own ? competency[competencyStart[i]! + e]! : clashes[e - own]!;
        if (owner[id] !== p) {
          owner[id] = p;
          slotOf[id] = slots++;
        }
        keySlot[keyStart[i]! + e] = slotOf[id]!;
      }
    }
  }
  slotStart[people.length] = slots;

  const demand = new Int32Array(sessions.length);
  for (let i = 0; i < n; i += 1) demand[candidates.session[i]!]! += 1;
  return {
    people: people.length,
    sessions: sessions.length,
    personStart,
    byPerson,
    benefit: candidates.benefit,
    cost: candidates.cost,
    hours: candidates.hours,
    session: candidates.session,
    person: candidates.person,
    unit: candidates.person.map((p) => unitOfPerson[p]!),
    mandatory: candidates.mandatory,
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
