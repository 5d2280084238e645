import { describe, expect, it } from 'vitest';
import { realisation } from './measured-effect.js';

const twoLevels = [{ fromLevel: 1, toLevel: 3 }];

describe('the share of its nominal levels a course delivers', () => {
  it('keeps the nominal levels while the groups are too small to conclude, or nothing is measured', () => {
    expect(realisation(twoLevels, { gain: 0.2, verdict: 'too_small' })).toBe(1);
    expect(realisation(twoLevels, undefined)).toBe(1);
  });

  it('is the measured gain over the nominal one (0.5 levels of 2 → 0.25)', () => {
    expect(realisation(twoLevels, { gain: 0.5, verdict: 'raised' })).toBe(0.25);
    // Nominal is the mean over the competencies taught: (2 + 1) / 2 = 1.5; 0.9 / 1.5 = 0.6.
    expect(realisation([...twoLevels, { fromLevel: 2, toLevel: 3 }], { gain: 0.9, verdict: 'raised' })).toBe(0.6);
  });

  it('never credits beyond the promise, and a course that lowered levels brings nothing', () => {
    expect(realisation(twoLevels, { gain: 3, verdict: 'raised' })).toBe(1);
    expect(realisation(twoLevels, { gain: -0.4, verdict: 'lowered' })).toBe(0);
    expect(realisation(twoLevels, { gain: 0, verdict: 'no_difference' })).toBe(0);
  });
});
