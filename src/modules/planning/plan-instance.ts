/**
 * The annual plan's model as plain data (issue 15): who could take which
 * seat, what it brings and what it costs. Pure: the repository hands over
 * people, their standings and the sessions on offer; the solver, the greedy
 * baseline and the plan checker all read this one shape.
 */
import { openGaps, type GapClosed, type OpenGap, type Standing } from '../training/plans/recommend.js';

export interface PlanPerson {
  id: string;
  /** The agency (unit) the person works in: unit budgets are counted by it. */
  unitId: string;
  positionId: string | null;
  /** Training hours the person may spend this year. */
  hoursLimit: number;
  /** Priority multiplier (a prioritised position, no training for N years); 1 when none. */
  weight: number;
}

export interface PlanSession {
  id: string;
  courseId: string;
  costPerSeat: number;
  hours: number;
  seats: number;
  /**
   * A class to open rather than one on offer: it costs `openingCost` once and
   * runs only with at least `minClass` trainees (a binary "open" variable).
   */
  opening: { cost: number; minClass: number } | null;
  competencies: ReadonlyArray<{ competency: string; fromLevel: number; toLevel: number }>;
  /** The share of its nominal levels the course is measured to deliver (measured-effect.ts); 1 when absent. */
  realisation?: number;
  /**
   * Keys (starting with '@') shared with the sessions whose dates overlap this
   * one's: a person takes at most one session of a key, as the enrolment
   * service refuses double booking.
   */
  clashes?: readonly string[];
}

export interface SeatReason extends GapClosed {
  /** The competency's priority weight (its group's, e.g. the digital-government groups first). */
  weight: number;
  /** The course's measured share of its nominal levels (1: as promised or not measured yet). */
  realisation: number;
}

/**
 * The candidate seats as columns (issue 15): a seat worth offering — the person needs what the session
 * teaches (benefit > 0), or it is mandatory. At 20,000 × 800 there are 2.1 M of them; as objects with their
 * reasons they took 1.1 GB, as columns about 60 MB. Grouped by person in person order, each person's by
 * session index. The reasons (the gap, its weight) are not kept: explain.ts computes them for the seats it
 * explains from the same inputs (`gaps`, `competencyWeights`).
 */
export interface CandidateTable {
  length: number;
  person: Int32Array;
  session: Int32Array;
  /** Σ levels closed × criticality × competency weight × person weight × the course's measured realisation. */
  benefit: Float64Array;
  /** The session's cost per seat and hours, per candidate (the solver's loops read them in candidate order). */
  cost: Float64Array;
  hours: Float64Array;
  mandatory: Uint8Array;
  /**
   * The competencies whose gap the seat closes (at most one seat per person and competency), as ids into the
   * instance's `keyNames`: candidate i's are competency[competencyStart[i] … competencyStart[i + 1] − 1].
   */
  competencyStart: Int32Array;
  competency: Int32Array;
}

export interface PlanInstance {
  budget: number;
  /** Optional budget per unit for the seats of its people (opening costs count only in the total). */
  unitBudgets: Readonly<Record<string, number>>;
  people: readonly PlanPerson[];
  sessions: readonly PlanSession[];
  candidates: CandidateTable;
  /** The competency codes and the clash keys ('@…') the candidates' ids refer to. */
  keyNames: readonly string[];
  /** Per session, the ids of its clash keys: a candidate's keys are its competencies and its session's clash keys. */
  sessionClashes: ReadonlyArray<readonly number[]>;
  /** Per person (of `people`), their open gaps: what a seat's reasons are computed from when it is explained. */
  gaps: ReadonlyArray<ReadonlyMap<string, OpenGap>>;
  competencyWeights?: Readonly<Record<string, number>>;
}

/** A candidate seat as an object, for code that reads a few seats (the checks, the service). */
export interface SeatCandidate {
  person: number;
  session: number;
  benefit: number;
  competencies: readonly string[];
  /** The competencies and the session's clash keys: at most one seat per person and key. */
  keys: readonly string[];
  mandatory: boolean;
}

