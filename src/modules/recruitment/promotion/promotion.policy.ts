import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope } from '../../../platform/auth/scope.js';

/**
 * Who may see and decide an appointment or promotion round (issue 17, item 5): HR officers of the position's
 * agency (their subtree) set the rules, shortlist and decide; leaders of the subtree read the standings;
 * national administrators everything. Civil servants never see others' standings (the routes refuse their
 * role), and out of scope answers 404 as if the round did not exist.
 */
export const promotionPolicy = {
  canRead: (actor: Actor, round: { agencyPath: string }) =>
    actor.role === 'national_admin' || ((actor.role === 'hr_officer' || actor.role === 'leader') && isInScope(actor, round.agencyPath)),
  canWrite: (actor: Actor, round: { agencyPath: string }) =>
    actor.role === 'national_admin' || (actor.role === 'hr_officer' && isInScope(actor, round.agencyPath)),
};
