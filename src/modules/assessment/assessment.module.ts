import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './assessment.tables.js';
import * as assessment from './migrations/0004_assessment.js';
import * as resultsRoleCategory from './migrations/0006_results_role_category.js';
import * as anonymityReleases from './migrations/0009_anonymity_releases.js';
import * as followUpCycles from './migrations/0022_follow_up_cycles.js';
import { assessmentRoutes } from './assessment.routes.js';
import { assessmentJobs } from './assessment.jobs.js';
import { assessmentTodo } from './assessment.todo.js';

export const assessmentModule: ModuleDescriptor = {
  name: 'assessment',
  routes: [{ prefix: '/api/assessments', plugin: assessmentRoutes }],
  migrations: {
    '0004_assessment': assessment,
    '0006_results_role_category': resultsRoleCategory,
    '0009_anonymity_releases': anonymityReleases,
    '0022_follow_up_cycles': followUpCycles,
  },
  jobs: assessmentJobs,
  todo: assessmentTodo,
};
