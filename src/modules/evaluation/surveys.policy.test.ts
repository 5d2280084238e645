import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { surveysPolicy } from './surveys.policy.js';

const actor = (role: Actor['role'], agencyPath = '/a/'): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: 'a',
  agencyName: 'A',
  agencyPath,
  personId: null,
});

describe('survey sets', () => {
  it('an institution’s set is its trainers’ only; an HR set its agency’s HR officers’', () => {
    expect(surveysPolicy.canManageSet(actor('trainer'), 'i1', { institutionId: 'i1', agencyPath: null })).toBe(true);
    expect(surveysPolicy.canManageSet(actor('trainer'), 'i2', { institutionId: 'i1', agencyPath: null })).toBe(false);
    expect(surveysPolicy.canManageSet(actor('hr_officer'), null, { institutionId: 'i1', agencyPath: null })).toBe(false);
    expect(surveysPolicy.canManageSet(actor('hr_officer', '/a/'), null, { institutionId: null, agencyPath: '/a/b/' })).toBe(true);
    expect(surveysPolicy.canManageSet(actor('hr_officer', '/c/'), null, { institutionId: null, agencyPath: '/a/b/' })).toBe(false);
    expect(surveysPolicy.canManageSet(actor('national_admin'), null, { institutionId: null, agencyPath: '/a/' })).toBe(false);
  });
});

describe('survey results', () => {
  const inst = { institutionId: 'i1', setAgencyPath: null, invitedAgencyPaths: ['/a/b/'] };
  it('an institution set’s aggregate: its trainers, and HR with someone of theirs invited', () => {
    expect(surveysPolicy.canReadResults(actor('trainer'), 'i1', inst)).toBe(true);
    expect(surveysPolicy.canReadResults(actor('trainer'), 'i2', inst)).toBe(false);
    expect(surveysPolicy.canReadResults(actor('hr_officer', '/a/'), null, inst)).toBe(true);
    expect(surveysPolicy.canReadResults(actor('hr_officer', '/c/'), null, inst)).toBe(false);
    expect(surveysPolicy.canReadResults(actor('leader', '/a/'), null, inst)).toBe(false);
    expect(surveysPolicy.canReadResults(actor('civil_servant', '/a/'), null, inst)).toBe(false);
  });
  it('an HR set’s aggregate: its owners only, not the institution', () => {
    const hrSet = { institutionId: null, setAgencyPath: '/a/', invitedAgencyPaths: ['/a/b/'] };
    expect(surveysPolicy.canReadResults(actor('hr_officer', '/a/'), null, hrSet)).toBe(true);
    expect(surveysPolicy.canReadResults(actor('hr_officer', '/a/b/'), null, hrSet)).toBe(false);
    expect(surveysPolicy.canReadResults(actor('trainer'), 'i1', hrSet)).toBe(false);
  });
});
