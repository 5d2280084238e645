import type { JobDefinition } from '../../../platform/jobs/job-queue.js';
import { encryptLegacyKeys } from './signing.js';
import { ISSUE_JOB, issueAllPending, issuePendingCredential } from './issue.service.js';

export const credentialsJobs: JobDefinition<any>[] = [
  // Sent by the completion's transaction: exists only if the completion committed.
  {
    name: ISSUE_JOB,
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    handler: (db, data: { credentialId: string }) => issuePendingCredential(db, data.credentialId),
  },
  // Completions recorded where no queue ran (CLI, demo seed: the first start's certificates within a minute) and jobs that failed for good.
  {
    name: 'training.issue-pending-credentials',
    schedule: '* * * * *',
    singleton: true,
    retryLimit: 1,
    retryDelay: 60,
    handler: async (db) => {
      // Keys stored in clear before encryption at rest are rewritten here, retired ones included.
      await encryptLegacyKeys(db);
      await issueAllPending(db);
    },
  },
];
