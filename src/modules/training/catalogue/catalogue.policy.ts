import type { Actor } from '../../../platform/auth/actor.js';

/**
 * Who may do what with institutions, courses and lecturers. `staffOf` is the
 * institution the caller's account is linked to as staff
 * (training_institution_staff), or null. Tested in catalogue.policy.test.ts.
 */
export const cataloguePolicy = {
  /** National administrators create and edit institutions, their staff links and their clients. */
  canManageInstitutions(actor: Actor): boolean {
    return actor.role === 'national_admin';
  },
  /** An institution's own staff (role trainer) keep its courses and lecturers; national administrators any. */
  canManageCatalogue(actor: Actor, institution: { id: string }, staffOf: string | null): boolean {
    if (actor.role === 'national_admin') return true;
    return actor.role === 'trainer' && staffOf === institution.id;
  },
  /** Drafts and retired versions are seen by those who keep the catalogue; everyone signed in reads active courses. */
  canReadCourse(actor: Actor, course: { institutionId: string; status: string }, staffOf: string | null): boolean {
    return course.status === 'active' || this.canManageCatalogue(actor, { id: course.institutionId }, staffOf);
  },
  /** The aggregated needs of an institution's clients: its staff and national administrators. */
  canSeeClientNeeds(actor: Actor, institution: { id: string }, staffOf: string | null): boolean {
    return this.canManageCatalogue(actor, institution, staffOf);
  },
  /** Lecturers' contacts are for those who plan training: the institution, HR and administrators. */
  canReadLecturers(actor: Actor, institution: { id: string }, staffOf: string | null): boolean {
    return actor.role === 'hr_officer' || this.canManageCatalogue(actor, institution, staffOf);
  },
};
