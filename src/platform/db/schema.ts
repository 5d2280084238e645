import type { PlatformTables } from '../platform.tables.js';

/**
 * The whole schema as Kysely sees it. The platform declares its own tables
 * here; each module merges its interface in from its `<m>.tables.ts`
 * (`declare module '…/platform/db/schema.js' { interface Database extends MTables {} }`),
 * so the platform imports no module and a module's tables stay in its folder.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- modules merge their tables in
export interface Database extends PlatformTables {}
