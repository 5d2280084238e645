import type { Role } from '../../platform/auth/roles.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { DemoSeeder } from '../../platform/modules/module-descriptor.js';

/** Printed at start-up and used by the tests: one account per role, two provinces for scope. */
export const DEMO_PASSWORD = 'NangLuc@2026';

interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  agencyCode: string;
  /** The staff record (people's demo, by staff code) of accounts of civil servants (leaders and staff). */
  staffCode?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'national_admin', displayName: 'Phạm Quốc Hưng', agencyCode: 'BNV' },
  { username: 'hr.hanoi', role: 'hr_officer', displayName: 'Trần Thị Thu Hà', agencyCode: 'HN' },
  { username: 'leader.hanoi', role: 'leader', displayName: 'Lê Văn Minh', agencyCode: 'HN-SNV', staffCode: 'HN-0001' },
  { username: 'canbo.hanoi', role: 'civil_servant', displayName: 'Nguyễn Thị Lan', agencyCode: 'HN-SNV', staffCode: 'HN-0002' },
  { username: 'hr.danang', role: 'hr_officer', displayName: 'Võ Thị Mỹ Duyên', agencyCode: 'DN' },
  { username: 'leader.danang', role: 'leader', displayName: 'Huỳnh Đức Thắng', agencyCode: 'DN-SNV', staffCode: 'DN-0001' },
  { username: 'canbo.danang', role: 'civil_servant', displayName: 'Đặng Thị Ánh', agencyCode: 'DN-SNV', staffCode: 'DN-0002' },
  { username: 'expert', role: 'expert', displayName: 'Bùi Thanh Sơn', agencyCode: 'HVHC' },
  { username: 'trainer', role: 'trainer', displayName: 'Đỗ Ngọc Anh', agencyCode: 'HVHC' },
  { username: 'trainer.hanoi', role: 'trainer', displayName: 'Phan Thị Hồng Nhung', agencyCode: 'HN' },
  // A candidate from outside the register (issue 17): sees only their own applications and results.
  { username: 'ungvien', role: 'candidate', displayName: 'Trương Minh Khoa', agencyCode: 'DN' },
];

/** The demo accounts (password DEMO_PASSWORD), tied to their agency and, for civil servants, to their staff record. */
export const accountsDemoSeeder: DemoSeeder = async (trx, { agencyIds }) => {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const agencyId = agencyIds.get(account.agencyCode);
    if (!agencyId) continue;
    const person = account.staffCode
      ? await trx.selectFrom('people').select('id').where('staff_code', '=', account.staffCode).where('agency_id', '=', agencyId).executeTakeFirst()
      : undefined;
    await trx
      .insertInto('users')
      .values({
        username: account.username,
        display_name: account.displayName,
        password_hash: passwordHash,
        role: account.role,
        agency_id: agencyId,
        person_id: person?.id ?? null,
      })
      .execute();
  }
};
