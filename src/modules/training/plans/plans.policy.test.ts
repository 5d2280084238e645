import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/auth/actor.js';
import { plansPolicy } from './plans.policy.js';

const actor = (role: Actor['role'], agencyPath: string, personId: string | null = null): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: 'a',
  agencyName: 'A',
  agencyPath,
  personId,
});
const plan = { personId: 'p1', agencyPath: '/hn/snv/' };

describe('development plan policy', () => {
  it('the person chooses; nobody else does', () => {
    expect(plansPolicy.canChoose(actor('civil_servant', '/hn/snv/', 'p1'), plan)).toBe(true);
    expect(plansPolicy.canChoose(actor('leader', '/hn/', 'p2'), plan)).toBe(false);
    expect(plansPolicy.canChoose(actor('hr_officer', '/hn/', null), plan)).toBe(false);
  });

  it('a leader of the subtree decides, not on their own plan and not outside their scope', () => {
    expect(plansPolicy.canDecide(actor('leader', '/hn/', 'p2'), plan)).toBe(true);
    expect(plansPolicy.canDecide(actor('leader', '/hn/snv/', 'p1'), plan)).toBe(false);
    expect(plansPolicy.canDecide(actor('leader', '/dn/', 'p3'), plan)).toBe(false);
    expect(plansPolicy.canDecide(actor('hr_officer', '/hn/', null), plan)).toBe(false);
  });

  it('reads follow the person’s record: self, HR and leaders in scope, national administrators', () => {
    expect(plansPolicy.canRead(actor('civil_servant', '/hn/snv/', 'p1'), plan)).toBe(true);
    expect(plansPolicy.canRead(actor('civil_servant', '/hn/snv/', 'p9'), plan)).toBe(false);
    expect(plansPolicy.canRead(actor('hr_officer', '/hn/', null), plan)).toBe(true);
    expect(plansPolicy.canRead(actor('hr_officer', '/dn/', null), plan)).toBe(false);
    expect(plansPolicy.canRead(actor('trainer', '/bnv/', null), plan)).toBe(false);
  });
});
