import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { recruitmentAssessmentPolicy as policy } from './assessment.policy.js';

const actor = (role: Actor['role'], agencyPath: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  role,
  agencyId: 'a',
  agencyName: 'a',
  agencyPath,
  personId: null,
});

describe('recruitment assessment policy', () => {
  it('lets HR of the agency or above manage, not another agency’s HR or other roles', () => {
    const campaign = { agencyPath: '/p/a/' };
    expect(policy.isHr(actor('hr_officer', '/p/'), campaign)).toBe(true);
    expect(policy.isHr(actor('hr_officer', '/q/'), campaign)).toBe(false);
    expect(policy.isHr(actor('leader', '/p/'), campaign)).toBe(false);
    expect(policy.readsRanking(actor('civil_servant', '/q/'), campaign, true)).toBe(true);
    expect(policy.readsRanking(actor('candidate', '/p/a/'), campaign, false)).toBe(false);
  });

  it('shows a candidate their result only once published', () => {
    expect(policy.seesOwnResult({ resultsPublishedAt: null })).toBe(false);
    expect(policy.seesOwnResult({ resultsPublishedAt: new Date() })).toBe(true);
  });
});
