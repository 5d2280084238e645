import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/platform/demo/seed-demo.js';
import { demoSeeders } from '../../src/modules/registry.js';
import type { OpenDatabase } from '../../src/platform/db/engine.js';
import { seedCountry } from '../../src/modules/people/demo/seed-country.js';
import { createTestDatabase } from '../support/test-database.js';

const opened: OpenDatabase[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

async function seededRegister(seed: number) {
  const database = await createTestDatabase();
  opened.push(database);
  await seedDemoIfEmpty(database.db, demoSeeders);
  const result = await seedCountry(database.db, { people: 600, seed });
  const people = await database.db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.staff_code', 'p.full_name', 'a.code'])
    .where('p.staff_code', 'like', 'DM-%')
    .orderBy('p.staff_code')
    .execute();
  return { database, result, people };
}

describe('demo country generator', () => {
  it('builds agencies across the 34 provinces and the same people for the same seed', async () => {
    const a = await seededRegister(11);
    const b = await seededRegister(11);
    expect(a.result.peopleAdded).toBe(600);
    expect(a.people).toEqual(b.people);
    const provinces = await a.database.db
      .selectFrom('agencies as g')
      .innerJoin('admin_units as u', 'u.id', 'g.admin_unit_id')
      .select('u.id')
      .where('g.kind', '=', 'province')
      .where('u.tier', '=', 'province')
      .where('u.era', '=', '2025')
      .distinct()
      .execute();
    expect(provinces).toHaveLength(34);
    // Running again adds nobody.
    expect((await seedCountry(a.database.db, { people: 600, seed: 11 })).peopleAdded).toBe(0);
    // Positions come from the positions module: people of agencies with posts hold one of their agency's posts.
    expect(a.result.positionsAvailable).toBe(true);
    const misplaced = await a.database.db
      .selectFrom('people as p')
      .innerJoin('positions as pos', 'pos.id', 'p.position_id')
      .select('p.staff_code')
      .whereRef('pos.agency_id', '!=', 'p.agency_id')
      .execute();
    expect(misplaced).toEqual([]);
  }, 60_000);
});
