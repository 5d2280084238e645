import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/roles.js';
import { promotionPolicy } from './promotion.policy.js';

const actor = (role: Role, agencyPath = '/p/d/'): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: 'd',
  agencyName: 'D',
  agencyPath,
  personId: null,
});
const round = { agencyPath: '/p/d/' };

describe('promotion round policy', () => {
  it('HR of the subtree writes, its leaders read, civil servants and other agencies nothing', () => {
    expect(promotionPolicy.canWrite(actor('hr_officer'), round)).toBe(true);
    expect(promotionPolicy.canWrite(actor('hr_officer', '/p/'), round)).toBe(true);
    expect(promotionPolicy.canWrite(actor('leader'), round)).toBe(false);
    expect(promotionPolicy.canRead(actor('leader'), round)).toBe(true);
    expect(promotionPolicy.canRead(actor('civil_servant'), round)).toBe(false);
    expect(promotionPolicy.canRead(actor('hr_officer', '/p/other/'), round)).toBe(false);
    expect(promotionPolicy.canWrite(actor('national_admin', '/x/'), round)).toBe(true);
  });
});
