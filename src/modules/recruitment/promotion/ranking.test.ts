import { describe, expect, it } from 'vitest';
import { rankCandidates } from './ranking.js';

const c = (staffCode: string, fit: number, digitalFit: number | null, qualityPoints: number, trainingHours: number) => ({
  staffCode,
  fit,
  digitalFit,
  qualityPoints,
  trainingHours,
});

describe('ranking of eligible internal candidates', () => {
  it('orders by fit, then digital fit, quality points and training hours, and says what separated each', () => {
    const ranked = rankCandidates([
      c('E', 70, 50, 9, 10),
      c('B', 90, 80, 6, 40),
      c('D', 90, 80, 6, 12),
      c('A', 95, 60, 3, 0),
      c('C', 90, 80, 8, 0),
      c('F', 90, 90, 0, 0),
    ]);
    expect(ranked.map((r) => [r.staffCode, r.rank, r.separatedBy])).toEqual([
      ['A', 1, null],
      ['F', 2, 'fit'], // 95 > 90
      ['C', 3, 'digital_fit'], // 90 = 90, digital 90 > 80
      ['B', 4, 'quality'], // digital 80 = 80, points 8 > 6
      ['D', 5, 'training_hours'], // points 6 = 6, 40 h > 12 h
      ['E', 6, 'fit'],
    ]);
  });

  it('gives equal candidates the same rank (1, 2, 2, 4), listed by staff code', () => {
    const ranked = rankCandidates([c('Z', 80, null, 4, 8), c('M', 80, null, 4, 8), c('A', 85, null, 0, 0), c('Q', 60, null, 9, 99)]);
    expect(ranked.map((r) => [r.staffCode, r.rank, r.separatedBy])).toEqual([
      ['A', 1, null],
      ['M', 2, 'fit'],
      ['Z', 2, null],
      ['Q', 4, 'fit'],
    ]);
  });

  it('ranks nobody when nobody is eligible', () => {
    expect(rankCandidates([])).toEqual([]);
  });
});
