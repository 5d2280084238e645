import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
import { positionsRoutes } from './positions.routes.js';
import { seedPositions } from './positions.seed.js';

export const positionsModule: ModuleDescriptor = {
  name: 'positions',
  routes: [{ prefix: '/api/positions', plugin: positionsRoutes }],
  demoSeed: seedPositions,
};
