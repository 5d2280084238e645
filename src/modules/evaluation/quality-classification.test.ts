import { describe, expect, it } from 'vitest';
import { annualScore, checkExcellentQuota, excellentQuota, levelForScore, scoreProblems } from './quality-classification.js';

describe('quality classification (Decree 335/2025)', () => {
  it('levels by score at the decree’s boundaries', () => {
    expect([90, 89.9, 70, 69.9, 50, 49.9, 100, 0].map((s) => levelForScore(s))).toEqual([
      'excellent',
      'good',
      'good',
      'completed',
      'completed',
      'not_completed',
      'excellent',
      'not_completed',
    ]);
  });

  it('a disqualifying condition means not completed whatever the score', () => {
    expect(levelForScore(98, true)).toBe('not_completed');
  });

  it('the year’s score is the mean of the periods’ totals, to one decimal', () => {
    expect(
      annualScore([
        { general: 28, tasks: 65 },
        { general: 27, tasks: 60 },
        { general: 30, tasks: 62 },
        { general: 29, tasks: 61 },
      ]),
    ).toBe(90.5);
    expect(
      annualScore([
        { general: 20, tasks: 50 },
        { general: 20, tasks: 49.99 },
        { general: 20, tasks: 50 },
      ]),
    ).toBe(70);
    expect(annualScore([])).toBeNull();
  });

  it('reports every score outside its part’s range', () => {
    expect(
      scoreProblems([
        { general: 31, tasks: 70 },
        { general: 10, tasks: -1 },
        { general: Number.NaN, tasks: 71 },
      ]),
    ).toEqual([
      { field: 'general', index: 0, max: 30 },
      { field: 'tasks', index: 1, max: 70 },
      { field: 'general', index: 2, max: 30 },
      { field: 'tasks', index: 2, max: 70 },
    ]);
  });

  it('excellent is at most 20 % of those rated good, rounded down', () => {
    expect([0, 4, 5, 9, 10, 14, 15].map(excellentQuota)).toEqual([0, 0, 1, 1, 2, 2, 3]);
    expect(checkExcellentQuota(['excellent', ...Array<'good'>(5).fill('good'), 'completed'])).toEqual({ ok: true, excellent: 1, good: 5, quota: 1, excess: 0 });
    expect(checkExcellentQuota(['excellent', 'excellent', ...Array<'good'>(9).fill('good')])).toMatchObject({ ok: false, quota: 1, excess: 1 });
  });
});

describe('recorded periods', () => {
  it('are the months or the quarters of the year, each once', async () => {
    const { periodProblem, levelRank } = await import('./quality-classification.js');
    expect(periodProblem(2026, ['2026-01', '2026-02', '2026-12'])).toBeNull();
    expect(periodProblem(2026, ['2026-Q1', '2026-Q4'])).toBeNull();
    expect(periodProblem(2026, ['2026-Q1', '2026-02'])).toBe(1);
    expect(periodProblem(2026, ['2026-01', '2026-01'])).toBe(1);
    expect(periodProblem(2026, ['2025-12'])).toBe(0);
    expect(periodProblem(2026, ['2026-13'])).toBe(0);
    expect(levelRank('excellent')).toBeLessThan(levelRank('good'));
  });
});
