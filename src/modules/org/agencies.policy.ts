import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';

/** Who may read and change agencies. */
export const agencyPolicy = {
  /** Everyone signed in reads their own subtree; the national administrator the whole tree. */
  canRead(actor: Actor, agency: { path: string }): boolean {
    return isInScope(actor, agency.path);
  },
  /**
   * The national administrator reshapes the tree; an HR officer changes agencies
   * strictly below their own (they may not move or merge the agency that grants their scope).
   */
  canWrite(actor: Actor, agency: { path: string }): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'hr_officer' && agency.path !== actor.agencyPath && isInScope(actor, agency.path);
  },
  /** Creating a child needs write access under the parent (an HR officer may add under their own agency). */
  canAddChild(actor: Actor, parent: { path: string } | null): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'hr_officer' && parent !== null && isInScope(actor, parent.path);
  },
};
