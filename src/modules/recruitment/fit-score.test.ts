import { describe, expect, it } from 'vitest';
import { fitScore, type ProfileRequirement } from './fit-score.js';

const profile: ProfileRequirement[] = [
  { competencyId: 'A', requiredLevel: 4, criticality: 3 },
  { competencyId: 'B', requiredLevel: 2, criticality: 1 },
  { competencyId: 'D', requiredLevel: 3, criticality: 2, digital: true },
];

describe('fit score against a profile', () => {
  it('is 100 when every required level is reached, surplus earning nothing more', () => {
    expect(
      fitScore(
        profile,
        new Map([
          ['A', 5],
          ['B', 2],
          ['D', 3],
        ]),
      ).score,
    ).toBe(100);
  });

  it('weights each competency by its criticality (hand-computed)', () => {
    // A: 3 × 2/4 = 1.5; B: 1 × 2/2 = 1; D: 2 × 3/3 = 2 → 4.5 / 6 = 75 %.
    const fit = fitScore(
      profile,
      new Map([
        ['A', 2],
        ['B', 4],
        ['D', 3],
      ]),
    );
    expect(fit.score).toBe(75);
    expect(fit.shortfalls).toEqual([{ competencyId: 'A', requiredLevel: 4, assessedLevel: 2, gap: 2, weight: 3 }]);
  });

  it('counts a competency without evidence as level 0 and lists it', () => {
    // A: 3 × 4/4 = 3; B: 1 × 1/2 = 0.5; D: none → 3.5 / 6 = 58.33 %.
    const fit = fitScore(
      profile,
      new Map([
        ['A', 4],
        ['B', 1],
      ]),
    );
    expect(fit.score).toBe(58.33);
    expect(fit.shortfalls.map((s) => [s.competencyId, s.assessedLevel, s.gap])).toEqual([
      ['D', null, 3],
      ['B', 1, 1],
    ]);
  });

  it('weights the digital-government competencies more when asked', () => {
    // digitalWeight 2: D weighs 4. A: 3 × 4/4 = 3; B: 1; D: 4 × 1/3 = 1.333 → 5.333 / 8 = 66.67 %.
    expect(
      fitScore(
        profile,
        new Map([
          ['A', 4],
          ['B', 2],
          ['D', 1],
        ]),
        { digitalWeight: 2 },
      ).score,
    ).toBe(66.67);
    // Without it: 3 + 1 + 2/3 = 4.667 / 6 = 77.78 %.
    expect(
      fitScore(
        profile,
        new Map([
          ['A', 4],
          ['B', 2],
          ['D', 1],
        ]),
      ).score,
    ).toBe(77.78);
  });

  it('takes blank criticality as 2 and an empty profile as 0', () => {
    expect(fitScore([{ competencyId: 'X', requiredLevel: 2, criticality: null }], new Map([['X', 1]])).shortfalls[0]!.weight).toBe(2);
    expect(fitScore([], new Map()).score).toBe(0);
  });
});
