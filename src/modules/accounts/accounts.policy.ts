import type { Actor } from '../../platform/auth/actor.js';
import { ROLES, type Role } from '../../platform/auth/roles.js';
import { isInScope } from '../../platform/auth/scope.js';

/**
 * Who may manage sign-in accounts. The national administrator manages every
 * account; an HR officer manages the accounts of their agency subtree, but can
 * neither create nor touch a national administrator (that would widen their
 * own reach) nor change their own account here (own password: /api/auth/password).
 */
export const accountsPolicy = {
  canList(actor: Actor): boolean {
    return actor.role === 'national_admin' || actor.role === 'hr_officer';
  },
  assignableRoles(actor: Actor): readonly Role[] {
    if (actor.role === 'national_admin') return ROLES;
    if (actor.role === 'hr_officer') return ROLES.filter((r) => r !== 'national_admin');
    return [];
  },
  /** May the actor manage an account with this role in an agency with this path? */
  canManage(actor: Actor, account: { userId?: string; role: Role; agencyPath: string }): boolean {
    if (account.userId === actor.userId) return false;
    if (!this.assignableRoles(actor).includes(account.role)) return false;
    return isInScope(actor, account.agencyPath);
  },
};
