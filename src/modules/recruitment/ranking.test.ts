import { describe, expect, it } from 'vitest';
import { combinedLevels, rankCandidates, shortlistSize, type RankingCandidate } from './ranking.js';
import type { ProfileRequirement } from './fit-score.js';

const profile: ProfileRequirement[] = [
  { competencyId: 'A', requiredLevel: 4, criticality: 3 },
  { competencyId: 'B', requiredLevel: 2, criticality: 1 },
];
const stages = [
  { id: 'test', ordinal: 2, weight: 0.4 },
  { id: 'interview', ordinal: 3, weight: 0.6 },
];
const levels = (o: Record<string, Record<string, number>>) => new Map(Object.entries(o).map(([s, l]) => [s, new Map(Object.entries(l))]));
const at = (d: string) => new Date(`2026-03-${d}T00:00:00Z`);
const candidates: RankingCandidate[] = [
  // A = 0.6·4 + 0.4·2 = 3.2, B = 2 → (3·3.2/4 + 1)/4 = 85; interview fit 100, test fit (1.5 + 1)/4 = 62.5.
  { applicationId: 'X', submittedAt: at('05'), priority: 0, stageLevels: levels({ interview: { A: 4, B: 2 }, test: { A: 2, B: 2 } }) },
  // A = 0.6·2 + 0.4·5 = 3.2, B = 2 → 85 too; interview fit 62.5, test fit 100.
  { applicationId: 'Y', submittedAt: at('01'), priority: 1, stageLevels: levels({ interview: { A: 2, B: 2 }, test: { A: 5, B: 2 } }) },
  // Only the interview: A = 4, B = 1 → (3 + 0.5)/4 = 87.5.
  { applicationId: 'Z', submittedAt: at('09'), priority: 0, stageLevels: levels({ interview: { A: 4, B: 1 } }) },
  // No evidence at all: 0.
  { applicationId: 'W', submittedAt: at('02'), priority: 0, stageLevels: levels({}) },
];

describe('ranking', () => {
  it('weights the stages that assessed a competency', () => {
    expect(combinedLevels(stages, candidates[0]!.stageLevels)).toEqual(
      new Map([
        ['A', 3.2],
        ['B', 2],
      ]),
    );
    // A campaign that states no weights weighs its stages equally.
    expect(
      combinedLevels(
        [
          { id: 'test', ordinal: 1, weight: 0 },
          { id: 'interview', ordinal: 2, weight: 0 },
        ],
        candidates[1]!.stageLevels,
      ).get('A'),
    ).toBe(3.5);
  });

  it('ranks by fit, breaking the tie by the heaviest stage when the campaign says so (hand-computed)', () => {
    const ranked = rankCandidates(profile, stages, candidates, ['highest_weight_stage', 'priority'], { posts: 1, factor: 2 });
    expect(ranked.map((r) => [r.applicationId, r.rank, r.fit, r.decidedBy, r.shortlisted])).toEqual([
      ['Z', 1, 87.5, null, true],
      ['X', 2, 85, null, true],
      ['Y', 3, 85, 'highest_weight_stage', false],
      ['W', 4, 0, null, false],
    ]);
    expect(ranked[1]!.stageFits).toEqual([
      { stageId: 'interview', fit: 100 },
      { stageId: 'test', fit: 62.5 },
    ]);
    expect(ranked[1]!.shortfalls).toEqual([{ competencyId: 'A', requiredLevel: 4, assessedLevel: 3.2, gap: 0.8, weight: 3 }]);
  });

  it('follows the order of the rules the campaign states', () => {
    const ranked = rankCandidates(profile, stages, candidates, ['priority', 'highest_weight_stage'], { posts: 1 });
    expect(ranked.map((r) => r.applicationId)).toEqual(['Z', 'Y', 'X', 'W']);
    expect(ranked[2]!.decidedBy).toBe('priority');
    expect(rankCandidates(profile, stages, candidates, ['earlier_submission'], { posts: 1 }).map((r) => r.applicationId)).toEqual(['Z', 'Y', 'X', 'W']);
  });

  it('gives equals the same rank when no rule separates them, and shortlists them together', () => {
    const ranked = rankCandidates(profile, stages, candidates, [], { posts: 2 });
    expect(ranked.map((r) => [r.rank, r.tied, r.shortlisted])).toEqual([
      [1, false, true],
      [2, false, true],
      [2, true, true],
      [4, false, false],
    ]);
  });

  it('shortlists by threshold when HR sets one', () => {
    expect(
      rankCandidates(profile, stages, candidates, [], { posts: 1, threshold: 86 })
        .filter((r) => r.shortlisted)
        .map((r) => r.applicationId),
    ).toEqual(['Z']);
    expect(shortlistSize({ posts: 3, factor: 1.5 })).toBe(5);
    expect(shortlistSize({ posts: 2, factor: 1.5 })).toBe(3);
  });
});
