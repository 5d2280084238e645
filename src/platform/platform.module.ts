import type { ModuleDescriptor } from './modules/module-descriptor.js';
import { platformMigrations } from './db/migrations.js';
import { auditRoutes } from './audit/audit.routes.js';
import { jobsRoutes } from './jobs/jobs.routes.js';
import { authJobs } from './auth/auth.jobs.js';
import { jobsTodo } from './jobs/jobs.todo.js';

/** The platform's own part (auth, audit, jobs), listed first in the registry like any module. */
export const platformModule: ModuleDescriptor = {
  name: 'platform',
  routes: [
    { prefix: '/api/audit', plugin: auditRoutes },
    { prefix: '/api/jobs', plugin: jobsRoutes },
  ],
  migrations: platformMigrations,
  jobs: authJobs,
  todo: jobsTodo,
};
