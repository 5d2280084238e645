import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';

/** Who may do what with a job position and its competency profile. Tested in positions.policy.test.ts. */
export const positionsPolicy = {
  /** Positions are read within the agency subtree (a national administrator reads all). */
  canRead(actor: Actor, position: { agencyPath: string }): boolean {
    return isInScope(actor, position.agencyPath);
  },
  /** HR officers keep the positions of their subtree; national administrators all, national ones included. */
  canWrite(actor: Actor, position: { agencyPath: string }): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'hr_officer' && isInScope(actor, position.agencyPath);
  },
  /** Profile templates are national reference data. */
  canEditTemplates(actor: Actor): boolean {
    return actor.role === 'national_admin';
  },
};
