import { describe, expect, it } from 'vitest';
import { compareCandidates, parseTieBreak, type TieBreakFacts } from './tie-break.js';

const base: TieBreakFacts = { fit: 80, stageFits: [80, 70], digitalFit: 60, priority: 0, submittedAt: new Date('2026-03-01T00:00:00Z') };

describe('tie-break rules', () => {
  it('reads the stated rules in order, ignoring unknown names and repeats', () => {
    expect(parseTieBreak(['priority', { rule: 'highest_weight_stage' }, 'coin_toss', 'priority'])).toEqual(['priority', 'highest_weight_stage']);
    expect(parseTieBreak(null)).toEqual([]);
  });

  it('never overrides the fit score', () => {
    expect(compareCandidates(['priority'], { ...base, fit: 81 }, { ...base, priority: 10 }).order).toBeLessThan(0);
  });

  it('applies the first rule that tells equal fits apart', () => {
    const a = { ...base, stageFits: [80, 75], priority: 0 };
    const b = { ...base, stageFits: [80, 70], priority: 5 };
    expect(compareCandidates(['highest_weight_stage', 'priority'], a, b)).toEqual({ order: -5, decidedBy: 'highest_weight_stage' });
    expect(compareCandidates(['priority', 'highest_weight_stage'], a, b)).toEqual({ order: 5, decidedBy: 'priority' });
    expect(compareCandidates(['digital_fit'], { ...a, digitalFit: 70 }, b)).toMatchObject({ decidedBy: 'digital_fit' });
    const early = { ...base, submittedAt: new Date('2026-02-01T00:00:00Z') };
    expect(compareCandidates(['earlier_submission'], base, early).order).toBeGreaterThan(0);
    expect(compareCandidates([], a, b)).toEqual({ order: 0, decidedBy: null });
  });
});
