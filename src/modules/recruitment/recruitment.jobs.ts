import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import { eraseExpiredCandidates } from './erasure.service.js';

export const ERASURE_JOB = 'recruitment.erase-expired';

/**
 * Every night: candidates past their retention date are erased (Decree 13/2023/NĐ-CP). Rows, not timers:
 * a candidate due while the server was stopped goes at the next pass. Singleton: two passes would race.
 */
export const recruitmentJobs: JobDefinition[] = [
  {
    name: ERASURE_JOB,
    schedule: '40 2 * * *',
    singleton: true,
    retryLimit: 2,
    retryDelay: 300,
    handler: (db) => eraseExpiredCandidates(db).then(() => undefined),
  },
];
