import type { JobDefinition } from '../../../platform/jobs/job-queue.js';
import { NOTIFICATION_MAIL_JOB, sendNotificationMail } from './notifications.js';

export const sessionsJobs: JobDefinition<{ notificationId: string }>[] = [
  { name: NOTIFICATION_MAIL_JOB, retryLimit: 5, retryDelay: 60, retryBackoff: true, handler: (db, data) => sendNotificationMail(db, data) },
];
