import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { agencyPolicy } from './agencies.policy.js';

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
const hanoi = { path: '/hn/' };
const hanoiWard = { path: '/hn/ward/' };
const danang = { path: '/dn/' };

describe('agency policy', () => {
  it('lets the national administrator read and reshape everything', () => {
    const admin = actor('national_admin', '/bnv/');
    expect(agencyPolicy.canRead(admin, danang)).toBe(true);
    expect(agencyPolicy.canWrite(admin, hanoi)).toBe(true);
    expect(agencyPolicy.canAddChild(admin, null)).toBe(true);
  });

  it('lets an HR officer change agencies below their own, not their own nor another province', () => {
    const hr = actor('hr_officer', '/hn/');
    expect(agencyPolicy.canRead(hr, hanoiWard)).toBe(true);
    expect(agencyPolicy.canWrite(hr, hanoiWard)).toBe(true);
    expect(agencyPolicy.canWrite(hr, hanoi)).toBe(false);
    expect(agencyPolicy.canRead(hr, danang)).toBe(false);
    expect(agencyPolicy.canWrite(hr, danang)).toBe(false);
    expect(agencyPolicy.canAddChild(hr, hanoi)).toBe(true);
    expect(agencyPolicy.canAddChild(hr, null)).toBe(false);
  });

  it('gives leaders and civil servants read access to their subtree only', () => {
    const leader = actor('leader', '/hn/');
    expect(agencyPolicy.canRead(leader, hanoiWard)).toBe(true);
    expect(agencyPolicy.canWrite(leader, hanoiWard)).toBe(false);
    expect(agencyPolicy.canAddChild(actor('civil_servant', '/hn/'), hanoi)).toBe(false);
  });
});
