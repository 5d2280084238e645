import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapsClosed, openGaps } from '../training/plans/recommend.js';
import { candidateObjects } from '../../../test/support/plan-instances.js';
import { buildPlanInstance, type BuildOptions, type PlanPersonInput, type PlanSession, type SeatCandidate, type SeatReason } from './plan-instance.js';

type SeatWithReasons = SeatCandidate & { reasons: SeatReason[] };

/** The candidates as they were built before the index by competency: every person paired with every session. */
function everyPair(people: readonly PlanPersonInput[], sessions: readonly PlanSession[], options: BuildOptions): SeatWithReasons[] {
  const kept = people.filter((p) => !options.excluded?.has(p.id));
  const mandatory = new Set((options.mandatory ?? []).map((m) => `${m.personId}|${m.sessionId}`));
  const candidates: SeatWithReasons[] = [];
  kept.forEach((person, pi) => {
    const open = openGaps(person.standings);
    sessions.forEach((session, si) => {
      const isMandatory = mandatory.has(`${person.id}|${session.id}`);
      if (!isMandatory && options.taken?.has(`${person.id}|${session.courseId}`)) return;
      const reasons = open.size > 0 ? gapsClosed(session, open) : [];
      const realisation = session.realisation ?? 1;
      const weighted = reasons.map((r) => ({ ...r, weight: options.competencyWeights?.[r.competency] ?? 1, realisation }));
      const benefit = Math.round(weighted.reduce((sum, r) => sum + r.levels * r.criticality * r.weight, 0) * person.weight * realisation * 10_000) / 10_000;
      if (benefit <= 0 && !isMandatory) return;
      const competencies = isMandatory && reasons.length === 0 ? session.competencies.map((c) => c.competency) : reasons.map((r) => r.competency);
      candidates.push({
        person: pi,
        session: si,
        benefit: Math.max(0, benefit),
        competencies,
        keys: [...competencies, ...(session.clashes ?? [])],
        reasons: weighted,
        mandatory: isMandatory,
      });
    });
  });
  return candidates;
}

const competency = fc.constantFrom('K0', 'K1', 'K2', 'K3', 'K4', 'K5');

const peopleArb = fc.array(
  fc.record({
    standings: fc.uniqueArray(
      fc.record({
        competency,
        assessed: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 6 }),
        extra: fc.integer({ min: -1, max: 3 }),
        criticality: fc.integer({ min: 1, max: 3 }),
      }),
      { selector: (s) => s.competency, maxLength: 5 },
    ),
    weight: fc.constantFrom(1, 1.5),
  }),
  { maxLength: 12 },
);

const sessionsArb = fc.array(
  fc.record({
    from: fc.integer({ min: 1, max: 4 }),
    up: fc.integer({ min: 0, max: 2 }),
    competencies: fc.uniqueArray(competency, { maxLength: 3 }),
    realisation: fc.constantFrom(undefined, 0, 0.5, 1),
    course: fc.integer({ min: 0, max: 4 }),
    clash: fc.boolean(),
  }),
  { maxLength: 10 },
);

describe('building the candidate seats', () => {
  it('gives the same candidates, in the same order, as pairing every person with every session', () => {
    fc.assert(
      fc.property(
        peopleArb,
        sessionsArb,
        fc.array(fc.tuple(fc.nat(14), fc.nat(11)), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(14), fc.nat(5)), { maxLength: 6 }),
        fc.array(fc.nat(14), { maxLength: 3 }),
        (peopleIn, sessionsIn, mandatoryIn, takenIn, excludedIn) => {
          const people: PlanPersonInput[] = peopleIn.map((p, i) => ({
            id: `P${i}`,
            unitId: `U${i % 2}`,
            positionId: null,
            hoursLimit: 40,
            weight: p.weight,
            standings: p.standings.map((s) => ({
              competency: s.competency,
              assessedLevel: s.assessed,
              requiredLevel: s.assessed === null ? 3 : s.assessed + s.extra,
              criticality: s.criticality,
            })),
          }));
          const sessions: PlanSession[] = sessionsIn.map((s, j) => ({
            id: `S${j}`,
            courseId: `C${s.course}`,
            costPerSeat: 1_000_000,
            hours: 8,
            seats: 5,
            opening: null,
            competencies: s.competencies.map((k) => ({ competency: k, fromLevel: s.from, toLevel: s.from + s.up })),
            ...(s.realisation === undefined ? {} : { realisation: s.realisation }),
            ...(s.clash ? { clashes: ['@overlap'] } : {}),
          }));
          const options: BuildOptions = {
            budget: 10_000_000,
            competencyWeights: { K0: 2, K3: 1.5 },
            // Out-of-range ids are kept on purpose: a mandatory seat or a course of nobody is ignored.
            mandatory: mandatoryIn.map(([p, s]) => ({ personId: `P${p}`, sessionId: `S${s}` })),
            taken: new Set(takenIn.map(([p, c]) => `P${p}|C${c}`)),
            excluded: new Set(excludedIn.map((p) => `P${p}`)),
          };
          expect(candidateObjects(buildPlanInstance(people, sessions, options))).toEqual(everyPair(people, sessions, options));
        },
      ),
      { numRuns: 500 },
    );
  });
});
