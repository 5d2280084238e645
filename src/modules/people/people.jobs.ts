import type { AnyJobDefinition, JobDefinition } from '../../platform/jobs/job-queue.js';
import { deleteExpiredImportJobs } from './import/staff-import.jobs.js';
import { STAFF_IMPORT_COMMIT_JOB, runQueuedCommit, type StaffImportCommitData } from './import/staff-import.service.js';

/** Expired staff import jobs go with their uploaded files even when nobody uploads again. */
const expiredImports: JobDefinition = {
  name: 'people.expired-imports',
  schedule: '*/10 * * * *',
  singleton: true,
  retryLimit: 1,
  retryDelay: 60,
  handler: (db) => deleteExpiredImportJobs(db),
};

/**
 * A confirmed staff import, sent with the import's id as singleton key: one
 * run at a time per import; retried with back-off when the database went away.
 */
const commitImport: JobDefinition<StaffImportCommitData> = {
  name: STAFF_IMPORT_COMMIT_JOB,
  singleton: true,
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  handler: (db, data) => runQueuedCommit(db, data),
};

export const peopleJobs: readonly AnyJobDefinition[] = [expiredImports, commitImport];
