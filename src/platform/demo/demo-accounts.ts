import type { Role } from '../auth/roles.js';

/** Printed at start-up and used by the tests: one account per role, two provinces for scope. */
export const DEMO_PASSWORD = 'NangLuc@2026';

export interface DemoAgency {
  code: string;
  name: string;
  nameEn: string;
  kind: 'ministry' | 'province' | 'department' | 'commune' | 'institution';
  parentCode?: string;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  { code: 'BNV', name: 'Bộ Nội vụ', nameEn: 'Ministry of Home Affairs', kind: 'ministry' },
  { code: 'HN', name: 'Ủy ban nhân dân thành phố Hà Nội', nameEn: 'Hanoi People’s Committee', kind: 'province' },
  { code: 'HN-SNV', name: 'Sở Nội vụ thành phố Hà Nội', nameEn: 'Hanoi Department of Home Affairs', kind: 'department', parentCode: 'HN' },
  { code: 'HN-HOANKIEM', name: 'Ủy ban nhân dân phường Hoàn Kiếm', nameEn: 'Hoan Kiem Ward People’s Committee', kind: 'commune', parentCode: 'HN' },
  { code: 'DN', name: 'Ủy ban nhân dân thành phố Đà Nẵng', nameEn: 'Da Nang People’s Committee', kind: 'province' },
  { code: 'DN-SNV', name: 'Sở Nội vụ thành phố Đà Nẵng', nameEn: 'Da Nang Department of Home Affairs', kind: 'department', parentCode: 'DN' },
  { code: 'HVHC', name: 'Học viện Hành chính và Quản trị công', nameEn: 'Academy of Public Administration and Governance', kind: 'institution' },
];

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  agencyCode: string;
  /** Staff record for accounts of civil servants (leaders and staff). */
  person?: { staffCode: string; gender: 'male' | 'female'; dateOfBirth: string; roleCategory: 'leader' | 'manager' | 'professional' | 'support'; rank: string };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', role: 'national_admin', displayName: 'Phạm Quốc Hưng', agencyCode: 'BNV' },
  { username: 'hr.hanoi', role: 'hr_officer', displayName: 'Trần Thị Thu Hà', agencyCode: 'HN' },
  {
    username: 'leader.hanoi', role: 'leader', displayName: 'Lê Văn Minh', agencyCode: 'HN-SNV',
    person: { staffCode: 'HN-0001', gender: 'male', dateOfBirth: '1975-04-12', roleCategory: 'leader', rank: 'Chuyên viên cao cấp' },
  },
  {
    username: 'canbo.hanoi', role: 'civil_servant', displayName: 'Nguyễn Thị Lan', agencyCode: 'HN-SNV',
    person: { staffCode: 'HN-0002', gender: 'female', dateOfBirth: '1990-09-02', roleCategory: 'professional', rank: 'Chuyên viên' },
  },
  { username: 'hr.danang', role: 'hr_officer', displayName: 'Võ Thị Mỹ Duyên', agencyCode: 'DN' },
  {
    username: 'leader.danang', role: 'leader', displayName: 'Huỳnh Đức Thắng', agencyCode: 'DN-SNV',
    person: { staffCode: 'DN-0001', gender: 'male', dateOfBirth: '1978-01-20', roleCategory: 'leader', rank: 'Chuyên viên chính' },
  },
  {
    username: 'canbo.danang', role: 'civil_servant', displayName: 'Đặng Thị Ánh', agencyCode: 'DN-SNV',
    person: { staffCode: 'DN-0002', gender: 'female', dateOfBirth: '1993-06-15', roleCategory: 'professional', rank: 'Chuyên viên' },
  },
  { username: 'expert', role: 'expert', displayName: 'Bùi Thanh Sơn', agencyCode: 'HVHC' },
  { username: 'trainer', role: 'trainer', displayName: 'Đỗ Ngọc Anh', agencyCode: 'HVHC' },
  { username: 'trainer.hanoi', role: 'trainer', displayName: 'Phan Thị Hồng Nhung', agencyCode: 'HN' },
];

/** Colleagues without accounts, so lists and peer choices are not empty. */
export const DEMO_STAFF = [
  { staffCode: 'HN-0003', fullName: 'Hoàng Văn Đức', agencyCode: 'HN-SNV', gender: 'male', dateOfBirth: '1986-11-30', roleCategory: 'professional', rank: 'Chuyên viên chính' },
  { staffCode: 'HN-0004', fullName: 'Ngô Thị Bích Ngọc', agencyCode: 'HN-SNV', gender: 'female', dateOfBirth: '1995-03-08', roleCategory: 'professional', rank: 'Chuyên viên' },
  { staffCode: 'HN-0005', fullName: 'Dương Minh Tuấn', agencyCode: 'HN-HOANKIEM', gender: 'male', dateOfBirth: '1988-07-19', roleCategory: 'manager', rank: 'Chuyên viên chính' },
  { staffCode: 'HN-0006', fullName: 'Phan Thị Hồng', agencyCode: 'HN-HOANKIEM', gender: 'female', dateOfBirth: '1992-12-01', roleCategory: 'support', rank: 'Cán sự' },
  { staffCode: 'DN-0003', fullName: 'Trương Công Vinh', agencyCode: 'DN-SNV', gender: 'male', dateOfBirth: '1984-02-25', roleCategory: 'professional', rank: 'Chuyên viên chính' },
  { staffCode: 'DN-0004', fullName: 'Lý Thị Kim Oanh', agencyCode: 'DN-SNV', gender: 'female', dateOfBirth: '1997-10-10', roleCategory: 'professional', rank: 'Chuyên viên' },
] as const;
