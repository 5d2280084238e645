import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope } from '../../../platform/auth/scope.js';
import { peoplePolicy } from '../../people/people.policy.js';

/**
 * Who may do what with a development plan (issue 14, item 7): the person
 * chooses, their leader approves or changes it, HR reads its agency's plans.
 */
export const plansPolicy = {
  /** Whoever may read the person's record reads their plan. */
  canRead: (actor: Actor, plan: { personId: string; agencyPath: string }) => peoplePolicy.canRead(actor, { id: plan.personId, agencyPath: plan.agencyPath }),
  /** Only the person chooses their own courses. */
  canChoose: (actor: Actor, plan: { personId: string }) => actor.personId === plan.personId,
  /** A leader of the person's agency subtree decides, never on their own plan. */
  canDecide: (actor: Actor, plan: { personId: string; agencyPath: string }) =>
    actor.role === 'leader' && actor.personId !== plan.personId && isInScope(actor, plan.agencyPath),
  /** The agency lists: HR, leaders and national administrators (their scope). */
  canList: (actor: Actor) => actor.role === 'national_admin' || actor.role === 'hr_officer' || actor.role === 'leader',
};
