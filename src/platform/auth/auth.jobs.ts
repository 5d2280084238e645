import type { JobDefinition } from '../jobs/job-queue.js';
import { cleanUpAuthRecords } from './auth-cleanup.js';

/** Expired sessions and ended sign-in counters, every quarter of an hour. */
export const authJobs: JobDefinition[] = [
  { name: 'auth.clean-up', schedule: '*/15 * * * *', singleton: true, retryLimit: 1, retryDelay: 60, handler: (db) => cleanUpAuthRecords(db) },
];
