import { describe, expect, it } from 'vitest';
import { bootstrapInterval, differenceInDifferences, seededRandom, type LevelChange } from './effectiveness.js';

/** `n` people whose level changes are normal(mean, sd) (Box–Muller over a seeded source), starting at level 2. */
function group(n: number, meanChange: number, sd: number, seed: number): LevelChange[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return { before: 2, after: 2 + meanChange + sd * z };
  });
}

const fromChanges = (xs: number[]): LevelChange[] => xs.map((d) => ({ before: 2, after: 2 + d }));

describe('difference in differences', () => {
  it('computes Welch’s interval on a hand-worked example', () => {
    // Changes: trained 1,1,2,0,1 (mean 1, variance 0.5); comparison 0,1,0,0,1 (mean 0.4, variance 0.3).
    // Effect 0.6, standard error √(0.5/5 + 0.3/5) = 0.4, Welch df = 0.16² / (0.1²/4 + 0.06²/4) ≈ 7.53, t(0.975) ≈ 2.333.
    const e = differenceInDifferences(fromChanges([1, 1, 2, 0, 1]), fromChanges([0, 1, 0, 0, 1]));
    expect(e.treatedN).toBe(5);
    expect(e.effect).toBeCloseTo(0.6, 10);
    expect(e.low).toBeCloseTo(0.6 - 2.333 * 0.4, 2);
    expect(e.high).toBeCloseTo(0.6 + 2.333 * 0.4, 2);
    expect(e.verdict).toBe('no_difference');
  });

  it('finds a planted effect of 0.30 levels, with an interval around it that excludes 0', () => {
    const e = differenceInDifferences(group(400, 0.5, 0.5, 1), group(400, 0.2, 0.5, 2));
    expect(e.effect!).toBeGreaterThan(0.22);
    expect(e.effect!).toBeLessThan(0.38);
    expect(e.low!).toBeLessThan(0.3);
    expect(e.high!).toBeGreaterThan(0.3);
    expect(e.low!).toBeGreaterThan(0);
    expect(e.verdict).toBe('raised');
  });

  it('gives an interval covering 0 when training changed nothing', () => {
    const e = differenceInDifferences(group(300, 0.2, 0.6, 3), group(300, 0.2, 0.6, 4));
    expect(e.low!).toBeLessThan(0);
    expect(e.high!).toBeGreaterThan(0);
    expect(e.verdict).toBe('no_difference');
  });

  it('says the groups are too small rather than concluding', () => {
    const e = differenceInDifferences(fromChanges([2, 2, 2]), fromChanges([0, 0, 0, 0, 0, 0]));
    expect(e.verdict).toBe('too_small');
    expect(e.effect).toBe(2);
    expect(e.low).toBeNull();
    expect(differenceInDifferences([], fromChanges([0, 1])).effect).toBeNull();
  });

  it('is exact when every change within each group is the same', () => {
    const e = differenceInDifferences(fromChanges([1, 1, 1, 1, 1]), fromChanges([0, 0, 0, 0, 0]));
    expect([e.low, e.effect, e.high]).toEqual([1, 1, 1]);
    expect(e.verdict).toBe('raised');
  });

  it('the bootstrap interval agrees with Welch’s on a large sample, and is reproducible with a seed', () => {
    const treated = group(400, 0.5, 0.5, 5);
    const comparison = group(400, 0.2, 0.5, 6);
    const welch = differenceInDifferences(treated, comparison);
    const boot = bootstrapInterval(treated, comparison, { resamples: 1000, random: seededRandom(7) })!;
    expect(boot.low).toBeCloseTo(welch.low!, 1);
    expect(boot.high).toBeCloseTo(welch.high!, 1);
    expect(bootstrapInterval(treated, comparison, { resamples: 1000, random: seededRandom(7) })).toEqual(boot);
  });
});
