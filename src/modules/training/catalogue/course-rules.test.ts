import { describe, expect, it } from 'vitest';
import { checkCompetencyTargets, findPrerequisiteCycle, sameCourseContent, type CourseContent } from './course-rules.js';

const version = { levelCount: 5, competencyIds: new Set(['c1', 'c2']) };

describe('competency targets of a course', () => {
  it('accepts levels within the scale that go up', () => {
    expect(
      checkCompetencyTargets(
        [
          { competencyId: 'c1', fromLevel: 0, toLevel: 5 },
          { competencyId: 'c2', fromLevel: 2, toLevel: 3 },
        ],
        version,
      ),
    ).toEqual([]);
  });
  it('refuses a level outside the scale, naming the field', () => {
    expect(checkCompetencyTargets([{ competencyId: 'c1', fromLevel: 2, toLevel: 6 }], version)).toEqual([
      { field: 'competencies.0.toLevel', code: 'training_level_outside_scale' },
    ]);
    expect(checkCompetencyTargets([{ competencyId: 'c1', fromLevel: 5, toLevel: 5 }], version)[0]).toEqual({
      field: 'competencies.0.fromLevel',
      code: 'training_level_outside_scale',
    });
  });
  it('refuses a to-level not above the from-level', () => {
    expect(checkCompetencyTargets([{ competencyId: 'c2', fromLevel: 3, toLevel: 2 }], version)).toEqual([
      { field: 'competencies.0.toLevel', code: 'training_level_order' },
    ]);
  });
  it('refuses a competency of another framework version and a competency twice', () => {
    const issues = checkCompetencyTargets(
      [
        { competencyId: 'c1', fromLevel: 1, toLevel: 2 },
        { competencyId: 'x9', fromLevel: 1, toLevel: 2 },
        { competencyId: 'c1', fromLevel: 2, toLevel: 3 },
      ],
      version,
    );
    expect(issues).toEqual([
      { field: 'competencies.1.competencyId', code: 'training_competency_other_version' },
      { field: 'competencies.2.competencyId', code: 'training_duplicate_competency' },
    ]);
  });
});

describe('prerequisite cycles', () => {
  const edges = new Map([
    ['b', ['c']],
    ['c', ['d']],
    ['d', []],
  ]);
  it('finds no loop in a chain', () => {
    expect(findPrerequisiteCycle('a', ['b'], edges)).toBeNull();
  });
  it('finds a loop through other courses', () => {
    const withBack = new Map([...edges, ['d', ['a']]]);
    expect(findPrerequisiteCycle('a', ['b'], withBack)).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
  it('finds a course requiring itself', () => {
    expect(findPrerequisiteCycle('a', ['a'], edges)).toEqual(['a', 'a']);
  });
});

describe('course content', () => {
  const base: CourseContent = {
    title: 'Khóa học',
    titleEn: 'Course',
    description: '',
    format: 'online',
    hours: 16,
    costPerSeat: 1_500_000,
    frameworkVersionId: 'v',
    minAttendance: 0.8,
    passScore: null,
    competencies: [
      { competencyId: 'c1', fromLevel: 1, toLevel: 2 },
      { competencyId: 'c2', fromLevel: 0, toLevel: 1 },
    ],
    prerequisiteIds: ['p1', 'p2'],
  };
  it('is the same whatever the order of competencies and prerequisites', () => {
    expect(sameCourseContent(base, { ...base, competencies: [...base.competencies].reverse(), prerequisiteIds: ['p2', 'p1'] })).toBe(true);
  });
  it('changes with hours, cost, a level or the pass score', () => {
    expect(sameCourseContent(base, { ...base, hours: 24 })).toBe(false);
    expect(sameCourseContent(base, { ...base, costPerSeat: 0 })).toBe(false);
    expect(sameCourseContent(base, { ...base, competencies: [{ competencyId: 'c1', fromLevel: 1, toLevel: 3 }, base.competencies[1]!] })).toBe(false);
    expect(sameCourseContent(base, { ...base, passScore: 50 })).toBe(false);
  });
});
