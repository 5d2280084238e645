import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './evaluation.tables.js';
import './followups.tables.js';
import * as qualityClassification from './migrations/0019_quality_classification.js';
import { qualityRoutes } from './quality.routes.js';
import * as followups from './migrations/0025_evaluation_followups.js';
import * as effectiveness from './migrations/0026_evaluation_effectiveness.js';
import { effectivenessRoutes } from './effectiveness.routes.js';
import { followupsJobs } from './followups.jobs.js';

/** Issue 16: after training — reaction, learning, behaviour, results (the annual quality classification), effectiveness. */
export const evaluationModule: ModuleDescriptor = {
  name: 'evaluation',
  routes: [
    { prefix: '/api/evaluation', plugin: qualityRoutes },
    { prefix: '/api/evaluation', plugin: effectivenessRoutes },
  ],
  migrations: {
    '0019_quality_classification': qualityClassification,
    '0025_evaluation_followups': followups,
    '0026_evaluation_effectiveness': effectiveness,
  },
  jobs: followupsJobs,
};
