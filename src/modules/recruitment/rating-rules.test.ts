import { describe, expect, it } from 'vitest';
import { sheetProblem, visibleSheets } from './rating-rules.js';

const profile = new Set(['A', 'B']);

describe('rating sheet rules', () => {
  it('refuses a level outside the scale, naming the field', () => {
    expect(sheetProblem([{ competencyId: 'A', level: 6 }], profile, 5, false)).toEqual({
      code: 'recruitment_level_out_of_scale',
      field: 'ratings.0.level',
      min: 1,
      max: 5,
    });
    expect(sheetProblem([{ competencyId: 'A', level: 0 }], profile, 5, false)?.code).toBe('recruitment_level_out_of_scale');
    expect(sheetProblem([{ competencyId: 'A', level: 2.5 }], profile, 5, false)?.code).toBe('recruitment_level_out_of_scale');
  });

  it('refuses a competency outside the profile, and an incomplete sheet on submission only', () => {
    expect(sheetProblem([{ competencyId: 'Z', level: 2 }], profile, 5, false)?.code).toBe('recruitment_competency_not_in_profile');
    expect(sheetProblem([{ competencyId: 'A', level: 2 }], profile, 5, false)).toBeNull();
    expect(sheetProblem([{ competencyId: 'A', level: 2 }], profile, 5, true)).toEqual({ code: 'recruitment_sheet_incomplete', missing: ['B'] });
  });

  it('shows a member only their own sheet until they submit it', () => {
    const sheets = [
      { userId: 'a', submittedAt: new Date() },
      { userId: 'b', submittedAt: null },
      { userId: 'c', submittedAt: new Date() },
    ];
    expect(visibleSheets(sheets, { userId: 'b', hr: false }).map((s) => s.userId)).toEqual(['b']);
    expect(visibleSheets(sheets, { userId: 'a', hr: false }).map((s) => s.userId)).toEqual(['a', 'c']);
    expect(visibleSheets(sheets, { userId: 'x', hr: false })).toEqual([]);
    expect(visibleSheets(sheets, { userId: 'hr', hr: true }).map((s) => s.userId)).toEqual(['a', 'c']);
  });
});
