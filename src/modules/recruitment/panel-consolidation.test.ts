import { describe, expect, it } from 'vitest';
import { consolidatePanel } from './panel-consolidation.js';

describe('panel consolidation', () => {
  it('takes the median, the mean and the population spread (hand-computed)', () => {
    // 2, 3, 5: median 3, mean 3.33, sd = sqrt(((−1.33)² + (−0.33)² + 1.67²)/3) = sqrt(4.667/3) = 1.25.
    expect(consolidatePanel([2, 3, 5])).toEqual({ level: 3, mean: 3.33, spread: 1.25, raters: 3, min: 2, max: 5, flag: 'panel_disagreement' });
  });

  it('flags members two levels apart, not one', () => {
    expect(consolidatePanel([3, 4])!.flag).toBeNull();
    expect(consolidatePanel([3, 4])!.level).toBe(3.5);
    expect(consolidatePanel([2, 4])!.flag).toBe('panel_disagreement');
  });

  it('has nothing to say without ratings; one member is their own level with no spread', () => {
    expect(consolidatePanel([])).toBeNull();
    expect(consolidatePanel([4])).toMatchObject({ level: 4, spread: 0, flag: null });
  });
});
