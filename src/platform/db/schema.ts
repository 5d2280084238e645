import type { PlatformTables } from '../platform.tables.js';
import type { OrgTables } from '../../modules/org/agencies.tables.js';
import type { PeopleTables } from '../../modules/people/people.tables.js';
import type { FrameworkTables } from '../../modules/framework/framework.tables.js';
import type { PositionsTables } from '../../modules/positions/positions.tables.js';
import type { AssessmentTables } from '../../modules/assessment/assessment.tables.js';
import type { NeedsTables } from '../../modules/needs/needs.tables.js';

/** The whole schema as Kysely sees it: one interface per module, joined here. */
export interface Database extends PlatformTables, OrgTables, PeopleTables, NeedsTables, FrameworkTables, PositionsTables, AssessmentTables {}
