import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { planningPolicy } from './planning.policy.js';

const actor = (role: Actor['role'], agencyPath: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: 'a',
  agencyName: 'A',
  agencyPath,
  personId: null,
});

describe('planningPolicy', () => {
  const plan = { agencyPath: '/r/hn/' };
  it('lets HR of the subtree write and its leaders read', () => {
    expect(planningPolicy.canWrite(actor('hr_officer', '/r/hn/'), plan)).toBe(true);
    expect(planningPolicy.canRead(actor('leader', '/r/hn/'), plan)).toBe(true);
    expect(planningPolicy.canWrite(actor('leader', '/r/hn/'), plan)).toBe(false);
  });
  it('keeps another agency and civil servants out', () => {
    expect(planningPolicy.canRead(actor('hr_officer', '/r/dn/'), plan)).toBe(false);
    expect(planningPolicy.canRead(actor('civil_servant', '/r/hn/'), plan)).toBe(false);
  });
});
