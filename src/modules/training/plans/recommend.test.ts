import { describe, expect, it } from 'vitest';
import { alreadyHeld, recommendCourses, type CandidateCourse, type Standing } from './recommend.js';

const standing = (competency: string, assessedLevel: number | null, requiredLevel: number | null, criticality = 2): Standing => ({
  competency,
  assessedLevel,
  requiredLevel,
  criticality,
});
const course = (courseId: string, competencies: Array<[string, number, number]>, costPerSeat = 1_000_000, hours = 16): CandidateCourse => ({
  courseId,
  courseKey: `HV:${courseId}`,
  costPerSeat,
  hours,
  competencies: competencies.map(([competency, fromLevel, toLevel]) => ({ competency, fromLevel, toLevel })),
});
const none = { completed: new Set<string>() };

describe('course recommendations', () => {
  it('closes the largest weighted gap first and says which gap and by how much', () => {
    const standings = [standing('DG1', 1, 3, 3), standing('PA1', 2, 3, 1)];
    const result = recommendCourses(standings, [course('pa', [['PA1', 2, 3]]), course('dg', [['DG1', 1, 3]])], none);
    expect(result.map((r) => r.courseId)).toEqual(['dg', 'pa']);
    expect(result[0]).toEqual({ courseId: 'dg', benefit: 6, reasons: [{ competency: 'DG1', assessedLevel: 1, requiredLevel: 3, levels: 2, criticality: 3 }] });
  });

  it('never recommends a course whose to-level the person already holds in all its competencies', () => {
    const standings = [standing('DG1', 4, 5), standing('DG2', 3, 3)];
    const held = course('held', [
      ['DG1', 2, 4],
      ['DG2', 1, 3],
    ]);
    expect(
      alreadyHeld(
        held,
        new Map([
          ['DG1', 4],
          ['DG2', 3],
        ]),
      ),
    ).toBe(true);
    expect(recommendCourses(standings, [held], none)).toEqual([]);
    // An unknown level is not a held one.
    expect(alreadyHeld(course('x', [['DG9', 1, 2]]), new Map([['DG9', null]]))).toBe(false);
  });

  it('never recommends a completed course, in any of its versions, nor one the person is enrolled in', () => {
    const standings = [standing('DG1', 1, 3)];
    const v2 = { ...course('v2', [['DG1', 1, 3]]), courseKey: 'HV:DG-101' };
    expect(recommendCourses(standings, [v2], { completed: new Set(['HV:DG-101']) })).toEqual([]);
    expect(recommendCourses(standings, [v2], { completed: new Set(), enrolled: new Set(['HV:DG-101']) })).toEqual([]);
  });

  it('counts only what a course adds below the required level, and only from where the person stands', () => {
    const standings = [standing('DG1', 2, 3)];
    // 2 → 5 covers one level of a one-level gap; 3 → 4 starts above the person; 1 → 2 ends where they are.
    const result = recommendCourses(standings, [course('big', [['DG1', 2, 5]]), course('above', [['DG1', 3, 4]]), course('below', [['DG1', 1, 2]])], none);
    expect(result).toEqual([{ courseId: 'big', benefit: 2, reasons: [{ competency: 'DG1', assessedLevel: 2, requiredLevel: 3, levels: 1, criticality: 2 }] }]);
  });

  it('does not recommend a second course for a gap the first one closed, but does for what it left open', () => {
    const standings = [standing('DG1', 1, 4)];
    const result = recommendCourses(standings, [course('a', [['DG1', 1, 2]]), course('b', [['DG1', 1, 2]]), course('c', [['DG1', 2, 4]])], none);
    // c cannot start until the level is 2; a (or b: same benefit, same cost, the stable order decides) gets it there.
    expect(result.map((r) => r.courseId)).toEqual(['a', 'c']);
    expect(result[1]!.reasons[0]!.levels).toBe(2);
  });

  it('between courses of equal benefit prefers the cheaper, then the shorter', () => {
    const standings = [standing('DG1', 1, 2)];
    expect(
      recommendCourses(standings, [course('dear', [['DG1', 1, 2]], 3_000_000), course('cheap', [['DG1', 1, 2]], 1_000_000, 40)], { ...none, limit: 1 })[0]!
        .courseId,
    ).toBe('cheap');
    expect(
      recommendCourses(standings, [course('long', [['DG1', 1, 2]], 1_000_000, 40), course('short', [['DG1', 1, 2]], 1_000_000, 8)], { ...none, limit: 1 })[0]!
        .courseId,
    ).toBe('short');
  });

  it('recommends nothing to a person who meets the profile or has no results', () => {
    expect(
      recommendCourses(
        [standing('DG1', 3, 3), standing('DG2', null, 3)],
        [
          course('a', [
            ['DG1', 1, 4],
            ['DG2', 0, 3],
          ]),
        ],
        none,
      ),
    ).toEqual([]);
  });

  it('handles fractional consolidated levels', () => {
    const result = recommendCourses([standing('DG1', 2.33, 4)], [course('a', [['DG1', 2, 4]])], none);
    expect(result[0]!.reasons[0]!.levels).toBe(1.67);
  });
});
