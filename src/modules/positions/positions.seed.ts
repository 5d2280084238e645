import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { NATIONAL_FRAMEWORK_CODE } from '../framework/seed/national-framework.js';
import * as repo from './positions.repository.js';
import { seedProfileTemplates } from './positions.service.js';
import type { AdminTier, RoleCategory } from './positions.tables.js';

type DemoPosition = [code: string, agencyCode: string, titleVi: string, titleEn: string, role: RoleCategory, tier: AdminTier];

const DEMO_POSITIONS: DemoPosition[] = [
  ['BNV-VT-CCVC', 'BNV', 'Vụ trưởng Vụ Công chức – Viên chức', 'Director, Department of Civil Servants and Public Employees', 'leader', 'central'],
  ['BNV-CV-DTBD', 'BNV', 'Chuyên viên đào tạo, bồi dưỡng cán bộ, công chức', 'Training and development officer', 'professional', 'central'],
  ['BNV-CV-CDS', 'BNV', 'Chuyên viên chuyển đổi số', 'Digital transformation officer', 'professional', 'central'],
  ['HN-SNV-GD', 'HN-SNV', 'Giám đốc Sở Nội vụ', 'Director of the Department of Home Affairs', 'leader', 'province'],
  ['HN-SNV-TP-CCVC', 'HN-SNV', 'Trưởng phòng Công chức, viên chức', 'Head of the Civil Service Division', 'manager', 'province'],
  ['HN-SNV-CV-CCVC', 'HN-SNV', 'Chuyên viên quản lý công chức, viên chức', 'Civil service management officer', 'professional', 'province'],
  ['HN-SNV-VT', 'HN-SNV', 'Nhân viên văn thư', 'Records clerk', 'support', 'province'],
  ['HN-HK-CT', 'HN-HOANKIEM', 'Chủ tịch Ủy ban nhân dân phường', 'Chairperson of the Ward People’s Committee', 'leader', 'commune'],
  ['HN-HK-CV-MC', 'HN-HOANKIEM', 'Công chức bộ phận tiếp nhận và trả kết quả (một cửa)', 'One-stop desk officer', 'professional', 'commune'],
  ['HN-HK-CV-VHXH', 'HN-HOANKIEM', 'Công chức văn hóa – xã hội', 'Culture and social affairs officer', 'professional', 'commune'],
  ['DN-SNV-PGD', 'DN-SNV', 'Phó Giám đốc Sở Nội vụ', 'Deputy Director of the Department of Home Affairs', 'leader', 'province'],
  ['DN-SNV-TP-TCBM', 'DN-SNV', 'Trưởng phòng Tổ chức bộ máy', 'Head of the Organisation Division', 'manager', 'province'],
  ['DN-SNV-CV-CCHC', 'DN-SNV', 'Chuyên viên cải cách hành chính', 'Administrative reform officer', 'professional', 'province'],
  ['DN-SNV-CV-CNTT', 'DN-SNV', 'Chuyên viên công nghệ thông tin', 'IT officer', 'professional', 'province'],
];

/**
 * Seed hook: national profile templates from the published national framework,
 * then demo positions of the demo agencies, each starting from its template.
 */
export async function seedPositions(trx: Transaction<Database>, context: { agencyIds: Map<string, string> }): Promise<void> {
  const version = await trx
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select('v.id')
    .where('f.code', '=', NATIONAL_FRAMEWORK_CODE)
    .where('v.status', '=', 'published')
    .executeTakeFirst();
  if (!version) return;
  await seedProfileTemplates(trx, version.id);
  for (const [code, agencyCode, titleVi, titleEn, roleCategory, tier] of DEMO_POSITIONS) {
    const agencyId = context.agencyIds.get(agencyCode);
    if (!agencyId) continue;
    const id = await repo.insertPosition(trx, { agencyId, code, titleVi, titleEn, roleCategory, tier });
    await repo.replaceRequirements(trx, id, await repo.templateRequirements(trx, roleCategory, tier));
  }
}
