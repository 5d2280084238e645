import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import { SOLVE_JOB, executeRun } from './planning.solve.js';

export const planningJobs: JobDefinition<any>[] = [
  // Sent by the transaction that creates the run; a restart re-runs it (the run row says where it stood).
  // The heartbeat: a solve lasts up to 10 minutes, so a process that died mid-solve is noticed in 30 s, not after the 15-minute expiry.
  {
    name: SOLVE_JOB,
    retryLimit: 2,
    retryDelay: 10,
    heartbeatSeconds: 30,
    handler: (db, data: { runId: string; timeLimitSeconds?: number }) => executeRun(db, data),
  },
];
