import { describe, expect, it } from 'vitest';
import { unansweredQuestions } from './import-choices.js';

describe('which import questions are still open', () => {
  const both = { structure: { options: ['one_group' as const], groupName: 'G' }, levels: { options: ['national_scale' as const, 'without_levels' as const] } };

  it('none when the package asks nothing, whatever is sent', () => {
    expect(unansweredQuestions(undefined, {})).toEqual([]);
    expect(unansweredQuestions({}, { structure: 'one_group', levels: 'without_levels' })).toEqual([]);
  });

  it('every question without an answer, and an answer that was not offered', () => {
    expect(unansweredQuestions(both, {})).toEqual(['structure', 'levels']);
    expect(unansweredQuestions(both, { structure: 'top_level_as_groups', levels: 'without_levels' })).toEqual(['structure']);
    expect(unansweredQuestions(both, { structure: 'one_group', levels: 'national_scale' })).toEqual([]);
  });
});
