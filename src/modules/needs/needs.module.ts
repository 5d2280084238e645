import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './needs.tables.js';
import * as needsSummaries from './migrations/0005_needs_summaries.js';
import * as needsSummaryKey from './migrations/0007_needs_summary_key.js';
import { needsRoutes } from './needs.routes.js';
import { needsJobs } from './needs.jobs.js';
import { needsCommands } from './needs.cli.js';

export const needsModule: ModuleDescriptor = {
  name: 'needs',
  routes: [{ prefix: '/api/needs', plugin: needsRoutes }],
  migrations: { '0005_needs_summaries': needsSummaries, '0007_needs_summary_key': needsSummaryKey },
  jobs: needsJobs,
  cli: needsCommands,
};
