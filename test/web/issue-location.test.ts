import { describe, expect, it } from 'vitest';
import { issueLocation } from '../../web/src/modules/frameworks/issueLocation.js';

describe('issueLocation', () => {
  it('shows a row in the page’s language only', () => {
    expect(issueLocation('Năng lực, dòng 12 / row 12', 'vi')).toBe('Năng lực, dòng 12');
    expect(issueLocation('Năng lực, dòng 12 / row 12', 'en')).toBe('Năng lực, row 12');
    expect(issueLocation('dòng 4 / row 4', 'en')).toBe('row 4');
  });
  it('leaves other locations as they are', () => {
    expect(issueLocation('CFItems[3].identifier', 'vi')).toBe('CFItems[3].identifier');
    expect(issueLocation('dòng 4 / row 5', 'vi')).toBe('dòng 4 / row 5');
  });
});
