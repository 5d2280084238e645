import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';

/**
 * Who may do what in recruitment (issue 17), in one place (recruitment.policy.test.ts). HR runs the
 * campaigns of its agency subtree; a panel member reads only the campaign they sit on; a candidate reads
 * only their own applications. Everyone else is answered 404, so a campaign's existence does not leak.
 */
export const recruitmentPolicy = {
  canManage(actor: Actor, campaign: { agencyPath: string }): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'hr_officer' && isInScope(actor, campaign.agencyPath);
  },
  /** HR of the agency and the campaign's panel read its applications and their documents. */
  canReadApplications(actor: Actor, campaign: { agencyPath: string }, isPanelMember: boolean): boolean {
    return recruitmentPolicy.canManage(actor, campaign) || isPanelMember;
  },
  /** An application (and its files): its candidate, HR of the agency, the campaign's panel. */
  canReadApplication(actor: Actor, application: { agencyPath: string; candidateUserId: string | null }, isPanelMember: boolean): boolean {
    if (application.candidateUserId !== null && application.candidateUserId === actor.userId) return true;
    return recruitmentPolicy.canReadApplications(actor, application, isPanelMember);
  },
  /** Who may apply with their own account: candidates from outside and staff of the register. */
  canApply(actor: Actor): boolean {
    return actor.role === 'candidate' || actor.personId !== null;
  },
};
