import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';

/** Who may do what with a person's record. One place, tested in people.policy.test.ts. */
export const peoplePolicy = {
  /** HR and leaders read their subtree; everyone reads their own record. */
  canRead(actor: Actor, person: { id: string; agencyPath: string }): boolean {
    if (actor.personId === person.id) return true;
    if (actor.role === 'national_admin') return true;
    if (actor.role === 'hr_officer' || actor.role === 'leader') return isInScope(actor, person.agencyPath);
    return false;
  },
  /** Only HR officers (in scope) and national administrators change the register. */
  canWrite(actor: Actor, person: { agencyPath: string }): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'hr_officer' && isInScope(actor, person.agencyPath);
  },
};
