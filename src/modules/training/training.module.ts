import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './training.tables.js';
import './credentials/credentials.tables.js';
import * as training from './migrations/0012_training.js';
import * as credentials from './migrations/0014_training_credentials.js';
import { credentialsRoutes } from './credentials/credentials.routes.js';
import { credentialsJobs } from './credentials/credentials.jobs.js';
import { recordsRoutes } from './records/records.routes.js';

/** Issue 14: institutions, catalogue, sessions, enrolment, records, certificates, development plans. */
export const trainingModule: ModuleDescriptor = {
  name: 'training',
  migrations: { '0012_training': training, '0014_training_credentials': credentials },
  routes: [
    // Certificates (verifiable credentials) and the printable records and reports.
    { prefix: '/api/training', plugin: credentialsRoutes },
    { prefix: '/api/training', plugin: recordsRoutes },
  ],
  jobs: [...credentialsJobs],
};
