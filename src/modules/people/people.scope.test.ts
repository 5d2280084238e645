import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';
import { peoplePolicy } from './people.policy.js';

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

describe('agency scope', () => {
  it('covers the agency and its subtree, not siblings or ancestors', () => {
    const hr = actor('hr_officer', '/hn/');
    expect(isInScope(hr, '/hn/')).toBe(true);
    expect(isInScope(hr, '/hn/snv/')).toBe(true);
    expect(isInScope(hr, '/dn/')).toBe(false);
    expect(isInScope(actor('leader', '/hn/snv/'), '/hn/')).toBe(false);
  });

  it('does not confuse an agency with one whose id starts the same', () => {
    expect(isInScope(actor('hr_officer', '/ab/'), '/abc/')).toBe(false);
  });

  it('gives the national administrator the whole country', () => {
    expect(isInScope(actor('national_admin', '/bnv/'), '/dn/snv/')).toBe(true);
  });
});

describe('people policy', () => {
  const hanoiPerson = { id: 'p1', agencyPath: '/hn/snv/' };
  it('lets HR and leaders read in scope, and everyone read their own record', () => {
    expect(peoplePolicy.canRead(actor('leader', '/hn/snv/'), hanoiPerson)).toBe(true);
    expect(peoplePolicy.canRead(actor('leader', '/dn/'), hanoiPerson)).toBe(false);
    expect(peoplePolicy.canRead(actor('civil_servant', '/hn/snv/', 'p1'), hanoiPerson)).toBe(true);
    expect(peoplePolicy.canRead(actor('civil_servant', '/hn/snv/', 'p2'), hanoiPerson)).toBe(false);
    expect(peoplePolicy.canRead(actor('expert', '/hn/'), hanoiPerson)).toBe(false);
  });

  it('lets only HR in scope and national administrators change the register', () => {
    expect(peoplePolicy.canWrite(actor('hr_officer', '/hn/'), hanoiPerson)).toBe(true);
    expect(peoplePolicy.canWrite(actor('leader', '/hn/snv/'), hanoiPerson)).toBe(false);
    expect(peoplePolicy.canWrite(actor('hr_officer', '/dn/'), hanoiPerson)).toBe(false);
    expect(peoplePolicy.canWrite(actor('national_admin', '/bnv/'), hanoiPerson)).toBe(true);
  });
});
