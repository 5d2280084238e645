/**
 * The order of eligible internal candidates (issue 17, item 5). Stated once, so the standing can say what
 * separated a candidate from the one above: fit against the profile first; then the fit on the
 * digital-government competencies alone (the explicit criterion); then the recent quality classifications
 * (points, excellent 3 … not completed 0); then hours of training completed in the window. Candidates equal on
 * all four share a rank (competition ranking: 1, 2, 2, 4) and are listed by staff code. Pure rules.
 */

export interface Rankable {
  staffCode: string;
  fit: number;
  /** null when the profile has no digital-government competency (counts as equal for everyone). */
  digitalFit: number | null;
  qualityPoints: number;
  trainingHours: number;
}

export const RANK_CRITERIA = ['fit', 'digital_fit', 'quality', 'training_hours'] as const;
export type RankCriterion = (typeof RANK_CRITERIA)[number];

const keys = (c: Rankable): number[] => [c.fit, c.digitalFit ?? -1, c.qualityPoints, c.trainingHours];

/** The first criterion on which `a` comes before `b` (or after: negative), or null when they are equal on all. */
function firstDifference(a: Rankable, b: Rankable): { criterion: RankCriterion; order: number } | null {
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return { criterion: RANK_CRITERIA[i]!, order: kb[i]! - ka[i]! };
  return null;
}

export type Ranked<T> = T & {
  rank: number;
  /** What put this candidate below the one listed above; null for the first and for a tie (same rank). */
  separatedBy: RankCriterion | null;
};

export function rankCandidates<T extends Rankable>(candidates: readonly T[]): Array<Ranked<T>> {
  const sorted = [...candidates].sort((a, b) => firstDifference(a, b)?.order ?? (a.staffCode < b.staffCode ? -1 : a.staffCode > b.staffCode ? 1 : 0));
  const ranked: Array<Ranked<T>> = [];
  sorted.forEach((candidate, i) => {
    const above = ranked[i - 1];
    const difference = above ? firstDifference(above, candidate) : null;
    ranked.push({ ...candidate, rank: !above ? 1 : difference ? i + 1 : above.rank, separatedBy: difference?.criterion ?? null });
  });
  return ranked;
}
