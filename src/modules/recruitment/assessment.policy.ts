import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';

/**
 * Who sees and does what on a campaign's assessment (issue 17, access): HR of the campaign's agency (and above it)
 * manages it and reads everything submitted; the panel members read their campaign's ranking and rate; a
 * candidate sees only their own result, once the campaign's results are published. Anyone else: not found.
 */
export const recruitmentAssessmentPolicy = {
  isHr: (actor: Actor, campaign: { agencyPath: string }) =>
    (actor.role === 'hr_officer' || actor.role === 'national_admin') && isInScope(actor, campaign.agencyPath),
  /** HR and the panel read the ranking and the fairness view. */
  readsRanking: (actor: Actor, campaign: { agencyPath: string }, onPanel: boolean) => recruitmentAssessmentPolicy.isHr(actor, campaign) || onPanel,
  seesOwnResult: (campaign: { resultsPublishedAt: Date | null }) => campaign.resultsPublishedAt !== null,
};
