import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';

/**
 * Who may do what with reaction surveys: one place, tested in surveys.policy.test.ts.
 * `staffOf` is the institution a trainer's account acts for (null otherwise).
 * Nobody reads one person's answers: results are aggregates only (surveys.rules.ts).
 */
export const surveysPolicy = {
  /** A set belongs to its institution's trainers, or to the HR officers of its agency and the agencies above. */
  canManageSet(actor: Actor, staffOf: string | null, set: { institutionId: string | null; agencyPath: string | null }): boolean {
    if (set.institutionId !== null) return actor.role === 'trainer' && staffOf === set.institutionId;
    return actor.role === 'hr_officer' && set.agencyPath !== null && isInScope(actor, set.agencyPath);
  },
  /**
   * A survey's aggregate: an institution set's to its trainers, to national
   * administrators, and to HR officers with someone of their subtree invited;
   * an HR set's to its owners (its respondents are their staff).
   */
  canReadResults(
    actor: Actor,
    staffOf: string | null,
    survey: { institutionId: string | null; setAgencyPath: string | null; invitedAgencyPaths: readonly string[] },
  ): boolean {
    if (actor.role === 'national_admin') return true;
    if (survey.institutionId !== null) {
      if (actor.role === 'trainer') return staffOf === survey.institutionId;
      return actor.role === 'hr_officer' && survey.invitedAgencyPaths.some((p) => isInScope(actor, p));
    }
    return actor.role === 'hr_officer' && survey.setAgencyPath !== null && isInScope(actor, survey.setAgencyPath);
  },
};
