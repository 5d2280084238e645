import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
import { accountsRoutes } from './accounts.routes.js';
import { accountsDemoSeeder } from './accounts.demo.js';

export const accountsModule: ModuleDescriptor = {
  name: 'accounts',
  routes: [{ prefix: '/api/accounts', plugin: accountsRoutes }],
  demoSeed: accountsDemoSeeder,
};
