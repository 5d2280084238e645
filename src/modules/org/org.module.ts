import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './agencies.tables.js';
import * as adminUnitsAgenciesStaff from './migrations/0003_admin_units_agencies_staff.js';
import * as adminUnitChangeSets from './migrations/0028_admin_unit_change_sets.js';
import { orgRoutes } from './org.routes.js';
import { orgDemoSeeder } from './org.demo.js';

export const orgModule: ModuleDescriptor = {
  name: 'org',
  routes: [{ prefix: '/api/org', plugin: orgRoutes }],
  migrations: { '0003_admin_units_agencies_staff': adminUnitsAgenciesStaff, '0028_admin_unit_change_sets': adminUnitChangeSets },
  demoSeed: orgDemoSeeder,
};
