import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import { deleteExpiredImportJobs } from './import/staff-import.jobs.js';

/** Expired staff import jobs go with their uploaded files even when nobody uploads again. */
export const peopleJobs: JobDefinition[] = [{ name: 'people.expired-imports', schedule: '*/10 * * * *', singleton: true, retryLimit: 1, retryDelay: 60, handler: (db) => deleteExpiredImportJobs(db) }];
