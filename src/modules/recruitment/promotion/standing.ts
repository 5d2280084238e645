/**
 * One internal candidate's standing for a round: the fit against the position's profile (fit-score.ts, with
 * the round's digital weight), the shortfalls, and every eligibility rule's outcome; then the eligible are
 * ranked (ranking.ts). Pure: the service reads the evidence for the whole subtree in a few set-based queries.
 */
import type { QualityLevel } from '../../evaluation/quality-classification.js';
import { fitScore, fitScoreOnly, type ProfileRequirement, type Shortfall } from '../fit-score.js';
import { checkEligibility, qualityPoints, qualityYears, type PromotionRules, type RuleCheck } from './eligibility.js';
import type { LevelLookup } from './packed-levels.js';
import { rankCandidates, type RankCriterion } from './ranking.js';

export interface PersonEvidence {
  personId: string;
  staffCode: string;
  fullName: string;
  agencyName: string;
  holdsPosition: boolean;
  /** The newest full consolidated cycle the person was assessed in (null: never). */
  cycle: { id: string; name: string } | null;
  /** Assessed level by competency id, in that cycle (a Map, or the packed read's lookup). */
  levels: LevelLookup;
  quality: ReadonlyMap<number, QualityLevel>;
  trainingHours: number;
  completedCourseCodes: ReadonlySet<string>;
}

export interface StandingExplanation {
  cycle: { id: string; name: string } | null;
  fit: number | null;
  digitalFit: number | null;
  shortfalls: Shortfall[];
  checks: RuleCheck[];
  qualityPoints: number;
  trainingHours: number;
  separatedBy: RankCriterion | null;
}

export interface Standing {
  personId: string;
  staffCode: string;
  fullName: string;
  agencyName: string;
  eligible: boolean;
  rank: number | null;
  explanation: StandingExplanation;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Each person's standing: the eligible ranked first (by rank), then the ineligible by staff code. */
export function computeStandings(
  profile: readonly ProfileRequirement[],
  rules: PromotionRules,
  people: readonly PersonEvidence[],
  asOf: string,
): { eligible: Standing[]; ineligible: Standing[] } {
  const digital = profile.filter((r) => r.digital);
  const options = { digitalWeight: rules.digital.weight };
  const years = rules.quality ? qualityYears(rules.quality) : null;
  const eligible: Array<Standing & { fit: number; digitalFit: number | null; qualityPoints: number; trainingHours: number }> = [];
  const ineligible: Standing[] = [];
  for (const person of people) {
    const assessed = person.cycle !== null;
    const fit = assessed ? fitScore(profile, person.levels, options) : null;
    const digitalFit = assessed && digital.length > 0 ? fitScoreOnly(digital, person.levels) : null;
    const { eligible: ok, checks } = checkEligibility(
      rules,
      {
        assessed,
        holdsPosition: person.holdsPosition,
        quality: person.quality,
        trainingHours: person.trainingHours,
        completedCourseCodes: person.completedCourseCodes,
        fit: fit?.score ?? null,
        digitalLevels: digital.map((d) => ({ competencyId: d.competencyId, assessedLevel: person.levels.get(d.competencyId) ?? null })),
      },
      asOf,
    );
    const points = years ? qualityPoints(years.map((y) => person.quality.get(y) ?? null)) : 0;
    const explanation: StandingExplanation = {
      cycle: person.cycle,
      fit: fit?.score ?? null,
      digitalFit,
      shortfalls: fit?.shortfalls ?? [],
      checks,
      qualityPoints: points,
      trainingHours: round2(person.trainingHours),
      separatedBy: null,
    };
    const standing: Standing = {
      personId: person.personId,
      staffCode: person.staffCode,
      fullName: person.fullName,
      agencyName: person.agencyName,
      eligible: ok,
      rank: null,
      explanation,
    };
    if (ok) eligible.push({ ...standing, fit: fit!.score, digitalFit, qualityPoints: points, trainingHours: explanation.trainingHours });
    else ineligible.push(standing);
  }
  const ranked = rankCandidates(eligible).map(({ fit: _f, digitalFit: _d, qualityPoints: _q, trainingHours: _t, separatedBy, ...s }) => ({
    ...s,
    rank: s.rank,
    explanation: { ...s.explanation, separatedBy },
  }));
  ineligible.sort((a, b) => (a.staffCode < b.staffCode ? -1 : a.staffCode > b.staffCode ? 1 : 0));
  return { eligible: ranked, ineligible };
}
