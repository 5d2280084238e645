import { describe, expect, it } from 'vitest';
import { addMonths, gapBand, matchComparison, personObservations, type Cell, type CourseCompletion, type ResultPoint } from './comparison-group.js';

const C = 'comp-digital';
const OTHER = 'comp-law';
const point = (cycleId: string, opensOn: string, closesOn: string, level: number, o: Partial<ResultPoint> = {}): ResultPoint => ({
  cycleId,
  opensOn,
  closesOn,
  level,
  requiredLevel: 4,
  roleCategory: 'professional',
  tier: 'province',
  agencyId: 'agency-1',
  ...o,
});
const cycle2025 = (level: number, o: Partial<ResultPoint> = {}) => point('c2025', '2025-10-01', '2025-11-30', level, o);
const followUp3 = (level: number) => point('f3', '2026-06-05', '2026-07-05', level);
const followUp6 = (level: number) => point('f6', '2026-09-05', '2026-10-05', level);
const course = (courseId: string, completedOn: string, competencyIds = [C]): CourseCompletion => ({ courseId, completedOn, competencyIds });
const results = (points: ResultPoint[], competencyId = C) => new Map([[competencyId, points]]);

describe('gap bands', () => {
  it('rounds the gap up and caps it at 3; no requirement is a band of its own', () => {
    expect(gapBand(4, 4)).toBe(0);
    expect(gapBand(4, 4.5)).toBe(0);
    expect(gapBand(4, 3.4)).toBe(1);
    expect(gapBand(4, 3)).toBe(1);
    expect(gapBand(4, 2.9)).toBe(2);
    expect(gapBand(5, 1)).toBe(3);
    expect(gapBand(null, 2)).toBe(-1);
  });
  it('adds months to a date, the 31st becoming the last day of a shorter month', () => {
    expect(addMonths('2026-03-05', 3)).toBe('2026-06-05');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
});

describe('who is trained', () => {
  it('a trainee counts from the cycle before the course to the latest follow-up after it, once per course', () => {
    const obs = personObservations(results([cycle2025(2), followUp3(3), followUp6(3.5)]), [course('K1', '2026-03-06')]);
    expect(obs).toEqual([
      expect.objectContaining({ competencyId: C, courseId: 'K1', beforeCycleId: 'c2025', afterCycleId: 'f6', beforeLevel: 2, afterLevel: 3.5, gapBand: 2 }),
    ]);
  });
  it('a result without a cycle before the course, or none after it, gives no observation', () => {
    expect(personObservations(results([followUp3(3)]), [course('K1', '2026-03-06')])).toEqual([]);
    expect(personObservations(results([cycle2025(2)]), [course('K1', '2026-03-06')])).toEqual([]);
  });
  it('a cycle running when the course ended is neither before nor after it', () => {
    const during = point('mid', '2026-03-01', '2026-03-31', 3);
    const obs = personObservations(results([cycle2025(2), during]), [course('K1', '2026-03-06')]);
    expect(obs).toEqual([]);
  });
  it('a follow-up beyond the horizon is not counted as the course’s effect', () => {
    const late = point('late', '2027-06-01', '2027-06-30', 4);
    expect(personObservations(results([cycle2025(2), late]), [course('K1', '2026-03-06')])).toEqual([]);
  });
  it('a course counts only for the competencies it teaches', () => {
    const obs = personObservations(results([cycle2025(2), followUp3(3)], OTHER), [course('K1', '2026-03-06', [C])]);
    // Not trained in OTHER: the person is a comparison for it.
    expect(obs).toEqual([expect.objectContaining({ competencyId: OTHER, courseId: null })]);
  });
});

describe('who is in the comparison group', () => {
  it('someone never trained in the competency: the change between their last two results', () => {
    const obs = personObservations(results([point('c2024', '2024-10-01', '2024-11-30', 1), cycle2025(2), point('c2026', '2026-10-01', '2026-11-30', 2.5)]), []);
    expect(obs).toEqual([expect.objectContaining({ courseId: null, beforeCycleId: 'c2025', afterCycleId: 'c2026', beforeLevel: 2, afterLevel: 2.5 })]);
  });
  it('someone trained in the competency, by any course and even before both results, is out', () => {
    const points = [cycle2025(2), point('c2026', '2026-10-01', '2026-11-30', 3)];
    expect(personObservations(results(points), [course('K9', '2024-05-01')]).filter((o) => o.courseId === null)).toEqual([]);
    expect(personObservations(results(points), [course('K2', '2026-03-06')]).filter((o) => o.courseId === null)).toEqual([]);
  });
  it('someone with a single result is out', () => {
    expect(personObservations(results([cycle2025(2)]), [])).toEqual([]);
  });
  it('is filed under the stratum of the result before: gap band, role category and tier', () => {
    const [obs] = personObservations(results([cycle2025(3, { roleCategory: 'manager', tier: 'commune' }), followUp3(3)]), []);
    expect(obs).toMatchObject({ gapBand: 1, roleCategory: 'manager', tier: 'commune' });
  });
});

describe('matching the comparison to the trained strata', () => {
  const cell = (o: Partial<Cell>, n: number, sumChange: number): Cell => ({
    agencyId: 'a1',
    competencyId: C,
    gapBand: 2,
    roleCategory: 'professional',
    tier: 'province',
    courseId: null,
    n,
    sumBefore: 2 * n,
    sumAfter: 2 * n + sumChange,
    sumChange,
    sumChangeSq: sumChange,
    ...o,
  });
  it('takes comparison people of the same competency, gap band, role category and tier, from any agency in scope', () => {
    const treated = [cell({ courseId: 'K1' }, 6, 6)];
    const comparison = [
      cell({}, 10, 2), // same stratum: in
      cell({ agencyId: 'a2' }, 4, 1), // same stratum, another agency of the scope: in
      cell({ gapBand: 1 }, 50, 50), // other gap band: out
      cell({ roleCategory: 'leader' }, 50, 50), // other role: out
      cell({ tier: 'central' }, 50, 50), // other tier: out
      cell({ competencyId: OTHER }, 50, 50), // other competency: out
    ];
    const groups = matchComparison(treated, comparison);
    expect(groups.treated).toMatchObject({ n: 6, sumChange: 6 });
    expect(groups.comparison).toMatchObject({ n: 14, sumChange: 3 });
  });
  it('a stratum with no trainee brings no comparison people', () => {
    expect(matchComparison([], [cell({}, 10, 2)]).comparison.n).toBe(0);
  });
});
