import type { Migration } from 'kysely';
import * as foundation from './migrations/0001_foundation.js';
import * as framework from '../../modules/framework/migrations/0002_framework.js';
import * as adminUnitsAgenciesStaff from '../../modules/org/migrations/0003_admin_units_agencies_staff.js';
import * as assessment from '../../modules/assessment/migrations/0004_assessment.js';
import * as needsSummaries from '../../modules/needs/migrations/0005_needs_summaries.js';
import * as resultsRoleCategory from '../../modules/assessment/migrations/0006_results_role_category.js';
import * as needsSummaryKey from '../../modules/needs/migrations/0007_needs_summary_key.js';
import * as loginAttempts from './migrations/0008_login_attempts.js';
import * as anonymityReleases from '../../modules/assessment/migrations/0009_anonymity_releases.js';
import * as staffImportJobs from '../../modules/people/migrations/0010_staff_import_jobs.js';
import * as auditRelatedPaths from './migrations/0011_audit_related_paths.js';

/**
 * Every migration of every module, in order. Names are numbered and never
 * change once landed; a module adds its own file and one line here.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_framework': framework,
  '0003_admin_units_agencies_staff': adminUnitsAgenciesStaff,
  '0004_assessment': assessment,
  '0005_needs_summaries': needsSummaries,
  '0006_results_role_category': resultsRoleCategory,
  '0007_needs_summary_key': needsSummaryKey,
  '0008_login_attempts': loginAttempts,
  '0009_anonymity_releases': anonymityReleases,
  '0010_staff_import_jobs': staffImportJobs,
  '0011_audit_related_paths': auditRelatedPaths,
};
