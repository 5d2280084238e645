/**
 * Learning (level 2), without I/O: a pre-test and a post-test per enrolment,
 * scored 0–100 per competency and mapped to a level exactly as the knowledge
 * tests of the assessment module map theirs (scoreToLevel on the scale's
 * cut-offs); the gain per competency and per person.
 */
import { defaultCutoffs, scoreAnswers, scoreToLevel, type BankQuestion } from '../assessment/knowledge-test.js';
import { mean as ssMean } from 'simple-statistics';
import type { LearningPhase } from './learning.tables.js';

/** Questions drawn per competency of the course. */
export const QUESTIONS_PER_COMPETENCY = 5;

export interface CompetencyScore {
  competencyId: string;
  /** 0–100. */
  score: number;
  level: number;
}

/** The level of a 0–100 score on a scale of `levelCount` levels (the knowledge tests' equal bands). */
export function levelOfScore(score: number, levelCount: number): number {
  return scoreToLevel(score / 100, defaultCutoffs(levelCount));
}

/** Indexes of recorded scores outside 0–100 (or not numbers): each is an error naming its field. */
export function scoreRangeProblems(scores: ReadonlyArray<{ score: number }>): number[] {
  return scores.flatMap((s, i) => (Number.isFinite(s.score) && s.score >= 0 && s.score <= 100 ? [] : [i]));
}

/** Why a phase may not be taken or recorded now (null: it may). */
export function phaseProblem(
  phase: LearningPhase,
  state: { preSubmitted: boolean; thisSubmitted: boolean },
): 'learning_pre_test_first' | 'learning_test_submitted' | null {
  if (state.thisSubmitted) return 'learning_test_submitted';
  if (phase === 'post' && !state.preSubmitted) return 'learning_pre_test_first';
  return null;
}

/** An online attempt scored per competency: the share of its questions answered right, as 0–100. */
export function scoreAttempt(
  questions: ReadonlyArray<BankQuestion & { competencyId: string }>,
  answers: Record<string, number | undefined>,
  levelCount: number,
): CompetencyScore[] {
  const byCompetency = new Map<string, BankQuestion[]>();
  for (const q of questions) byCompetency.set(q.competencyId, [...(byCompetency.get(q.competencyId) ?? []), q]);
  return [...byCompetency].map(([competencyId, qs]) => {
    const score = Math.round(scoreAnswers(qs, answers).score * 10000) / 100;
    return { competencyId, score, level: levelOfScore(score, levelCount) };
  });
}

export interface PersonGain {
  competencyId: string;
  pre: CompetencyScore;
  post: CompetencyScore;
  scoreGain: number;
  levelGain: number;
}

/** One person's gains: the competencies scored in both tests. */
export function personGains(pre: readonly CompetencyScore[], post: readonly CompetencyScore[]): PersonGain[] {
  const before = new Map(pre.map((s) => [s.competencyId, s]));
  return post.flatMap((p) => {
    const b = before.get(p.competencyId);
    return b ? [{ competencyId: p.competencyId, pre: b, post: p, scoreGain: round2(p.score - b.score), levelGain: p.level - b.level }] : [];
  });
}

export interface CompetencyGain {
  competencyId: string;
  people: number;
  meanPre: number;
  meanPost: number;
  meanScoreGain: number;
  meanLevelGain: number;
}

/** Per competency over people: means of the pre and post scores and of the gains. */
export function competencyGains(people: ReadonlyArray<readonly PersonGain[]>): CompetencyGain[] {
  const by = new Map<string, PersonGain[]>();
  for (const gains of people) for (const g of gains) by.set(g.competencyId, [...(by.get(g.competencyId) ?? []), g]);
  return [...by].map(([competencyId, gs]) => ({
    competencyId,
    people: gs.length,
    meanPre: mean(gs.map((g) => g.pre.score)),
    meanPost: mean(gs.map((g) => g.post.score)),
    meanScoreGain: mean(gs.map((g) => g.scoreGain)),
    meanLevelGain: mean(gs.map((g) => g.levelGain)),
  }));
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : round2(ssMean(xs)));
const round2 = (x: number) => Math.round(x * 100) / 100;
