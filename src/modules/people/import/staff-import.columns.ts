import { foldForSearch } from '../../../platform/text/vietnamese.js';

/** The fields a staff import fills, with the header labels of the template (vi first, then en). */
export const STAFF_IMPORT_FIELDS = [
  { field: 'staffCode', vi: 'Mã cán bộ', en: 'Staff code', required: true, aliases: ['ma can bo', 'ma cbcc', 'ma nhan vien', 'staff_code', 'code'] },
  { field: 'fullName', vi: 'Họ và tên', en: 'Full name', required: true, aliases: ['ho ten', 'ho va ten', 'full_name', 'name'] },
  { field: 'dateOfBirth', vi: 'Ngày sinh', en: 'Date of birth', required: false, aliases: ['ngay thang nam sinh', 'date_of_birth', 'dob', 'birth date'] },
  { field: 'gender', vi: 'Giới tính', en: 'Gender', required: false, aliases: ['gioi tinh', 'sex'] },
  { field: 'agencyCode', vi: 'Mã cơ quan', en: 'Agency code', required: true, aliases: ['ma don vi', 'agency_code', 'agency'] },
  {
    field: 'positionCode',
    vi: 'Mã vị trí việc làm',
    en: 'Position code',
    required: false,
    aliases: ['vi tri viec lam', 'ma vi tri', 'position_code', 'position'],
  },
  { field: 'roleCategory', vi: 'Nhóm vai trò', en: 'Role category', required: false, aliases: ['nhom', 'role_category', 'role'] },
  { field: 'rank', vi: 'Ngạch', en: 'Rank', required: false, aliases: ['ngach cong chuc', 'ngach', 'grade'] },
  { field: 'email', vi: 'Thư điện tử', en: 'Email', required: false, aliases: ['email', 'e-mail', 'thu dien tu'] },
  { field: 'phone', vi: 'Điện thoại', en: 'Phone', required: false, aliases: ['so dien thoai', 'dien thoai', 'phone', 'telephone'] },
  { field: 'status', vi: 'Trạng thái', en: 'Status', required: false, aliases: ['tinh trang', 'status'] },
] as const;

export type StaffImportField = (typeof STAFF_IMPORT_FIELDS)[number]['field'];
/** Field → index of the file column that fills it. */
export type ColumnMapping = Partial<Record<StaffImportField, number>>;

const folded = (s: string) =>
  foldForSearch(s)
    .replace(/[_*:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Proposes a mapping from a file's header row; the user corrects it in the wizard. */
export function guessColumnMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const keys = headers.map((h) => folded(String(h ?? '')));
  for (const def of STAFF_IMPORT_FIELDS) {
    const names = [def.vi, def.en, ...def.aliases].map(folded);
    const exact = keys.findIndex((k) => names.includes(k));
    if (exact >= 0) mapping[def.field] = exact;
  }
  return mapping;
}

/** Required fields the mapping leaves unfilled. */
export function missingRequiredFields(mapping: ColumnMapping): StaffImportField[] {
  return STAFF_IMPORT_FIELDS.filter((d) => d.required && mapping[d.field] === undefined).map((d) => d.field);
}
