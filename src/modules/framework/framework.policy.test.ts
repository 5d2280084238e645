import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { frameworkPolicy } from './framework.policy.js';

const actor = (role: Role, agencyPath: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: 'a',
  agencyName: 'A',
  agencyPath,
  personId: null,
});
const national = { scope: 'national' as const, agencyPath: '/bnv/' };
const hanoiExtension = { scope: 'agency' as const, agencyPath: '/hn/' };

describe('framework policy', () => {
  it('every signed-in role reads published and retired versions; drafts only their editors', () => {
    for (const role of ['civil_servant', 'leader', 'expert', 'trainer', 'hr_officer'] as Role[]) {
      expect(frameworkPolicy.canRead(actor(role, '/dn/'), national, 'published')).toBe(true);
      expect(frameworkPolicy.canRead(actor(role, '/dn/'), hanoiExtension, 'retired')).toBe(true);
      expect(frameworkPolicy.canRead(actor(role, '/dn/'), national, 'draft')).toBe(false);
    }
    expect(frameworkPolicy.canRead(actor('national_admin', '/bnv/'), national, 'draft')).toBe(true);
    expect(frameworkPolicy.canRead(actor('hr_officer', '/hn/'), hanoiExtension, 'draft')).toBe(true);
  });

  it('only national administrators edit and publish national frameworks', () => {
    expect(frameworkPolicy.canPublish(actor('national_admin', '/bnv/'), national)).toBe(true);
    expect(frameworkPolicy.canEdit(actor('hr_officer', '/bnv/'), national)).toBe(false);
    expect(frameworkPolicy.canEdit(actor('leader', '/hn/'), hanoiExtension)).toBe(false);
  });

  it('HR officers edit their own subtree’s extensions, not another province’s', () => {
    expect(frameworkPolicy.canEdit(actor('hr_officer', '/hn/'), hanoiExtension)).toBe(true);
    expect(frameworkPolicy.canEdit(actor('hr_officer', '/dn/'), hanoiExtension)).toBe(false);
    expect(frameworkPolicy.canEdit(actor('hr_officer', '/hn/snv/'), hanoiExtension)).toBe(false);
    expect(frameworkPolicy.scopeOfNew(actor('hr_officer', '/hn/'))).toBe('agency');
    expect(frameworkPolicy.scopeOfNew(actor('national_admin', '/bnv/'))).toBe('national');
  });
});
