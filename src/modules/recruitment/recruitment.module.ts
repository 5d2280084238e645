import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './recruitment.tables.js';
import './assessment.tables.js';
import './standings.tables.js';
import * as recruitment from './migrations/0031_recruitment.js';
import { campaignsRoutes } from './campaigns.routes.js';
import { panelRoutes } from './panel.routes.js';
import { applicationsRoutes } from './applications.routes.js';
import { publicRoutes } from './public.routes.js';
import { recruitmentJobs } from './recruitment.jobs.js';
import { recruitmentDemoSeed } from './recruitment.demo.js';
import { recruitmentRankingRoutes } from './ranking.routes.js';
import { recruitmentRatingsRoutes } from './ratings.routes.js';
import * as recruitmentAssessment from './migrations/0032_recruitment_assessment.js';
import * as promotion from './migrations/0033_promotion.js';
import * as currentLevels from './migrations/0035_current_levels.js';
import * as standings from './migrations/0042_recruitment_standings.js';
import * as identityNumbers from './migrations/0043_identity_numbers.js';
import * as packedCurrentLevels from './migrations/0044_packed_current_levels.js';
import { promotionRoutes } from './promotion/promotion.routes.js';

/**
 * Issue 17: the framework in recruitment, appointment and promotion. Since 1 July 2025 (Law 80/2025/QH15)
 * civil servants are recruited into a job position, so the position's profile is the yardstick.
 */
export const recruitmentModule: ModuleDescriptor = {
  name: 'recruitment',
  routes: [
    { prefix: '/api/recruitment', plugin: campaignsRoutes },
    { prefix: '/api/recruitment', plugin: panelRoutes },
    { prefix: '/api/recruitment', plugin: applicationsRoutes },
    // The notice board and the candidate's sign-up: no account needed.
    { prefix: '/api/recruitment', plugin: publicRoutes },
    { prefix: '/api/recruitment', plugin: recruitmentRatingsRoutes },
    { prefix: '/api/recruitment', plugin: recruitmentRankingRoutes },
    { prefix: '/api/recruitment/promotions', plugin: promotionRoutes },
  ],
  migrations: {
    '0031_recruitment': recruitment,
    '0032_recruitment_assessment': recruitmentAssessment,
    '0033_promotion': promotion,
    '0035_current_levels': currentLevels,
    '0042_recruitment_standings': standings,
    '0043_identity_numbers': identityNumbers,
    '0044_packed_current_levels': packedCurrentLevels,
  },
  jobs: recruitmentJobs,
  demoSeed: recruitmentDemoSeed,
};
