import { describe, expect, it } from 'vitest';
import { competencyGains, levelOfScore, personGains, phaseProblem, scoreAttempt, scoreRangeProblems } from './learning-tests.rules.js';

describe('score to level', () => {
  it('maps 0–100 as the knowledge tests do: equal bands on five levels', () => {
    expect([0, 19.99, 20, 59, 60, 80, 100].map((s) => levelOfScore(s, 5))).toEqual([1, 1, 2, 3, 4, 5, 5]);
  });
  it('refuses recorded scores outside 0–100, by index', () => {
    expect(scoreRangeProblems([{ score: 0 }, { score: 100 }, { score: 101 }, { score: -1 }, { score: Number.NaN }])).toEqual([2, 3, 4]);
  });
});

describe('order of the tests', () => {
  it('a post-test needs a submitted pre-test; a test is taken once', () => {
    expect(phaseProblem('post', { preSubmitted: false, thisSubmitted: false })).toBe('learning_pre_test_first');
    expect(phaseProblem('post', { preSubmitted: true, thisSubmitted: false })).toBeNull();
    expect(phaseProblem('pre', { preSubmitted: false, thisSubmitted: false })).toBeNull();
    expect(phaseProblem('pre', { preSubmitted: true, thisSubmitted: true })).toBe('learning_test_submitted');
  });
});

describe('scoring and gains', () => {
  const qs = [
    { id: 'a1', competencyId: 'A', correctOption: 0 },
    { id: 'a2', competencyId: 'A', correctOption: 1 },
    { id: 'b1', competencyId: 'B', correctOption: 2 },
  ];
  it('scores each competency on its own questions', () => {
    expect(scoreAttempt(qs, { a1: 0, a2: 0, b1: 2 }, 5)).toEqual([
      { competencyId: 'A', score: 50, level: 3 },
      { competencyId: 'B', score: 100, level: 5 },
    ]);
  });
  it('gain per competency and per person, over the competencies scored both times', () => {
    const anh = personGains(
      [
        { competencyId: 'A', score: 40, level: 3 },
        { competencyId: 'B', score: 60, level: 4 },
      ],
      [{ competencyId: 'A', score: 80, level: 5 }],
    );
    expect(anh).toEqual([
      { competencyId: 'A', pre: { competencyId: 'A', score: 40, level: 3 }, post: { competencyId: 'A', score: 80, level: 5 }, scoreGain: 40, levelGain: 2 },
    ]);
    const binh = personGains([{ competencyId: 'A', score: 60, level: 4 }], [{ competencyId: 'A', score: 70, level: 4 }]);
    expect(competencyGains([anh, binh])).toEqual([{ competencyId: 'A', people: 2, meanPre: 50, meanPost: 75, meanScoreGain: 25, meanLevelGain: 1 }]);
  });
});
