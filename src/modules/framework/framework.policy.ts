import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';
import type { FrameworkScope, VersionStatus } from './framework.tables.js';

interface FrameworkRef {
  scope: FrameworkScope;
  agencyPath: string;
}

/** Who may do what with a competency framework. One place, tested in framework.policy.test.ts. */
export const frameworkPolicy = {
  /** Published (and retired, for history) versions are reference data for every signed-in user; drafts only for their editors. */
  canRead(actor: Actor, framework: FrameworkRef, status: VersionStatus): boolean {
    return status !== 'draft' || frameworkPolicy.canEdit(actor, framework);
  },
  /**
   * National frameworks: only national administrators. An agency's own
   * frameworks and extensions: its HR officers (and those above it) too.
   */
  canEdit(actor: Actor, framework: FrameworkRef): boolean {
    if (actor.role === 'national_admin') return true;
    return framework.scope === 'agency' && actor.role === 'hr_officer' && isInScope(actor, framework.agencyPath);
  },
  /**
   * The public CASE service (case-service.ts): anyone reads the published
   * national frameworks; an agency's own framework and every draft stay
   * private (a signed-in caller reads what canRead allows, published only).
   */
  canReadCase(actor: Actor | null, framework: FrameworkRef, status: VersionStatus): boolean {
    if (status !== 'published') return false;
    return framework.scope === 'national' || (actor !== null && frameworkPolicy.canRead(actor, framework, status));
  },
  /** Publishing is an edit of the same framework: the same people. */
  canPublish(actor: Actor, framework: FrameworkRef): boolean {
    return frameworkPolicy.canEdit(actor, framework);
  },
  /** Who may bring a new framework in: national administrators (national) and HR officers (their agency's). */
  canCreate(actor: Actor): boolean {
    return actor.role === 'national_admin' || actor.role === 'hr_officer';
  },
  scopeOfNew(actor: Actor): FrameworkScope {
    return actor.role === 'national_admin' ? 'national' : 'agency';
  },
};