export interface PlanPersonInput extends PlanPerson {
  standings: readonly Standing[];
}

export interface BuildOptions {
  budget: number;
  unitBudgets?: Readonly<Record<string, number>>;
  /** Competency code → weight (1 when absent). */
  competencyWeights?: Readonly<Record<string, number>>;
  /** People left out this year (leave, retirement). */
  excluded?: ReadonlySet<string>;
  /** Seats that must be in the plan, by ids. */
  mandatory?: ReadonlyArray<{ personId: string; sessionId: string }>;
  /** `personId|courseId` of courses the person completed or is enrolled in: not offered again. */
  taken?: ReadonlySet<string>;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
/** As recommend.ts rounds the levels a course closes (`gapsClosed`). */
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Sessions by the competencies they raise: a person is paired only with the
 * sessions sharing a competency with one of their open gaps (and their
 * mandatory ones), not with every session (issue 15: the 1,000,000-pair loop
 * took 2.5 s at 5,000 × 200). Any other pair closes no gap, so it was never a
 * candidate; the candidates and their order are the same as pairing everyone.
 */
function sessionsByCompetency(sessions: readonly PlanSession[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  sessions.forEach((session, si) => {
    for (const c of session.competencies) {
      const list = index.get(c.competency);
      if (!list) index.set(c.competency, [si]);
      else if (list[list.length - 1] !== si) list.push(si);
    }
  });
  return index;
}

type Typed = Int32Array | Float64Array | Uint8Array;

/** A typed array that doubles when full: the number of candidates is known only at the end. */
class Column<T extends Typed> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (n: number) => T,
  ) {}

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const ints = (n = 1024) => new Column(new Int32Array(n), (m) => new Int32Array(m));

/** Every seat with a benefit, plus the mandatory ones (a mandatory seat is kept even when it closes no gap). */
export function buildPlanInstance(people: readonly PlanPersonInput[], sessions: readonly PlanSession[], options: BuildOptions): PlanInstance {
  const kept = people.filter((p) => !options.excluded?.has(p.id));
  const sessionsById = new Map<string, number[]>();
  sessions.forEach((s, si) => sessionsById.set(s.id, [...(sessionsById.get(s.id) ?? []), si]));
  const mandatoryOf = new Map<string, number[]>();
  for (const m of options.mandatory ?? []) mandatoryOf.set(m.personId, [...(mandatoryOf.get(m.personId) ?? []), ...(sessionsById.get(m.sessionId) ?? [])]);
  const byCompetency = sessionsByCompetency(sessions);

  const keyNames: string[] = [];
  const keyIds = new Map<string, number>();
  const keyId = (name: string) => {
    let id = keyIds.get(name);
    if (id === undefined) keyIds.set(name, (id = keyNames.push(name) - 1));
    return id;
  };
  // Per session, each competency's id and weight, looked up once rather than once per pair.
  const sessionKeys = sessions.map((s) => s.competencies.map((c) => keyId(c.competency)));
  const sessionWeights = sessions.map((s) => s.competencies.map((c) => options.competencyWeights?.[c.competency] ?? 1));
  const sessionClashes = sessions.map((s) => (s.clashes ?? []).map(keyId));

  const person = ints();
  const session = ints();
  const benefit = new Column(new Float64Array(1024), (m) => new Float64Array(m));
  const mandatoryFlag = new Column(new Uint8Array(1024), (m) => new Uint8Array(m));
  const competencyStart = ints();
  const competency = ints();
  competencyStart.push(0);
  const gaps: Array<Map<string, OpenGap>> = [];
  const seen = new Uint8Array(sessions.length);
  kept.forEach((p, pi) => {
    const open = openGaps(p.standings);
    gaps.push(open);
    const mandatory = new Set(mandatoryOf.get(p.id));
    const paired: number[] = [...mandatory];
    for (const si of paired) seen[si] = 1;
    for (const code of open.keys())
      for (const si of byCompetency.get(code) ?? [])
        if (!seen[si]) {
          seen[si] = 1;
          paired.push(si);
        }
    paired.sort((a, b) => a - b);
    for (const si of paired) {
      seen[si] = 0;
      const s = sessions[si]!;
      const isMandatory = mandatory.has(si);
      if (!isMandatory && options.taken?.has(`${p.id}|${s.courseId}`)) continue;
      // gapsClosed's rule (recommend.ts) without its objects: the levels of each open gap the course covers;
      // plan-instance.test.ts checks the candidates against gapsClosed itself.
      const from = competency.length;
      let sum = 0;
      s.competencies.forEach((c, k) => {
        const gap = open.get(c.competency);
        if (!gap || c.fromLevel > gap.from) return;
        const levels = round2(Math.min(c.toLevel, gap.to) - gap.from);
        if (levels <= 0) return;
        sum += levels * gap.criticality * sessionWeights[si]![k]!;
        competency.push(sessionKeys[si]![k]!);
      });
      const realisation = s.realisation ?? 1;
      const value = round4(sum * p.weight * realisation);
      if (value <= 0 && !isMandatory) {
        competency.length = from;
        continue;
      }
      // A mandatory seat closing no gap still takes the place of its competencies.
      if (competency.length === from && isMandatory) for (const id of sessionKeys[si]!) competency.push(id);
      person.push(pi);
      session.push(si);
      benefit.push(Math.max(0, value));
      mandatoryFlag.push(isMandatory ? 1 : 0);
      competencyStart.push(competency.length);
    }
  });
  const sessionOf = session.done();
  const n = sessionOf.length;
  const cost = new Float64Array(n);
  const hours = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    cost[i] = sessions[sessionOf[i]!]!.costPerSeat;
    hours[i] = sessions[sessionOf[i]!]!.hours;
  }
  return {
    budget: options.budget,
    unitBudgets: options.unitBudgets ?? {},
    people: kept.map(({ standings: _standings, ...p }) => p),
    sessions,
    candidates: {
      length: n,
      person: person.done(),
      session: sessionOf,
      benefit: benefit.done(),
      cost,
      hours,
      mandatory: mandatoryFlag.done(),
      competencyStart: competencyStart.done(),
      competency: competency.done(),
    },
    keyNames,
    sessionClashes,
    gaps,
    ...(options.competencyWeights ? { competencyWeights: options.competencyWeights } : {}),
  };
}

