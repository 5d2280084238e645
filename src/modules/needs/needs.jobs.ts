import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import { vacuumNeedsSummaries } from './summaries.js';

/** The embedded engine has no autovacuum: its busiest summary rows are vacuumed every ten minutes. */
export const needsJobs: JobDefinition[] = [
  {
    name: 'needs.vacuum-summaries',
    schedule: '*/10 * * * *',
    singleton: true,
    engines: ['pglite'],
    retryLimit: 0,
    handler: (db) => vacuumNeedsSummaries(db, 'province'),
  },
];
