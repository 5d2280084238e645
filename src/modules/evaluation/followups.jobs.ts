import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import { runFollowups } from './followups.service.js';

export const FOLLOWUPS_JOB = 'evaluation.followups';

/**
 * Every hour: due follow-ups open as ad hoc cycles, open ones are reminded a week before their window
 * closes, finished ones are closed and consolidated. Singleton: two passes at once would open the same
 * follow-up twice. Rows, not timers: a follow-up due while the server was stopped opens at the next pass.
 */
export const followupsJobs: JobDefinition[] = [
  {
    name: FOLLOWUPS_JOB,
    schedule: '15 * * * *',
    singleton: true,
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
    handler: (db) => runFollowups(db).then(() => undefined),
  },
];
