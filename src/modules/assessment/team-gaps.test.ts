import { describe, expect, it } from 'vitest';
import { completionShare, teamGaps } from './team-gaps.js';

describe('teamGaps', () => {
  it('counts the members below the required level and the mean shortfall over everyone with a requirement', () => {
    // C1: required 3; levels 2.5 (gap 0.5), 1 (gap 2), 3.4 (none) → below 2, mean (0.5 + 2 + 0) / 3 = 0.83.
    // C2: required 2; levels 2, 4 → below 0, mean 0.
    const gaps = teamGaps([
      { personId: 'a', competencyId: 'C1', assessedLevel: 2.5, requiredLevel: 3 },
      { personId: 'b', competencyId: 'C1', assessedLevel: 1, requiredLevel: 3 },
      { personId: 'c', competencyId: 'C1', assessedLevel: 3.4, requiredLevel: 3 },
      { personId: 'a', competencyId: 'C2', assessedLevel: 2, requiredLevel: 2 },
      { personId: 'b', competencyId: 'C2', assessedLevel: 4, requiredLevel: 2 },
    ]);
    expect(gaps).toEqual([
      { competencyId: 'C1', people: 3, below: 2, meanGap: 0.83 },
      { competencyId: 'C2', people: 2, below: 0, meanGap: 0 },
    ]);
  });

  it('has no mean gap where no member’s position requires the competency, and lists it last', () => {
    const gaps = teamGaps([
      { personId: 'a', competencyId: 'X', assessedLevel: 1, requiredLevel: null },
      { personId: 'a', competencyId: 'Y', assessedLevel: 3, requiredLevel: 3 },
    ]);
    expect(gaps.map((g) => [g.competencyId, g.meanGap])).toEqual([
      ['Y', 0],
      ['X', null],
    ]);
  });

  it('orders equal counts by the larger mean gap', () => {
    const gaps = teamGaps([
      { personId: 'a', competencyId: 'small', assessedLevel: 2.8, requiredLevel: 3 },
      { personId: 'a', competencyId: 'large', assessedLevel: 1, requiredLevel: 3 },
    ]);
    expect(gaps.map((g) => g.competencyId)).toEqual(['large', 'small']);
  });
});

describe('completionShare', () => {
  it('is the share of forms submitted, and 0 when none were given', () => {
    expect(completionShare(3, 8)).toBe(0.38);
    expect(completionShare(0, 0)).toBe(0);
  });
});
