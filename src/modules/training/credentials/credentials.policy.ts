import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope } from '../../../platform/auth/scope.js';

/** A credential as the policy sees it: whose, which agency, which institution issued it. */
export interface CredentialOwner {
  personId: string;
  agencyPath: string;
  institutionId: string;
}

/**
 * Who reads and revokes certificates (tested in credentials.policy.test.ts). The person reads their own;
 * HR officers and leaders those of their agency subtree; an institution's staff (trainer accounts) those
 * it issued; a national administrator all. Anyone else knows only what the public verification shows.
 */
export const credentialsPolicy = {
  canRead(actor: Actor, c: CredentialOwner, actorInstitutionId: string | null): boolean {
    if (actor.personId === c.personId) return true;
    if (actor.role === 'national_admin') return true;
    if (actor.role === 'hr_officer' || actor.role === 'leader') return isInScope(actor, c.agencyPath);
    if (actor.role === 'trainer') return actorInstitutionId !== null && actorInstitutionId === c.institutionId;
    return false;
  },
  /** The issuing institution withdraws what it issued; a national administrator may too. */
  canRevoke(actor: Actor, c: CredentialOwner, actorInstitutionId: string | null): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'trainer' && actorInstitutionId !== null && actorInstitutionId === c.institutionId;
  },
};
