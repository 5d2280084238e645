import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { nationalFramework } from './seed/national-framework.js';
import { seedNationalFramework } from './framework.service.js';

/** Demo seeder: the national framework, published, owned by the Ministry of Home Affairs (agency code BNV). */
export async function frameworkDemoSeeder(trx: Transaction<Database>, context: { agencyIds: Map<string, string> }): Promise<void> {
  const agencyId = context.agencyIds.get('BNV');
  if (!agencyId) return;
  await seedNationalFramework(trx, { agencyId, doc: nationalFramework() });
}

export { seedNationalFramework, nationalFramework };
