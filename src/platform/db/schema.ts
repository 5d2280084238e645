import type { PlatformTables } from '../platform.tables.js';
import type { OrgTables } from '../../modules/org/agencies.tables.js';
import type { PeopleTables } from '../../modules/people/people.tables.js';

/** The whole schema as Kysely sees it: one interface per module, joined here. */
export interface Database extends PlatformTables, OrgTables, PeopleTables {}
