import { describe, expect, test } from 'vitest';
import type { Actor } from '../../../platform/auth/actor.js';
import { credentialsPolicy } from './credentials.policy.js';

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
const credential = { personId: 'p1', agencyPath: '/root/dept/', institutionId: 'i1' };

describe('credentials policy', () => {
  test('the holder reads their own, nobody else of their rank does', () => {
    expect(credentialsPolicy.canRead(actor('civil_servant', '/root/dept/', 'p1'), credential, null)).toBe(true);
    expect(credentialsPolicy.canRead(actor('civil_servant', '/root/dept/', 'p2'), credential, null)).toBe(false);
  });
  test('HR and leaders read their subtree only', () => {
    expect(credentialsPolicy.canRead(actor('hr_officer', '/root/'), credential, null)).toBe(true);
    expect(credentialsPolicy.canRead(actor('leader', '/root/dept/'), credential, null)).toBe(true);
    expect(credentialsPolicy.canRead(actor('hr_officer', '/other/'), credential, null)).toBe(false);
  });
  test('an institution reads and revokes what it issued, not another one', () => {
    expect(credentialsPolicy.canRead(actor('trainer', '/x/'), credential, 'i1')).toBe(true);
    expect(credentialsPolicy.canRevoke(actor('trainer', '/x/'), credential, 'i1')).toBe(true);
    expect(credentialsPolicy.canRead(actor('trainer', '/x/'), credential, 'i2')).toBe(false);
    expect(credentialsPolicy.canRevoke(actor('trainer', '/x/'), credential, null)).toBe(false);
  });
  test('HR cannot revoke; a national administrator can', () => {
    expect(credentialsPolicy.canRevoke(actor('hr_officer', '/root/'), credential, null)).toBe(false);
    expect(credentialsPolicy.canRevoke(actor('national_admin', '/'), credential, null)).toBe(true);
  });
});
