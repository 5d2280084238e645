import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './evaluation.tables.js';
import * as qualityClassification from './migrations/0019_quality_classification.js';
import { qualityRoutes } from './quality.routes.js';

/** Issue 16: after training — reaction, learning, behaviour, results (the annual quality classification), effectiveness. */
export const evaluationModule: ModuleDescriptor = {
  name: 'evaluation',
  routes: [{ prefix: '/api/evaluation', plugin: qualityRoutes }],
  migrations: { '0019_quality_classification': qualityClassification },
};
