import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { accountsPolicy } from './accounts.policy.js';

const actor = (role: Role, agencyPath: string, userId = 'me'): Actor => ({
  userId,
  username: role,
  displayName: role,
  role,
  agencyId: 'a',
  agencyName: 'A',
  agencyPath,
  personId: null,
});

describe('accounts policy', () => {
  it('lets the national administrator manage every account but their own', () => {
    const admin = actor('national_admin', '/bnv/');
    expect(accountsPolicy.canManage(admin, { userId: 'x', role: 'national_admin', agencyPath: '/bnv/' })).toBe(true);
    expect(accountsPolicy.canManage(admin, { userId: 'x', role: 'civil_servant', agencyPath: '/hn/snv/' })).toBe(true);
    expect(accountsPolicy.canManage(admin, { userId: 'me', role: 'national_admin', agencyPath: '/bnv/' })).toBe(false);
  });

  it('keeps an HR officer inside their subtree and below the national administrator', () => {
    const hr = actor('hr_officer', '/hn/');
    expect(accountsPolicy.canManage(hr, { role: 'leader', agencyPath: '/hn/snv/' })).toBe(true);
    expect(accountsPolicy.canManage(hr, { role: 'hr_officer', agencyPath: '/hn/snv/' })).toBe(true);
    expect(accountsPolicy.canManage(hr, { role: 'leader', agencyPath: '/dn/snv/' })).toBe(false);
    expect(accountsPolicy.canManage(hr, { role: 'national_admin', agencyPath: '/hn/' })).toBe(false);
    expect(accountsPolicy.canManage(hr, { userId: 'me', role: 'hr_officer', agencyPath: '/hn/' })).toBe(false);
    expect(accountsPolicy.assignableRoles(hr)).not.toContain('national_admin');
  });

  it('gives other roles nothing', () => {
    for (const role of ['leader', 'civil_servant', 'expert', 'trainer'] as const) {
      const someone = actor(role, '/hn/');
      expect(accountsPolicy.canList(someone)).toBe(false);
      expect(accountsPolicy.canManage(someone, { role: 'civil_servant', agencyPath: '/hn/snv/' })).toBe(false);
    }
  });
});
