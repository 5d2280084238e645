import type { Db } from '../db/engine.js';
import type { DemoSeeder } from '../modules/module-descriptor.js';

/**
 * Load the demo once: only into a database that has no account yet. Returns
 * whether it loaded. `seeders` are the modules' (src/modules/registry.ts
 * `demoSeeders`), run in registry order in one transaction; each module seeds
 * its own tables (org the agencies, whose ids it adds to `agencyIds`, people
 * the staff, accounts the accounts).
 */
export async function seedDemoIfEmpty(db: Db, seeders: readonly DemoSeeder[]): Promise<boolean> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    const context = { agencyIds: new Map<string, string>() };
    for (const seeder of seeders) await seeder(trx, context);
  });
  return true;
}
