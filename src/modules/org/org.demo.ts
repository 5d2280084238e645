import { sql } from 'kysely';
import type { DemoSeeder } from '../../platform/modules/module-descriptor.js';
import { nameSortKey } from '../../platform/text/vietnamese.js';
import { loadAdminUnitsIfEmpty } from './admin-units.loader.js';
import { REFORM_2025_DATE } from './admin-units.model.js';
import { positionCatalogue } from '../people/positions.lookup.js';

/** Units of the demo agencies before and after the 2025 reorganisation (official codes). */
const DEMO_UNITS: Record<string, { before: string; after: string }> = {
  HN: { before: 'pre2025-P01', after: '2025-P01' },
  'HN-SNV': { before: 'pre2025-P01', after: '2025-P01' },
  // Phường Hoàn Kiếm (2025, 00070) absorbed Phường Hàng Bạc (00061) among others.
  'HN-HOANKIEM': { before: 'pre2025-C00061', after: '2025-C00070' },
  // Đà Nẵng (2025) is old Đà Nẵng plus Quảng Nam under code 48.
  DN: { before: 'pre2025-P48', after: '2025-P48' },
  'DN-SNV': { before: 'pre2025-P48', after: '2025-P48' },
};
const DEMO_HISTORY_START = '2024-01-01';

/**
 * Loads the administrative geography (both eras), ties the demo agencies to
 * their units, and gives the demo staff a history across the reorganisation:
 * a 2024 post naming the 2024 unit, then the post since 1 July 2025.
 */
export const orgDemoSeeder: DemoSeeder = async (trx, { agencyIds }) => {
  await loadAdminUnitsIfEmpty(trx);
  for (const [code, units] of Object.entries(DEMO_UNITS)) {
    const id = agencyIds.get(code);
    if (id) await trx.updateTable('agencies').set({ admin_unit_id: units.after }).where('id', '=', id).execute();
  }
  const people = await trx.selectFrom('people').select(['id', 'full_name']).where('name_sort_key', 'is', null).execute();
  for (const p of people) await trx.updateTable('people').set({ name_sort_key: nameSortKey(p.full_name) }).where('id', '=', p.id).execute();

  // Demo staff hold a post of their agency that matches their role, when the positions module made one.
  if (await positionCatalogue(trx)) {
    await sql`
      UPDATE people p SET position_id = (
        SELECT pos.id FROM positions pos WHERE pos.agency_id = p.agency_id AND pos.role_category = p.role_category ORDER BY pos.code LIMIT 1)
      WHERE p.position_id IS NULL`.execute(trx);
  }

  const beforeUnit = sql`CASE a.code ${sql.join(
    Object.entries(DEMO_UNITS).map(([code, u]) => sql`WHEN ${code} THEN ${u.before}`),
    sql` `,
  )} ELSE a.admin_unit_id END`;
  await sql`
    INSERT INTO person_assignments (person_id, agency_id, position_id, admin_unit_id, role_category, rank, status, valid_from, valid_to, reason)
    SELECT p.id, p.agency_id, p.position_id, ${beforeUnit}, p.role_category, p.rank, p.status, ${DEMO_HISTORY_START}::date, ${REFORM_2025_DATE}::date, 'hired'
    FROM people p JOIN agencies a ON a.id = p.agency_id
    WHERE NOT EXISTS (SELECT 1 FROM person_assignments s WHERE s.person_id = p.id)`.execute(trx);
  await sql`
    INSERT INTO person_assignments (person_id, agency_id, position_id, admin_unit_id, role_category, rank, status, valid_from, reason)
    SELECT p.id, p.agency_id, p.position_id, a.admin_unit_id, p.role_category, p.rank, p.status, ${REFORM_2025_DATE}::date, 'reorganisation'
    FROM people p JOIN agencies a ON a.id = p.agency_id
    WHERE NOT EXISTS (SELECT 1 FROM person_assignments s WHERE s.person_id = p.id AND s.valid_to IS NULL)`.execute(trx);
};
