import type { ModuleDescriptor } from '../../platform/modules/module-descriptor.js';
// Its tables merge into the one Kysely `Database` (declaration merging), so the descriptor loads them.
import './recruitment.tables.js';
import * as recruitment from './migrations/0031_recruitment.js';
import * as promotion from './migrations/0033_promotion.js';
import { promotionRoutes } from './promotion/promotion.routes.js';

/**
 * Issue 17: the framework in recruitment, appointment and promotion. Since 1 July 2025 (Law 80/2025/QH15)
 * civil servants are recruited into a job position, so the position's profile is the yardstick.
 */
export const recruitmentModule: ModuleDescriptor = {
  name: 'recruitment',
  routes: [{ prefix: '/api/recruitment/promotions', plugin: promotionRoutes }],
  migrations: { '0031_recruitment': recruitment, '0033_promotion': promotion },
};
