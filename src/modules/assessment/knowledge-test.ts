/**
 * Objective evidence: a knowledge test drawn from a competency's question bank,
 * scored, and mapped to a proficiency level. Pure functions; the service stores
 * attempts and counts the level as the `test` source.
 */

/**
 * Score cut-offs (fractions of the maximum) for a scale of `levelCount` levels:
 * equal bands, so on five levels 0–19 % is level 1 and 80 % or more level 5.
 */
export function defaultCutoffs(levelCount: number): number[] {
  return Array.from({ length: Math.max(0, levelCount - 1) }, (_, i) => (i + 1) / levelCount);
}

/** Level = 1 + number of cut-offs the score reaches. `score` is a fraction 0..1. */
export function scoreToLevel(score: number, cutoffs: number[]): number {
  const clamped = Math.min(1, Math.max(0, score));
  // A tiny tolerance: 4/5 must reach the 0.8 cut-off despite binary fractions.
  return 1 + cutoffs.filter((cutoff) => clamped + 1e-9 >= cutoff).length;
}

/** Cut-offs must rise strictly inside (0, 1] and be one fewer than the levels. */
export function validCutoffs(cutoffs: number[], levelCount: number): boolean {
  if (cutoffs.length !== levelCount - 1) return false;
  return cutoffs.every((c, i) => c > 0 && c <= 1 && (i === 0 || c > cutoffs[i - 1]!));
}

export interface BankQuestion {
  id: string;
  correctOption: number;
}

/** Fraction of questions answered correctly; unanswered counts as wrong. */
export function scoreAnswers(questions: BankQuestion[], answers: Record<string, number | undefined>): { correct: number; total: number; score: number } {
  const total = questions.length;
  const correct = questions.filter((q) => answers[q.id] === q.correctOption).length;
  return { correct, total, score: total === 0 ? 0 : correct / total };
}

/** Draw `count` distinct questions uniformly (Fisher–Yates on a copy); `random` is injectable for tests. */
export function drawQuestions<T>(bank: T[], count: number, random: () => number = Math.random): T[] {
  const copy = bank.slice();
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
