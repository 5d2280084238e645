import { mean, sampleVariance, sampleWithReplacement, quantileSorted } from 'simple-statistics';
import { jStat } from 'jstat';

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

export function differenceInDifferences(treated: readonly LevelChange[], comparison: readonly LevelChange[], minGroupSize = MIN_GROUP_SIZE): EffectEstimate {
  const t = changes(treated);
  const c = changes(comparison);
  const base = { treatedN: t.length, comparisonN: c.length };
  const treatedChange = t.length ? mean(t) : null;
  const comparisonChange = c.length ? mean(c) : null;
  if (t.length < Math.max(2, minGroupSize) || c.length < Math.max(2, minGroupSize)) {
    const effect = treatedChange !== null && comparisonChange !== null ? treatedChange - comparisonChange : null;
    return { ...base, treatedChange, comparisonChange, effect, low: null, high: null, verdict: 'too_small' };
  }
  const effect = treatedChange! - comparisonChange!;
  const vt = sampleVariance(t) / t.length;
  const vc = sampleVariance(c) / c.length;
  const se = Math.sqrt(vt + vc);
  let low: number;
  let high: number;
  if (se === 0) {
    // Every change identical within each group: the difference is exact.
    low = high = effect;
  } else {
    const dof = (vt + vc) ** 2 / (vt ** 2 / (t.length - 1) + vc ** 2 / (c.length - 1));
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
