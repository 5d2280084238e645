/**
 * Ranking a campaign's candidates for one position, without I/O. A candidate's level on a competency is the mean
 * of their stage levels weighted by the stages' weights (the panel's consolidated level at a rated stage, the test
 * level at a knowledge test), over the stages that assessed it; the fit score (fit-score.ts) is taken on those
 * levels. Equal fits are ordered by the campaign's tie-break rules (tie-break.ts). The shortlist is the top
 * posts × factor, or everyone at or above a threshold when HR sets one.
 */
import { fitScore, type ProfileRequirement, type Shortfall } from './fit-score.js';
import { compareCandidates, type TieBreakFacts, type TieBreakRule } from './tie-break.js';

export interface RankingStage {
  id: string;
  ordinal: number;
  /** 0–1, the share the campaign gives the stage; a campaign that states none weighs its stages equally. */
  weight: number;
}

export interface RankingCandidate {
  applicationId: string;
  submittedAt: Date;
  priority: number;
  /** Per stage, the level per competency that stage established. */
  stageLevels: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface ShortlistRule {
  posts: number;
  /** Shortlist the top ceil(posts × factor) (default 1). */
  factor?: number;
  /** When set: everyone with a fit at or above it instead. */
  threshold?: number;
}

export interface RankedCandidate {
  applicationId: string;
  rank: number;
  fit: number;
  shortfalls: Shortfall[];
  levels: Map<string, number>;
  stageFits: Array<{ stageId: string; fit: number }>;
  digitalFit: number;
  /** The tie-break rule that placed the candidate below the one before (null: the fit did, or first). */
  decidedBy: TieBreakRule | null;
  /** Equal to the one before on the fit and every rule: the same rank. */
  tied: boolean;
  shortlisted: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The stages in the order the highest_weight_stage rule compares them: heaviest first, the later stage first on equal weight. */
export function rankedStages(stages: readonly RankingStage[]): RankingStage[] {
  return [...stages].sort((a, b) => b.weight - a.weight || b.ordinal - a.ordinal);
}

/** The weighted mean of the stage levels per competency, over the stages that assessed it (2 decimals). */
export function combinedLevels(stages: readonly RankingStage[], stageLevels: RankingCandidate['stageLevels']): Map<string, number> {
  const equal = stages.every((s) => s.weight <= 0);
  const sums = new Map<string, { weighted: number; weight: number }>();
  for (const stage of stages) {
    const weight = equal ? 1 : stage.weight;
    const levels = stageLevels.get(stage.id);
    if (!levels || weight <= 0) continue;
    for (const [competencyId, level] of levels) {
      const sum = sums.get(competencyId) ?? { weighted: 0, weight: 0 };
      sum.weighted += weight * level;
      sum.weight += weight;
      sums.set(competencyId, sum);
    }
  }
  return new Map([...sums].map(([c, s]) => [c, round2(s.weighted / s.weight)]));
}

export function shortlistSize(rule: ShortlistRule): number {
  return Math.ceil(rule.posts * (rule.factor ?? 1) - 1e-9);
}

/** What a candidate's evidence gives against the profile: kept per application (standings.service.ts), ordered at read. */
export interface ScoredCandidate {
  applicationId: string;
  fit: number;
  shortfalls: Shortfall[];
  levels: Map<string, number>;
  /** Heaviest stage first (rankedStages). */
  stageFits: Array<{ stageId: string; fit: number }>;
  digitalFit: number;
}

export function scoreCandidate(profile: readonly ProfileRequirement[], stages: readonly RankingStage[], candidate: RankingCandidate): ScoredCandidate {
  const levels = combinedLevels(stages, candidate.stageLevels);
  const fit = fitScore(profile, levels);
  const digital = profile.filter((r) => r.digital);
  return {
    applicationId: candidate.applicationId,
    fit: fit.score,
    shortfalls: fit.shortfalls,
    levels,
    stageFits: rankedStages(stages).map((s) => ({ stageId: s.id, fit: fitScore(profile, candidate.stageLevels.get(s.id) ?? new Map()).score })),
    digitalFit: digital.length ? fitScore(digital, levels).score : 0,
  };
}

/** The scored candidates in the campaign's order: fit, then its tie-break rules; ranks, ties and the shortlist. */
export function orderCandidates(
  scored: ReadonlyArray<ScoredCandidate & Pick<RankingCandidate, 'submittedAt' | 'priority'>>,
  rules: readonly TieBreakRule[],
  shortlist: ShortlistRule,
): RankedCandidate[] {
  const withFacts = scored.map((s) => {
    const facts: TieBreakFacts = {
      fit: s.fit,
      stageFits: s.stageFits.map((f) => f.fit),
      digitalFit: s.digitalFit,
      priority: s.priority,
      submittedAt: s.submittedAt,
    };
    return { s, facts };
  });
  // Ids last, so the order never depends on the order rows came from the database.
  withFacts.sort((a, b) => compareCandidates(rules, a.facts, b.facts).order || (a.s.applicationId < b.s.applicationId ? -1 : 1));
  const size = shortlistSize(shortlist);
  const out: RankedCandidate[] = [];
  for (const [i, { s, facts }] of withFacts.entries()) {
    const against = i > 0 ? compareCandidates(rules, withFacts[i - 1]!.facts, facts) : null;
    const tied = against !== null && against.order === 0;
    const rank = tied ? out[i - 1]!.rank : i + 1;
    out.push({
      applicationId: s.applicationId,
      rank,
      fit: s.fit,
      shortfalls: s.shortfalls,
      levels: s.levels,
      stageFits: s.stageFits,
      digitalFit: s.digitalFit,
      decidedBy: against?.decidedBy ?? null,
      tied,
      // A shared rank at the cut-off is shortlisted whole: HR, not the row order, decides between equals.
      shortlisted: shortlist.threshold !== undefined ? s.fit >= shortlist.threshold : rank <= size,
    });
  }
  return out;
}

export function rankCandidates(
  profile: readonly ProfileRequirement[],
  stages: readonly RankingStage[],
  candidates: readonly RankingCandidate[],
  rules: readonly TieBreakRule[],
  shortlist: ShortlistRule,
): RankedCandidate[] {
  return orderCandidates(
    candidates.map((c) => ({ ...scoreCandidate(profile, stages, c), submittedAt: c.submittedAt, priority: c.priority })),
    rules,
    shortlist,
  );
}
