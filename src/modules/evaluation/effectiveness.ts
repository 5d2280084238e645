import { mean, sampleWithReplacement, quantileSorted } from 'simple-statistics';
import jStat from 'jstat';

/**
 * Did a course raise a competency more than it would have risen anyway?
 * Difference in differences (issue 16, item 5): the mean change of the
 * trained people's assessed level (follow-up minus the cycle before) minus the
 * mean change of a comparison group who had the same gap and were not trained
 * in it. The interval is Welch's (unequal variances, Welch–Satterthwaite
 * degrees of freedom, Student's t from jstat); a percentile bootstrap is there
 * to check it when changes are few and lumpy (levels are small integers).
 * Pure: the grouping and matching happen in SQL, this only counts.
 */

/** One person's assessed level of the competency before training and at follow-up. */
export interface LevelChange {
  before: number;
  after: number;
}

export type EffectVerdict = 'raised' | 'no_difference' | 'lowered' | 'too_small';

export interface EffectEstimate {
  treatedN: number;
  comparisonN: number;
  /** Mean change of the trained people (after − before). */
  treatedChange: number | null;
  comparisonChange: number | null;
  /** treatedChange − comparisonChange, in levels. */
  effect: number | null;
  /** 95 % interval of the effect. */
  low: number | null;
  high: number | null;
  verdict: EffectVerdict;
}

/** Fewer people than this in either group and no conclusion is drawn: the groups are too small. */
export const MIN_GROUP_SIZE = 5;

const changes = (group: readonly LevelChange[]) => group.map((p) => p.after - p.before);

/**
 * A group's changes as sums: what the incrementally kept summary cells store
 * (evaluation_effect_cells), so the ranking never needs the people themselves.
 */
export interface ChangeMoments {
  n: number;
  sum: number;
  sumSq: number;
}

export function momentsOf(values: readonly number[]): ChangeMoments {
  let sum = 0;
  let sumSq = 0;
  for (const v of values) {
    sum += v;
    sumSq += v * v;
  }
  return { n: values.length, sum, sumSq };
}

export function differenceInDifferences(treated: readonly LevelChange[], comparison: readonly LevelChange[], minGroupSize = MIN_GROUP_SIZE): EffectEstimate {
  return differenceFromMoments(momentsOf(changes(treated)), momentsOf(changes(comparison)), minGroupSize);
}

/** Sample variance from sums; never below 0 (rounding of nearly identical changes). */
function varianceOf(m: ChangeMoments): number {
  return Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));
}

/** The same estimate from each group's sums (n, Σ change, Σ change²). */
export function differenceFromMoments(t: ChangeMoments, c: ChangeMoments, minGroupSize = MIN_GROUP_SIZE): EffectEstimate {
  const base = { treatedN: t.n, comparisonN: c.n };
  const treatedChange = t.n ? t.sum / t.n : null;
  const comparisonChange = c.n ? c.sum / c.n : null;
  if (t.n < Math.max(2, minGroupSize) || c.n < Math.max(2, minGroupSize)) {
    const effect = treatedChange !== null && comparisonChange !== null ? treatedChange - comparisonChange : null;
    return { ...base, treatedChange, comparisonChange, effect, low: null, high: null, verdict: 'too_small' };
  }
  const effect = treatedChange! - comparisonChange!;
  const vt = varianceOf(t) / t.n;
  const vc = varianceOf(c) / c.n;
  const se = Math.sqrt(vt + vc);
  let low: number;
  let high: number;
  // Every change identical within each group (to rounding): the difference is exact.
  if (se < 1e-12) {
    low = high = effect;
  } else {
    const dof = (vt + vc) ** 2 / (vt ** 2 / (t.n - 1) + vc ** 2 / (c.n - 1));
    const margin = jStat.studentt.inv(0.975, dof) * se;
    low = effect - margin;
    high = effect + margin;
  }
  return { ...base, treatedChange, comparisonChange, effect, low, high, verdict: verdictOf(low, high) };
}

function verdictOf(low: number, high: number): EffectVerdict {
  if (low > 0) return 'raised';
  if (high < 0) return 'lowered';
  return 'no_difference';
}

/**
 * Percentile bootstrap interval of the same effect, resampling each group with
 * replacement. `random` is a seeded source in tests (Math.random otherwise).
 */
export function bootstrapInterval(
  treated: readonly LevelChange[],
  comparison: readonly LevelChange[],
  options: { resamples?: number; random?: () => number } = {},
): { low: number; high: number } | null {
  const t = changes(treated);
  const c = changes(comparison);
  if (t.length < 2 || c.length < 2) return null;
  const resamples = options.resamples ?? 2000;
  const random = options.random ?? Math.random;
  const effects: number[] = [];
  for (let i = 0; i < resamples; i++) {
    effects.push(mean(sampleWithReplacement(t, t.length, random)) - mean(sampleWithReplacement(c, c.length, random)));
  }
  effects.sort((a, b) => a - b);
  return { low: quantileSorted(effects, 0.025), high: quantileSorted(effects, 0.975) };
}

/** A deterministic source of uniform numbers in [0, 1) (mulberry32), for reproducible bootstraps. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
