import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './training.tables.js';
import './sessions/sessions.tables.js';
import * as training from './migrations/0012_training.js';
import * as calendarFeeds from './migrations/0013_training_calendar_feeds.js';
import { sessionsRoutes } from './sessions/sessions.routes.js';
import { sessionsJobs } from './sessions/sessions.jobs.js';
import { seedDemoSessions } from './sessions/sessions.demo.js';

/** Issue 14: institutions, catalogue, sessions, enrolment, records, certificates, development plans. */
export const trainingModule: ModuleDescriptor = {
  name: 'training',
  routes: [{ prefix: '/api/training', plugin: sessionsRoutes }],
  migrations: { '0012_training': training, '0013_training_calendar_feeds': calendarFeeds },
  jobs: [...sessionsJobs],
  // One seeder for the module, its parts in order: the catalogue's (institutions, courses) goes before the sessions'.
  demoSeed: async (trx, context) => {
    await seedDemoSessions(trx, context);
  },
};
