/**
 * The annual plan's model as plain data (issue 15): who could take which
 * seat, what it brings and what it costs. Pure: the repository hands over
 * people, their standings and the sessions on offer; the solver, the greedy
 * baseline and the plan checker all read this one shape.
 */
import { gapsClosed, openGaps, type GapClosed, type Standing } from '../training/plans/recommend.js';

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

/** A seat worth offering: the person needs what the session teaches (benefit > 0), or it is mandatory. */
export interface SeatCandidate {
  person: number;
  session: number;
  /** Σ levels closed × criticality × competency weight × person weight × the course's measured realisation. */
  benefit: number;
  /** The competencies whose gap this seat closes: at most one seat per person and competency. */
  competencies: readonly string[];
  /** The competencies and the session's clash keys: at most one seat per person and key. */
  keys: readonly string[];
  reasons: readonly SeatReason[];
  mandatory: boolean;
}

export interface PlanInstance {
  budget: number;
  /** Optional budget per unit for the seats of its people (opening costs count only in the total). */
  unitBudgets: Readonly<Record<string, number>>;
  people: readonly PlanPerson[];
  sessions: readonly PlanSession[];
  candidates: readonly SeatCandidate[];
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

/** Every seat with a benefit, plus the mandatory ones (a mandatory seat is kept even when it closes no gap). */
export function buildPlanInstance(people: readonly PlanPersonInput[], sessions: readonly PlanSession[], options: BuildOptions): PlanInstance {
  const kept = people.filter((p) => !options.excluded?.has(p.id));
  const sessionsById = new Map<string, number[]>();
  sessions.forEach((s, si) => sessionsById.set(s.id, [...(sessionsById.get(s.id) ?? []), si]));
  const mandatoryOf = new Map<string, number[]>();
  for (const m of options.mandatory ?? []) mandatoryOf.set(m.personId, [...(mandatoryOf.get(m.personId) ?? []), ...(sessionsById.get(m.sessionId) ?? [])]);
  const byCompetency = sessionsByCompetency(sessions);
  const candidates: SeatCandidate[] = [];
  const seen = new Uint8Array(sessions.length);
  kept.forEach((person, pi) => {
    const open = openGaps(person.standings);
    const mandatory = new Set(mandatoryOf.get(person.id));
    const paired: number[] = [...mandatory];
    for (const si of paired) seen[si] = 1;
    for (const competency of open.keys())
      for (const si of byCompetency.get(competency) ?? [])
        if (!seen[si]) {
          seen[si] = 1;
          paired.push(si);
        }
    paired.sort((a, b) => a - b);
    for (const si of paired) {
      seen[si] = 0;
      const session = sessions[si]!;
      const isMandatory = mandatory.has(si);
      if (!isMandatory && options.taken?.has(`${person.id}|${session.courseId}`)) continue;
      const reasons = open.size > 0 ? gapsClosed(session, open) : [];
      const realisation = session.realisation ?? 1;
      // The reasons are this pair's own objects: weighed in place (2.1 M candidates at 20,000 × 800, memory counts).
      const weighted = reasons as SeatReason[];
      let sum = 0;
      for (const r of weighted) {
        r.weight = options.competencyWeights?.[r.competency] ?? 1;
        r.realisation = realisation;
        sum += r.levels * r.criticality * r.weight;
      }
      const benefit = round4(sum * person.weight * realisation);
      if (benefit <= 0 && !isMandatory) continue;
      const competencies = isMandatory && reasons.length === 0 ? session.competencies.map((c) => c.competency) : reasons.map((r) => r.competency);
      candidates.push({
        person: pi,
        session: si,
        benefit: Math.max(0, benefit),
        competencies,
        // Shared when the session clashes with none: the keys are then the competencies.
        keys: session.clashes?.length ? [...competencies, ...session.clashes] : competencies,
        reasons: weighted,
        mandatory: isMandatory,
      });
    }
  });
  return {
    budget: options.budget,
    unitBudgets: options.unitBudgets ?? {},
    people: kept.map(({ standings: _standings, ...p }) => p),
    sessions,
    candidates,
  };
}

/** What a seat costs to add to a plan in which its session is (or is not yet) open. */
export function seatCost(session: PlanSession, alreadyOpen: boolean): number {
  return session.costPerSeat + (session.opening && !alreadyOpen ? session.opening.cost : 0);
}

/** Benefit per dong, counting a class's opening cost shared over its minimum size. */
export function benefitPerDong(instance: PlanInstance, candidate: SeatCandidate): number {
  const session = instance.sessions[candidate.session]!;
  const cost = session.costPerSeat + (session.opening ? session.opening.cost / Math.max(1, session.opening.minClass) : 0);
  return cost > 0 ? candidate.benefit / cost : candidate.benefit * 1e12;
}