/** Candidate i's competencies, by name. */
export function candidateCompetencies(instance: PlanInstance, i: number): string[] {
  const { competencyStart, competency } = instance.candidates;
  const out: string[] = [];
  for (let k = competencyStart[i]!; k < competencyStart[i + 1]!; k += 1) out.push(instance.keyNames[competency[k]!]!);
  return out;
}

/** Candidate i's keys by name: its competencies, then its session's clash keys. */
export function candidateKeys(instance: PlanInstance, i: number): string[] {
  const keys = candidateCompetencies(instance, i);
  for (const id of instance.sessionClashes[instance.candidates.session[i]!]!) keys.push(instance.keyNames[id]!);
  return keys;
}

export function seatCandidate(instance: PlanInstance, i: number): SeatCandidate {
  const c = instance.candidates;
  return {
    person: c.person[i]!,
    session: c.session[i]!,
    benefit: c.benefit[i]!,
    competencies: candidateCompetencies(instance, i),
    keys: candidateKeys(instance, i),
    mandatory: c.mandatory[i] === 1,
  };
}

/** What a seat costs to add to a plan in which its session is (or is not yet) open. */
export function seatCost(session: PlanSession, alreadyOpen: boolean): number {
  return session.costPerSeat + (session.opening && !alreadyOpen ? session.opening.cost : 0);
}

/** Benefit per dong of candidate i, counting a class's opening cost shared over its minimum size. */
export function benefitPerDong(instance: PlanInstance, i: number): number {
  const session = instance.sessions[instance.candidates.session[i]!]!;
  const benefit = instance.candidates.benefit[i]!;
  const cost = session.costPerSeat + (session.opening ? session.opening.cost / Math.max(1, session.opening.minClass) : 0);
  return cost > 0 ? benefit / cost : benefit * 1e12;
}
