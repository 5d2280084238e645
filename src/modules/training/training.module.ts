import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './training.tables.js';
import * as training from './migrations/0012_training.js';
import * as developmentPlans from './migrations/0018_development_plans.js';
import './plans/plans.tables.js';
import { plansRoutes } from './plans/plans.routes.js';

/** Issue 14: institutions, catalogue, sessions, enrolment, records, certificates, development plans. */
export const trainingModule: ModuleDescriptor = {
  name: 'training',
  routes: [{ prefix: '/api/training', plugin: plansRoutes }],
  migrations: { '0012_training': training, '0018_development_plans': developmentPlans },
};
