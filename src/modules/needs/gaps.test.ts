import { describe, expect, it } from 'vitest';
import { computeGaps, meetsProfile, rankNeeds } from './gaps.js';

describe('gap arithmetic', () => {
  const gaps = computeGaps([
    { competencyId: 'DT1', requiredLevel: 4, assessedLevel: 2.6, criticality: 3 },
    { competencyId: 'DT2', requiredLevel: 3, assessedLevel: 3.4, criticality: 1 },
    { competencyId: 'PA1', requiredLevel: 3, assessedLevel: 2, criticality: null },
    { competencyId: 'PA2', requiredLevel: 3, assessedLevel: null, criticality: 3 },
    { competencyId: 'PA3', requiredLevel: null, assessedLevel: 2, criticality: 3 },
  ]);

  it('is required minus assessed, weighted by criticality, with only positive gaps as needs', () => {
    expect(gaps).toEqual([
      { competencyId: 'DT1', requiredLevel: 4, assessedLevel: 2.6, gap: 1.4, weightedNeed: 4.2, isNeed: true },
      { competencyId: 'DT2', requiredLevel: 3, assessedLevel: 3.4, gap: -0.4, weightedNeed: 0, isNeed: false },
      // no criticality in the profile: the middle weight, 2
      { competencyId: 'PA1', requiredLevel: 3, assessedLevel: 2, gap: 1, weightedNeed: 2, isNeed: true },
    ]);
  });

  it('ranks needs by weighted size and ignores strengths', () => {
    expect(rankNeeds(gaps).map((g) => g.competencyId)).toEqual(['DT1', 'PA1']);
  });

  it('says whether a person meets the profile', () => {
    expect(meetsProfile(gaps)).toBe(false);
    expect(meetsProfile(computeGaps([{ competencyId: 'X', requiredLevel: 3, assessedLevel: 3, criticality: 1 }]))).toBe(true);
  });
});
