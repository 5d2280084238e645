/**
 * Input that no plan can satisfy, found before solving and explained by the
 * limit it breaks and by how much (issue 15: "an infeasible model is
 * explained, not a 500").
 */
import { seatCandidate, seatCost, type PlanInstance } from './plan-instance.js';

export type InputProblem =
  | { code: 'planning_session_no_seats'; session: number }
  | { code: 'planning_budget_below_cheapest_seat'; budget: number; cheapest: number; by: number }
  | { code: 'planning_mandatory_over_budget'; budget: number; mandatoryCost: number; by: number }
  | { code: 'planning_mandatory_over_seats'; session: number; seats: number; mandatory: number; by: number }
  | { code: 'planning_mandatory_over_hours'; person: number; hoursLimit: number; mandatoryHours: number; by: number }
  | { code: 'planning_mandatory_same_competency'; person: number; competency: string; sessions: number[] };

export function inputProblems(instance: PlanInstance): InputProblem[] {
  const problems: InputProblem[] = [];
  instance.sessions.forEach((s, session) => {
    if (s.seats <= 0) problems.push({ code: 'planning_session_no_seats', session });
  });
  if (instance.candidates.length > 0) {
    // A loop, not Math.min(...costs): 2.1 M arguments overflow the stack.
    let cheapest = Infinity;
    for (const s of instance.candidates.session) cheapest = Math.min(cheapest, seatCost(instance.sessions[s]!, false));
    if (cheapest > instance.budget)
      problems.push({ code: 'planning_budget_below_cheapest_seat', budget: instance.budget, cheapest, by: cheapest - instance.budget });
  }
  const mandatory = [];
  for (let i = 0; i < instance.candidates.length; i += 1) if (instance.candidates.mandatory[i]) mandatory.push(seatCandidate(instance, i));
  const perSession = new Map<number, number>();
  const hours = new Map<number, number>();
  const competencies = new Map<string, number[]>();
  const openedSessions = new Set<number>();
  let mandatoryCost = 0;
  for (const c of mandatory) {
    const session = instance.sessions[c.session]!;
    mandatoryCost += seatCost(session, openedSessions.has(c.session));
    openedSessions.add(c.session);
    perSession.set(c.session, (perSession.get(c.session) ?? 0) + 1);
    hours.set(c.person, (hours.get(c.person) ?? 0) + session.hours);
    for (const k of c.keys) competencies.set(`${c.person}:${k}`, [...(competencies.get(`${c.person}:${k}`) ?? []), c.session]);
  }
  if (mandatoryCost > instance.budget)
    problems.push({ code: 'planning_mandatory_over_budget', budget: instance.budget, mandatoryCost, by: mandatoryCost - instance.budget });
  for (const [session, n] of perSession) {
    const seats = instance.sessions[session]!.seats;
    if (n > seats && seats > 0) problems.push({ code: 'planning_mandatory_over_seats', session, seats, mandatory: n, by: n - seats });
  }
  for (const [person, h] of hours) {
    const limit = instance.people[person]!.hoursLimit;
    if (h > limit) problems.push({ code: 'planning_mandatory_over_hours', person, hoursLimit: limit, mandatoryHours: h, by: h - limit });
  }
  for (const [key, sessions] of competencies) {
    if (sessions.length < 2) continue;
    const cut = key.indexOf(':');
    problems.push({ code: 'planning_mandatory_same_competency', person: Number(key.slice(0, cut)), competency: key.slice(cut + 1), sessions });
  }
  return problems;
}
