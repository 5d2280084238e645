import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './planning.tables.js';
import * as planning from './migrations/0021_planning.js';
import * as planningOpenings from './migrations/0036_planning_openings.js';
import { planningJobs } from './planning.jobs.js';
import { planningRoutes } from './planning.routes.js';
import { planningTodo } from './planning.todo.js';

/** Issue 15: the agency's annual training plan, chosen by a MIP solver (HiGHS) and explained. */
export const planningModule: ModuleDescriptor = {
  name: 'planning',
  routes: [{ prefix: '/api/planning', plugin: planningRoutes }],
  migrations: { '0021_planning': planning, '0036_planning_openings': planningOpenings },
  jobs: planningJobs,
  todo: planningTodo,
};
