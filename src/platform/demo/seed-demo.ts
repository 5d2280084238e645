import type { Transaction } from 'kysely';
import type { Db } from '../db/engine.js';
import type { Database } from '../db/schema.js';
import { hashPassword } from '../auth/passwords.js';
import { foldForSearch } from '../text/vietnamese.js';
import { DEMO_ACCOUNTS, DEMO_AGENCIES, DEMO_PASSWORD, DEMO_STAFF } from './demo-accounts.js';
import type { DemoSeeder } from '../modules/module-descriptor.js';

/**
 * Load the demo once: only into a database that has no account yet. Returns
 * whether it loaded. `seeders` are the modules' (src/modules/registry.ts
 * `demoSeeders`), run in registry order after the base agencies and accounts.
 */
export async function seedDemoIfEmpty(db: Db, seeders: readonly DemoSeeder[]): Promise<boolean> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const agencyIds = await insertAgencies(trx);
    await insertStaffAndAccounts(trx, agencyIds, passwordHash);
    for (const seeder of seeders) await seeder(trx, { agencyIds });
  });
  return true;
}

async function insertAgencies(trx: Transaction<Database>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const paths = new Map<string, string>();
  for (const agency of DEMO_AGENCIES) {
    const id = crypto.randomUUID();
    const parentPath = agency.parentCode ? paths.get(agency.parentCode)! : '/';
    const agencyPath = `${parentPath}${id}/`;
    await trx
      .insertInto('agencies')
      .values({
        id,
        code: agency.code,
        name: agency.name,
        name_en: agency.nameEn,
        kind: agency.kind,
        parent_id: agency.parentCode ? ids.get(agency.parentCode)! : null,
        path: agencyPath,
      })
      .execute();
    ids.set(agency.code, id);
    paths.set(agency.code, agencyPath);
  }
  return ids;
}

async function insertStaffAndAccounts(trx: Transaction<Database>, agencyIds: Map<string, string>, passwordHash: string) {
  for (const staff of DEMO_STAFF) {
    await trx
      .insertInto('people')
      .values({
        staff_code: staff.staffCode,
        full_name: staff.fullName,
        search_name: foldForSearch(staff.fullName),
        gender: staff.gender,
        date_of_birth: staff.dateOfBirth,
        role_category: staff.roleCategory,
        rank: staff.rank,
        agency_id: agencyIds.get(staff.agencyCode)!,
      })
      .execute();
  }
  for (const account of DEMO_ACCOUNTS) {
    const agencyId = agencyIds.get(account.agencyCode)!;
    let personId: string | null = null;
    if (account.person) {
      const person = await trx
        .insertInto('people')
        .values({
          staff_code: account.person.staffCode,
          full_name: account.displayName,
          search_name: foldForSearch(account.displayName),
          gender: account.person.gender,
          date_of_birth: account.person.dateOfBirth,
          role_category: account.person.roleCategory,
          rank: account.person.rank,
          email: `${account.username}@nangluc.demo`,
          agency_id: agencyId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      personId = person.id;
    }
    await trx
      .insertInto('users')
      .values({
        username: account.username,
        display_name: account.displayName,
        password_hash: passwordHash,
        role: account.role,
        agency_id: agencyId,
        person_id: personId,
      })
      .execute();
  }
}
