import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './positions.tables.js';
import { positionsRoutes } from './positions.routes.js';
import { seedPositions } from './positions.seed.js';

export const positionsModule: ModuleDescriptor = {
  name: 'positions',
  routes: [{ prefix: '/api/positions', plugin: positionsRoutes }],
  demoSeed: seedPositions,
};
