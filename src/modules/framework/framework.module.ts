import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './framework.tables.js';
import * as framework from './migrations/0002_framework.js';
import * as caseIdentity from './migrations/0027_case_identity.js';
import * as moodleExtras from './migrations/0030_moodle_extras.js';
import * as withoutLevels from './migrations/0034_framework_without_levels.js';
import { frameworkRoutes } from './framework.routes.js';
import { caseServiceRoutes, caseServiceV1p0Routes } from './case-service.routes.js';
import { CASE_SERVICE_PATH } from './case-identity.js';
import { frameworkDemoSeeder } from './framework.seed.js';
import { frameworkCommands } from './framework.cli.js';

export const frameworkModule: ModuleDescriptor = {
  name: 'framework',
  routes: [
    { prefix: '/api/frameworks', plugin: frameworkRoutes },
    { prefix: CASE_SERVICE_PATH, plugin: caseServiceRoutes },
    { prefix: '/ims/case/v1p0', plugin: caseServiceV1p0Routes },
  ],
  migrations: {
    '0002_framework': framework,
    '0027_case_identity': caseIdentity,
    '0030_moodle_extras': moodleExtras,
    '0034_framework_without_levels': withoutLevels,
  },
  demoSeed: frameworkDemoSeeder,
  cli: frameworkCommands,
};
