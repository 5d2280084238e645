import { describe, expect, it } from 'vitest';
import { guessColumnMapping, missingRequiredFields } from './staff-import.columns.js';
import { readDate } from './staff-import.values.js';
import { validateStaffRows, type ImportLookups } from './staff-import.validate.js';

const header = [
  'Mã cán bộ',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Mã cơ quan',
  'Mã vị trí việc làm',
  'Nhóm vai trò',
  'Ngạch',
  'Thư điện tử',
  'Điện thoại',
  'Trạng thái',
];
const mapping = guessColumnMapping(header);
const lookups = (over: Partial<ImportLookups> = {}): ImportLookups => ({
  agencies: new Map([
    ['HN-SNV', { id: 'a-hn', path: '/root/hn/' }],
    ['DN-SNV', { id: 'a-dn', path: '/root/dn/' }],
  ]),
  positions: new Map([
    ['CV-01', { id: 'p-1', agencyId: 'a-hn', agencyPath: '/root/hn/', roleCategory: 'professional' }],
    ['DN-CV', { id: 'p-2', agencyId: 'a-dn', agencyPath: '/root/dn/', roleCategory: 'professional' }],
  ]),
  existingStaffCodes: new Set(['CB-OLD']),
  inScope: (path) => path.startsWith('/root/hn/'),
  today: '2026-01-15',
  ...over,
});
const good = [
  'CB-1',
  'Nguyễn Văn A',
  '05/03/1980',
  'Nam',
  'hn-snv',
  'CV-01',
  'Chuyên viên',
  'Chuyên viên chính',
  'a@example.vn',
  '0912345678',
  'Đang làm việc',
];

describe('column mapping', () => {
  it('recognises template headers in Vietnamese, English and without accents', () => {
    expect(missingRequiredFields(mapping)).toEqual([]);
    expect(guessColumnMapping(['ho va ten', 'Staff code', 'Agency code'])).toEqual({ fullName: 0, staffCode: 1, agencyCode: 2 });
    expect(missingRequiredFields(guessColumnMapping(['Họ và tên']))).toEqual(['staffCode', 'agencyCode']);
  });
});

describe('date cells', () => {
  it('reads day-first Vietnamese dates, ISO dates, Excel serials and date cells', () => {
    expect(readDate('05/03/1980')).toBe('1980-03-05');
    expect(readDate('1980-03-05')).toBe('1980-03-05');
    expect(readDate(29285)).toBe('1980-03-05');
    expect(readDate(new Date(Date.UTC(1980, 2, 5)))).toBe('1980-03-05');
    expect(readDate('31/02/1980')).toBeUndefined();
    expect(readDate('hôm qua')).toBeUndefined();
  });
});

describe('row validation', () => {
  it('accepts a good row and normalises it', () => {
    const { valid, errors } = validateStaffRows([good], mapping, lookups());
    expect(errors).toEqual([]);
    expect(valid[0]).toMatchObject({
      row: 2,
      staffCode: 'CB-1',
      agencyId: 'a-hn',
      positionId: 'p-1',
      gender: 'male',
      roleCategory: 'professional',
      status: 'active',
      dateOfBirth: '1980-03-05',
      searchName: 'nguyen van a',
    });
  });

  it('reports every problem of every row with its row number', () => {
    const rows = [
      good,
      ['CB-1', 'Trần Thị B', '31/02/1990', 'Nữ', 'HN-SNV', '', '', '', '', '', ''], // duplicate code, bad date
      ['CB-OLD', 'Lê C', '', '', 'XX-UNKNOWN', 'CV-99', '', '', 'not-an-email', '', ''],
      ['CB-4', '', '', 'robot', 'DN-SNV', '', 'boss', '', '', '', 'vanished'],
      ['', '', '', '', '', '', '', '', '', '', ''], // blank line: ignored
      ['CB-6', 'Phạm D', '01/01/2020', '', 'HN-SNV', '', '', '', '', '', ''], // too young
    ];
    const { valid, errors } = validateStaffRows(rows, mapping, lookups());
    expect(valid.map((v) => v.row)).toEqual([2]);
    expect(errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '3:staffCode:duplicate_in_file',
      '3:dateOfBirth:invalid_date',
      '4:staffCode:staff_code_exists',
      '4:agencyCode:unknown_agency',
      '4:positionCode:unknown_position',
      '4:email:invalid_email',
      '5:fullName:required',
      '5:agencyCode:agency_out_of_scope',
      '5:gender:invalid_gender',
      '5:roleCategory:invalid_role_category',
      '5:status:invalid_status',
      '7:dateOfBirth:date_out_of_range',
    ]);
  });

  it('rejects a post of another agency', () => {
    const row = [...good];
    row[5] = 'DN-CV';
    const { errors } = validateStaffRows([row], mapping, lookups());
    expect(errors.map((e) => e.code)).toEqual(['position_not_in_agency']);
  });

  it('rejects a position code when no position catalogue exists', () => {
    const { errors } = validateStaffRows([good], mapping, lookups({ positions: null }));
    expect(errors.map((e) => e.code)).toEqual(['unknown_position']);
  });
});
