import { sql } from 'kysely';
import type { DemoSeeder } from '../../platform/modules/module-descriptor.js';
import { foldForSearch, nameSortKey } from '../../platform/text/vietnamese.js';
import { REFORM_2025_DATE } from '../org/admin-units.model.js';
import { DEMO_UNITS } from '../org/org.demo.js';
import type { RoleCategory } from './people.tables.js';
import { positionCatalogue } from './positions.lookup.js';

interface DemoPerson {
  staffCode: string;
  fullName: string;
  agencyCode: string;
  gender: 'male' | 'female';
  dateOfBirth: string;
  roleCategory: RoleCategory;
  rank: string;
  /** Staff with a demo account (accounts module, by staff code) have their e-mail. */
  email?: string;
}

/** Colleagues without accounts, so lists and peer choices are not empty; then the staff records of the demo accounts. */
const DEMO_STAFF: DemoPerson[] = [
  {
    staffCode: 'HN-0003',
    fullName: 'Hoàng Văn Đức',
    agencyCode: 'HN-SNV',
    gender: 'male',
    dateOfBirth: '1986-11-30',
    roleCategory: 'professional',
    rank: 'Chuyên viên chính',
  },
  {
    staffCode: 'HN-0004',
    fullName: 'Ngô Thị Bích Ngọc',
    agencyCode: 'HN-SNV',
    gender: 'female',
    dateOfBirth: '1995-03-08',
    roleCategory: 'professional',
    rank: 'Chuyên viên',
  },
  {
    staffCode: 'HN-0005',
    fullName: 'Dương Minh Tuấn',
    agencyCode: 'HN-HOANKIEM',
    gender: 'male',
    dateOfBirth: '1988-07-19',
    roleCategory: 'manager',
    rank: 'Chuyên viên chính',
  },
  {
    staffCode: 'HN-0006',
    fullName: 'Phan Thị Hồng',
    agencyCode: 'HN-HOANKIEM',
    gender: 'female',
    dateOfBirth: '1992-12-01',
    roleCategory: 'support',
    rank: 'Cán sự',
  },
  {
    staffCode: 'DN-0003',
    fullName: 'Trương Công Vinh',
    agencyCode: 'DN-SNV',
    gender: 'male',
    dateOfBirth: '1984-02-25',
    roleCategory: 'professional',
    rank: 'Chuyên viên chính',
  },
  {
    staffCode: 'DN-0004',
    fullName: 'Lý Thị Kim Oanh',
    agencyCode: 'DN-SNV',
    gender: 'female',
    dateOfBirth: '1997-10-10',
    roleCategory: 'professional',
    rank: 'Chuyên viên',
  },
  {
    staffCode: 'HN-0001',
    fullName: 'Lê Văn Minh',
    agencyCode: 'HN-SNV',
    gender: 'male',
    dateOfBirth: '1975-04-12',
    roleCategory: 'leader',
    rank: 'Chuyên viên cao cấp',
    email: 'leader.hanoi@nangluc.demo',
  },
  {
    staffCode: 'HN-0002',
    fullName: 'Nguyễn Thị Lan',
    agencyCode: 'HN-SNV',
    gender: 'female',
    dateOfBirth: '1990-09-02',
    roleCategory: 'professional',
    rank: 'Chuyên viên',
    email: 'canbo.hanoi@nangluc.demo',
  },
  {
    staffCode: 'DN-0001',
    fullName: 'Huỳnh Đức Thắng',
    agencyCode: 'DN-SNV',
    gender: 'male',
    dateOfBirth: '1978-01-20',
    roleCategory: 'leader',
    rank: 'Chuyên viên chính',
    email: 'leader.danang@nangluc.demo',
  },
  {
    staffCode: 'DN-0002',
    fullName: 'Đặng Thị Ánh',
    agencyCode: 'DN-SNV',
    gender: 'female',
    dateOfBirth: '1993-06-15',
    roleCategory: 'professional',
    rank: 'Chuyên viên',
    email: 'canbo.danang@nangluc.demo',
  },
];
const DEMO_HISTORY_START = '2024-01-01';

/**
 * The demo staff of the demo agencies (org seeded them before), each holding a
 * post of their agency that matches their role when the positions module made
 * one, with a history across the reorganisation: a 2024 post naming the 2024
 * unit, then the post since 1 July 2025.
 */
export const peopleDemoSeeder: DemoSeeder = async (trx, { agencyIds }) => {
  for (const staff of DEMO_STAFF) {
    const agencyId = agencyIds.get(staff.agencyCode);
    if (!agencyId) continue;
    await trx
      .insertInto('people')
      .values({
        staff_code: staff.staffCode,
        full_name: staff.fullName,
        search_name: foldForSearch(staff.fullName),
        name_sort_key: nameSortKey(staff.fullName),
        gender: staff.gender,
        date_of_birth: staff.dateOfBirth,
        role_category: staff.roleCategory,
        rank: staff.rank,
        email: staff.email ?? null,
        agency_id: agencyId,
      })
      .execute();
  }

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
