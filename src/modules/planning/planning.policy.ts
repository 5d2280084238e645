import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';

/**
 * Who may do what with an agency's annual plan (issue 15): its HR officers
 * (the agency's subtree) build, edit and approve it; leaders of the subtree
 * read it; national administrators everything. Out of scope answers 404.
 */
export const planningPolicy = {
  canRead: (actor: Actor, plan: { agencyPath: string }) =>
    actor.role === 'national_admin' || ((actor.role === 'hr_officer' || actor.role === 'leader') && isInScope(actor, plan.agencyPath)),
  canWrite: (actor: Actor, plan: { agencyPath: string }) =>
    actor.role === 'national_admin' || (actor.role === 'hr_officer' && isInScope(actor, plan.agencyPath)),
};
