import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DemoSeeder } from '../../platform/modules/module-descriptor.js';
import { loadAdminUnitsIfEmpty } from './admin-units.loader.js';

interface DemoAgency {
  code: string;
  name: string;
  nameEn: string;
  kind: 'ministry' | 'province' | 'department' | 'commune' | 'institution';
  parentCode?: string;
}

/** The demo agencies: the ministry, two provinces for scope, and the academy. Other modules' demo rows name them by code. */
const DEMO_AGENCIES: DemoAgency[] = [
  { code: 'BNV', name: 'Bộ Nội vụ', nameEn: 'Ministry of Home Affairs', kind: 'ministry' },
  { code: 'HN', name: 'Ủy ban nhân dân thành phố Hà Nội', nameEn: 'Hanoi People’s Committee', kind: 'province' },
  { code: 'HN-SNV', name: 'Sở Nội vụ thành phố Hà Nội', nameEn: 'Hanoi Department of Home Affairs', kind: 'department', parentCode: 'HN' },
  { code: 'HN-HOANKIEM', name: 'Ủy ban nhân dân phường Hoàn Kiếm', nameEn: 'Hoan Kiem Ward People’s Committee', kind: 'commune', parentCode: 'HN' },
  { code: 'DN', name: 'Ủy ban nhân dân thành phố Đà Nẵng', nameEn: 'Da Nang People’s Committee', kind: 'province' },
  { code: 'DN-SNV', name: 'Sở Nội vụ thành phố Đà Nẵng', nameEn: 'Da Nang Department of Home Affairs', kind: 'department', parentCode: 'DN' },
  { code: 'HVHC', name: 'Học viện Hành chính và Quản trị công', nameEn: 'Academy of Public Administration and Governance', kind: 'institution' },
];

/** Units of the demo agencies before and after the 2025 reorganisation (official codes); people's demo dates its staff's history by them. */
export const DEMO_UNITS: Record<string, { before: string; after: string }> = {
  HN: { before: 'pre2025-P01', after: '2025-P01' },
  'HN-SNV': { before: 'pre2025-P01', after: '2025-P01' },
  // Phường Hoàn Kiếm (2025, 00070) absorbed Phường Hàng Bạc (00061) among others.
  'HN-HOANKIEM': { before: 'pre2025-C00061', after: '2025-C00070' },
  // Đà Nẵng (2025) is old Đà Nẵng plus Quảng Nam under code 48.
  DN: { before: 'pre2025-P48', after: '2025-P48' },
  'DN-SNV': { before: 'pre2025-P48', after: '2025-P48' },
};

async function insertAgencies(trx: Transaction<Database>, ids: Map<string, string>): Promise<void> {
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
}

/**
 * The first seeder (org comes first in the registry): the demo agencies, whose
 * ids it adds to `agencyIds` for every later seeder, then the administrative
 * geography (both eras) and each demo agency's unit since 1 July 2025.
 */
export const orgDemoSeeder: DemoSeeder = async (trx, { agencyIds }) => {
  await insertAgencies(trx, agencyIds);
  await loadAdminUnitsIfEmpty(trx);
  for (const [code, units] of Object.entries(DEMO_UNITS)) {
    const id = agencyIds.get(code);
    if (id) await trx.updateTable('agencies').set({ admin_unit_id: units.after }).where('id', '=', id).execute();
  }
};
