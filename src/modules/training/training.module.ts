import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './training.tables.js';
import * as training from './migrations/0012_training.js';

/** Issue 14: institutions, catalogue, sessions, enrolment, records, certificates, development plans. */
export const trainingModule: ModuleDescriptor = {
  name: 'training',
  migrations: { '0012_training': training },
};
