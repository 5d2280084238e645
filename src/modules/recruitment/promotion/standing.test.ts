import { describe, expect, it } from 'vitest';
import type { ProfileRequirement } from '../fit-score.js';
import { NO_RULES } from './eligibility.js';
import { computeStandings, type PersonEvidence } from './standing.js';

// A leader's profile: A (level 4, criticality 3), D a digital-government competency (level 3, criticality 2).
const profile: ProfileRequirement[] = [
  { competencyId: 'A', requiredLevel: 4, criticality: 3 },
  { competencyId: 'D', requiredLevel: 3, criticality: 2, digital: true },
];

const person = (staffCode: string, levels: Array<[string, number]> | null, over: Partial<PersonEvidence> = {}): PersonEvidence => ({
  personId: `p-${staffCode}`,
  staffCode,
  fullName: `Người ${staffCode}`,
  agencyName: 'Sở Nội vụ',
  holdsPosition: false,
  cycle: levels ? { id: 'c1', name: 'Đợt 2025' } : null,
  levels: new Map(levels ?? []),
  quality: new Map([[2025, 'good']]),
  trainingHours: 0,
  completedCourseCodes: new Set(),
  ...over,
});

describe('standings of a promotion round (hand-computed)', () => {
  it('fits with the digital weight, ranks the eligible and lists the rest with the failed rules', () => {
    const people = [
      // X: A 4/4, D 1/3. Weights A 3, D 2×2 = 4: (3 + 4/3) / 7 = 61.90; digital fit 33.33.
      person('X', [
        ['A', 4],
        ['D', 1],
      ]),
      // Y: A 2/4, D 3/3: (1.5 + 4) / 7 = 78.57; digital fit 100.
      person('Y', [
        ['A', 2],
        ['D', 3],
      ]),
      // Z holds the post already; W was never assessed.
      person(
        'Z',
        [
          ['A', 4],
          ['D', 3],
        ],
        { holdsPosition: true },
      ),
      person('W', null),
    ];
    const { eligible, ineligible } = computeStandings(profile, { ...NO_RULES, digital: { weight: 2, minLevel: null } }, people, '2026-06-01');
    expect(eligible.map((s) => [s.staffCode, s.rank, s.explanation.fit, s.explanation.digitalFit, s.explanation.separatedBy])).toEqual([
      ['Y', 1, 78.57, 100, null],
      ['X', 2, 61.9, 33.33, 'fit'],
    ]);
    expect(eligible[0]!.explanation.shortfalls).toEqual([{ competencyId: 'A', requiredLevel: 4, assessedLevel: 2, gap: 2, weight: 3 }]);
    expect(ineligible.map((s) => [s.staffCode, s.rank, s.explanation.checks.filter((c) => !c.passed).map((c) => c.rule)])).toEqual([
      ['W', null, ['assessed']],
      ['Z', null, ['not_holder']],
    ]);
  });

  it('without the digital weight X comes first: (3 + 2/3) / 5 = 73.33 against (1.5 + 2) / 5 = 70', () => {
    const { eligible } = computeStandings(
      profile,
      NO_RULES,
      [
        person('X', [
          ['A', 4],
          ['D', 1],
        ]),
        person('Y', [
          ['A', 2],
          ['D', 3],
        ]),
      ],
      '2026-06-01',
    );
    expect(eligible.map((s) => [s.staffCode, s.explanation.fit])).toEqual([
      ['X', 73.33],
      ['Y', 70],
    ]);
  });
});
