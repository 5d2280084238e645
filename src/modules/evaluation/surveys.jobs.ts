import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import { remindSurveys } from './surveys.service.js';

/** Once a day at 08:00 (TIME_ZONE): one reminder to each trainee who has not answered an open survey. */
export const surveysJobs: JobDefinition[] = [
  {
    name: 'evaluation.survey-reminders',
    schedule: '0 8 * * *',
    singleton: true,
    retryLimit: 2,
    retryDelay: 300,
    handler: async (db) => {
      await remindSurveys(db);
    },
  },
];
