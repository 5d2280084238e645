import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './evaluation.tables.js';
import './surveys.tables.js';
import './learning.tables.js';
import './followups.tables.js';
import * as qualityClassification from './migrations/0019_quality_classification.js';
import * as reactionSurveys from './migrations/0023_reaction_surveys.js';
import * as learningTests from './migrations/0024_learning_tests.js';
import * as followups from './migrations/0025_evaluation_followups.js';
import * as effectiveness from './migrations/0026_evaluation_effectiveness.js';
import * as effectRollups from './migrations/0037_evaluation_effect_rollups.js';
import * as surveyNonCompleters from './migrations/0038_survey_non_completers.js';
import * as effectRollupsFillfactor from './migrations/0045_effect_rollups_fillfactor.js';
import { qualityRoutes } from './quality.routes.js';
import { surveysRoutes } from './surveys.routes.js';
import { learningTestsRoutes } from './learning-tests.routes.js';
import { effectivenessRoutes } from './effectiveness.routes.js';
import { surveysJobs } from './surveys.jobs.js';
import { followupsJobs } from './followups.jobs.js';
import { seedReactionDemo } from './reaction.demo.js';
import { evaluationTodo } from './evaluation.todo.js';

/** Issue 16: after training — reaction, learning, behaviour, results (the annual quality classification), effectiveness. */
export const evaluationModule: ModuleDescriptor = {
  name: 'evaluation',
  routes: [
    { prefix: '/api/evaluation', plugin: qualityRoutes },
    { prefix: '/api/evaluation', plugin: surveysRoutes },
    { prefix: '/api/evaluation', plugin: learningTestsRoutes },
    { prefix: '/api/evaluation', plugin: effectivenessRoutes },
  ],
  migrations: {
    '0019_quality_classification': qualityClassification,
    '0023_reaction_surveys': reactionSurveys,
    '0024_learning_tests': learningTests,
    '0025_evaluation_followups': followups,
    '0026_evaluation_effectiveness': effectiveness,
    '0037_evaluation_effect_rollups': effectRollups,
    '0038_survey_non_completers': surveyNonCompleters,
    '0045_effect_rollups_fillfactor': effectRollupsFillfactor,
  },
  jobs: [...surveysJobs, ...followupsJobs],
  // Each part seeds in turn: one line a part.
  demoSeed: async (trx, context) => {
    await seedReactionDemo(trx, context);
  },
  todo: evaluationTodo,
};
