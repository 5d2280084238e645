import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { assessmentPolicy } from './assessment.policy.js';

const actor = (role: Actor['role'], agencyPath: string, personId: string | null = null): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  role,
  agencyId: 'x',
  agencyName: 'x',
  agencyPath,
  personId,
});

describe('assessmentPolicy', () => {
  it('lets HR manage cycles of their subtree only', () => {
    expect(assessmentPolicy.canManageCycle(actor('hr_officer', '/hn/'), { agencyPath: '/hn/snv/' })).toBe(true);
    expect(assessmentPolicy.canManageCycle(actor('hr_officer', '/hn/'), { agencyPath: '/dn/' })).toBe(false);
    expect(assessmentPolicy.canManageCycle(actor('leader', '/hn/'), { agencyPath: '/hn/' })).toBe(false);
    expect(assessmentPolicy.canManageCycle(actor('national_admin', '/bnv/'), { agencyPath: '/dn/' })).toBe(true);
  });

  it('lets only the rater fill a form, not HR nor the person rated', () => {
    const form = { raterPersonId: 'peer', raterUserId: null };
    expect(assessmentPolicy.canRate(actor('civil_servant', '/hn/', 'peer'), form)).toBe(true);
    expect(assessmentPolicy.canRate(actor('civil_servant', '/hn/', 'subject'), form)).toBe(false);
    expect(assessmentPolicy.canRate(actor('hr_officer', '/'), form)).toBe(false);
    expect(assessmentPolicy.canRate(actor('expert', '/hv/'), { raterPersonId: null, raterUserId: 'u-expert' })).toBe(true);
  });

  it('shows a report to the person, their leaders and HR in scope', () => {
    const person = { id: 'p', agencyPath: '/hn/snv/' };
    expect(assessmentPolicy.canReadReport(actor('civil_servant', '/hn/snv/', 'p'), person)).toBe(true);
    expect(assessmentPolicy.canReadReport(actor('civil_servant', '/hn/snv/', 'q'), person)).toBe(false);
    expect(assessmentPolicy.canReadReport(actor('leader', '/hn/snv/', 'l'), person)).toBe(true);
    expect(assessmentPolicy.canReadReport(actor('leader', '/dn/', 'l'), person)).toBe(false);
    expect(assessmentPolicy.canReadReport(actor('expert', '/hv/'), person)).toBe(false);
  });

  it('shows results of an open cycle to HR only', () => {
    const person = { agencyPath: '/hn/snv/' };
    expect(assessmentPolicy.seesUnpublishedResults(actor('hr_officer', '/hn/'), person)).toBe(true);
    expect(assessmentPolicy.seesUnpublishedResults(actor('leader', '/hn/snv/', 'l'), person)).toBe(false);
    expect(assessmentPolicy.seesUnpublishedResults(actor('civil_servant', '/hn/snv/', 'p'), person)).toBe(false);
    expect(assessmentPolicy.seesUnpublishedResults(actor('hr_officer', '/dn/'), person)).toBe(false);
  });
});
