import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/auth/actor.js';
import { sessionsPolicy } from './sessions.policy.js';

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
const enrolment = { personId: 'p1', agencyPath: '/hn/snv/', institutionId: 'inst-a' };

describe('sessions policy', () => {
  it('only the staff of the course’s institution and administrators manage a session', () => {
    expect(sessionsPolicy.canManage(actor('trainer', '/hv/'), 'inst-a', { institutionId: 'inst-a' })).toBe(true);
    expect(sessionsPolicy.canManage(actor('trainer', '/hv/'), 'inst-b', { institutionId: 'inst-a' })).toBe(false);
    expect(sessionsPolicy.canManage(actor('trainer', '/hv/'), null, { institutionId: 'inst-a' })).toBe(false);
    expect(sessionsPolicy.canManage(actor('hr_officer', '/'), null, { institutionId: 'inst-a' })).toBe(false);
    expect(sessionsPolicy.canManage(actor('national_admin', '/bnv/'), null, { institutionId: 'inst-a' })).toBe(true);
  });
  it('enrolments are read in scope, by the institution, or by the person', () => {
    expect(sessionsPolicy.canReadEnrolment(actor('hr_officer', '/hn/'), null, enrolment)).toBe(true);
    expect(sessionsPolicy.canReadEnrolment(actor('hr_officer', '/dn/'), null, enrolment)).toBe(false);
    expect(sessionsPolicy.canReadEnrolment(actor('trainer', '/hv/'), 'inst-a', enrolment)).toBe(true);
    expect(sessionsPolicy.canReadEnrolment(actor('trainer', '/hv/'), 'inst-b', enrolment)).toBe(false);
    expect(sessionsPolicy.canReadEnrolment(actor('civil_servant', '/hn/snv/', 'p1'), null, enrolment)).toBe(true);
    expect(sessionsPolicy.canReadEnrolment(actor('civil_servant', '/hn/snv/', 'p2'), null, enrolment)).toBe(false);
  });
  it('leaders decide requests of their subtree but never their own', () => {
    expect(sessionsPolicy.canDecide(actor('leader', '/hn/'), enrolment)).toBe(true);
    expect(sessionsPolicy.canDecide(actor('leader', '/dn/'), enrolment)).toBe(false);
    expect(sessionsPolicy.canDecide(actor('leader', '/hn/', 'p1'), enrolment)).toBe(false);
    expect(sessionsPolicy.canDecide(actor('hr_officer', '/hn/'), enrolment)).toBe(false);
  });
  it('HR enrols and cancels in scope; a person cancels their own', () => {
    expect(sessionsPolicy.canEnrolOthers(actor('hr_officer', '/hn/'), enrolment)).toBe(true);
    expect(sessionsPolicy.canEnrolOthers(actor('hr_officer', '/dn/'), enrolment)).toBe(false);
    expect(sessionsPolicy.canCancel(actor('civil_servant', '/x/', 'p1'), enrolment)).toBe(true);
    expect(sessionsPolicy.canCancel(actor('leader', '/hn/'), enrolment)).toBe(false);
  });
});
