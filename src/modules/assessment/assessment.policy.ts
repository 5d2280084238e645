import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';

/**
 * Who may do what in assessments. Individual ratings are readable only by the
 * rater who gave them: HR manages forms (assign, remind, reopen) without seeing
 * their levels, and the person rated and their leader see results only as the
 * consolidated, anonymity-safe aggregate.
 */
export const assessmentPolicy = {
  /** Create and run cycles, assign raters, reopen forms, consolidate: HR of the cycle's agency subtree. */
  canManageCycle(actor: Actor, cycle: { agencyPath: string }): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'hr_officer' && isInScope(actor, cycle.agencyPath);
  },
  /** Fill in a form: only its rater. */
  canRate(actor: Actor, assignment: { raterPersonId: string | null; raterUserId: string | null }): boolean {
    if (assignment.raterUserId && assignment.raterUserId === actor.userId) return true;
    return assignment.raterPersonId !== null && assignment.raterPersonId === actor.personId;
  },
  /** A person's consolidated report: themself, leaders and HR of their agency subtree. */
  canReadReport(actor: Actor, person: { id: string; agencyPath: string }): boolean {
    if (actor.personId === person.id) return true;
    if (actor.role === 'national_admin') return true;
    return (actor.role === 'hr_officer' || actor.role === 'leader') && isInScope(actor, person.agencyPath);
  },
  /** Results of a cycle still open: only HR of the person's subtree (see report.service.ts). */
  seesUnpublishedResults(actor: Actor, person: { agencyPath: string }): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'hr_officer' && isInScope(actor, person.agencyPath);
  },
  /** Question banks: HR and national administrators. */
  canManageQuestions(actor: Actor): boolean {
    return actor.role === 'national_admin' || actor.role === 'hr_officer';
  },
};
