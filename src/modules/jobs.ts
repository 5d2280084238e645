import type { AnyJobDefinition } from '../platform/jobs/job-queue.js';
import { authJobs } from '../platform/auth/auth.jobs.js';
import { assessmentJobs } from './assessment/assessment.jobs.js';
import { needsJobs } from './needs/needs.jobs.js';
import { peopleJobs } from './people/people.jobs.js';

/**
 * Every job the server runs, in one place (the platform imports no module): a
 * module exports its definitions from `<m>.jobs.ts` and adds them here.
 */
export const jobDefinitions: readonly AnyJobDefinition[] = [...authJobs, ...assessmentJobs, ...needsJobs, ...peopleJobs];
