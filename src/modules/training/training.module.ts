import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './training.tables.js';
import * as training from './migrations/0012_training.js';
import { catalogueRoutes } from './catalogue/catalogue.routes.js';
import { catalogueDemoSeed } from './catalogue/catalogue.demo.js';

/** Issue 14: institutions, catalogue, sessions, enrolment, records, certificates, development plans. */
export const trainingModule: ModuleDescriptor = {
  name: 'training',
  routes: [{ prefix: '/api/training', plugin: catalogueRoutes }],
  migrations: { '0012_training': training },
  // Each part seeds in turn (sessions and records need the catalogue first): one line a part.
  demoSeed: async (trx, context) => {
    await catalogueDemoSeed(trx, context);
  },
};
