import { describe, expect, it } from 'vitest';
import { GROUPS_A } from '../../framework/seed/content-digital-a.js';
import { GROUPS_B } from '../../framework/seed/content-digital-b.js';
import { GROUP_TRADITIONAL } from '../../framework/seed/content-traditional.js';
import { DIGITAL_GROUP_CODES, isDigitalGroup } from './digital-groups.js';

describe('digital-government groups', () => {
  it('are the five digital groups of the national framework, not the traditional one', () => {
    expect([...DIGITAL_GROUP_CODES].sort()).toEqual([...GROUPS_A, ...GROUPS_B].map((g) => g.code).sort());
    expect(isDigitalGroup(GROUP_TRADITIONAL.code)).toBe(false);
  });
});
