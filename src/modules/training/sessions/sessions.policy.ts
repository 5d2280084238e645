import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope } from '../../../platform/auth/scope.js';

/**
 * Who may do what with sessions and enrolments: one place, tested in
 * sessions.policy.test.ts. `staffOf` is the institution the actor's account
 * acts for (training_institution_staff), null for everyone else.
 */
export const sessionsPolicy = {
  /** The course's institution's staff (trainers) and national administrators plan sessions. */
  canManage(actor: Actor, staffOf: string | null, session: { institutionId: string }): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'trainer' && staffOf !== null && staffOf === session.institutionId;
  },
  /**
   * HR and leaders read enrolments of their subtree; a trainer those of their
   * institution's sessions (names and agency, never assessment results); a
   * person their own.
   */
  canReadEnrolment(actor: Actor, staffOf: string | null, enrolment: { personId: string; agencyPath: string; institutionId: string }): boolean {
    if (actor.personId === enrolment.personId) return true;
    if (actor.role === 'national_admin') return true;
    if (actor.role === 'hr_officer' || actor.role === 'leader') return isInScope(actor, enrolment.agencyPath);
    return actor.role === 'trainer' && staffOf !== null && staffOf === enrolment.institutionId;
  },
  /** HR officers enrol, cancel and replace people of their subtree. */
  canEnrolOthers(actor: Actor, person: { agencyPath: string }): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'hr_officer' && isInScope(actor, person.agencyPath);
  },
  /** The person themself may cancel their own request or seat. */
  canCancel(actor: Actor, enrolment: { personId: string; agencyPath: string }): boolean {
    return actor.personId === enrolment.personId || sessionsPolicy.canEnrolOthers(actor, enrolment);
  },
  /** A leader of the person's agency subtree decides a request, never their own. */
  canDecide(actor: Actor, enrolment: { personId: string; agencyPath: string }): boolean {
    if (actor.personId === enrolment.personId) return false;
    if (actor.role === 'national_admin') return true;
    return actor.role === 'leader' && isInScope(actor, enrolment.agencyPath);
  },
};
