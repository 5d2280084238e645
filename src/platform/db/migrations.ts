import type { Migration } from 'kysely';
import * as foundation from './migrations/0001_foundation.js';
import * as loginAttempts from './migrations/0008_login_attempts.js';
import * as auditRelatedPaths from './migrations/0011_audit_related_paths.js';
import * as passwordMustChange from './migrations/0029_password_must_change.js';

/**
 * The platform's own migrations. Each module lists its own in its descriptor;
 * src/modules/registry.ts merges them all (Kysely runs them in name order).
 * Names are numbered and never change once landed.
 */
export const platformMigrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0008_login_attempts': loginAttempts,
  '0011_audit_related_paths': auditRelatedPaths,
  '0029_password_must_change': passwordMustChange,
};
