import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import { remindOverdueRaters } from './progress.service.js';

/** Every hour, overdue raters are looked for; each is reminded at most once a day (progress.service). Singleton: two passes at once could both remind before either records it. */
export const assessmentJobs: JobDefinition[] = [
  {
    name: 'assessment.overdue-reminders',
    schedule: '0 * * * *',
    singleton: true,
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: true,
    handler: (db) => remindOverdueRaters(db),
  },
];
