import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './training.tables.js';
import './credentials/credentials.tables.js';
import * as training from './migrations/0012_training.js';
import * as developmentPlans from './migrations/0018_development_plans.js';
import './plans/plans.tables.js';
import { plansRoutes } from './plans/plans.routes.js';
import * as credentials from './migrations/0014_training_credentials.js';
import { credentialsRoutes } from './credentials/credentials.routes.js';
import { credentialsJobs } from './credentials/credentials.jobs.js';
import { recordsRoutes } from './records/records.routes.js';
import './sessions/sessions.tables.js';
import * as calendarFeeds from './migrations/0013_training_calendar_feeds.js';
import { sessionsRoutes } from './sessions/sessions.routes.js';
import { sessionsJobs } from './sessions/sessions.jobs.js';
import { seedDemoSessions } from './sessions/sessions.demo.js';
import { catalogueRoutes } from './catalogue/catalogue.routes.js';
import { catalogueDemoSeed } from './catalogue/catalogue.demo.js';
import { trainingTodo } from './training.todo.js';

/** Issue 14: institutions, catalogue, sessions, enrolment, records, certificates, development plans. */
export const trainingModule: ModuleDescriptor = {
  name: 'training',
  routes: [
    { prefix: '/api/training', plugin: catalogueRoutes },
    { prefix: '/api/training', plugin: sessionsRoutes },
    { prefix: '/api/training', plugin: plansRoutes },
    // Certificates (verifiable credentials) and the printable records and reports.
    { prefix: '/api/training', plugin: credentialsRoutes },
    { prefix: '/api/training', plugin: recordsRoutes },
  ],
  migrations: {
    '0012_training': training,
    '0013_training_calendar_feeds': calendarFeeds,
    '0014_training_credentials': credentials,
    '0018_development_plans': developmentPlans,
  },
  jobs: [...sessionsJobs, ...credentialsJobs],
  // Each part seeds in turn (sessions and records need the catalogue first): one line a part.
  demoSeed: async (trx, context) => {
    await catalogueDemoSeed(trx, context);
    await seedDemoSessions(trx, context);
  },
  todo: trainingTodo,
};
