import type ExcelJS from 'exceljs';
import type { Language } from '../../../platform/i18n/language.js';
import { safeRow } from '../../../platform/export/spreadsheet-safe.js';
import type { StaffImportField } from '../import/staff-import.columns.js';
import type { Gender, PersonStatus, RoleCategory } from '../people.tables.js';

/**
 * The words a register writes for the coded values, in the reader's language.
 * The importer reads both languages back (staff-import.values.ts), so an
 * exported file re-imports as it is, whichever language it was written in.
 */
export const VALUE_LABELS: {
  gender: Record<Gender, Record<Language, string>>;
  roleCategory: Record<RoleCategory, Record<Language, string>>;
  status: Record<PersonStatus, Record<Language, string>>;
} = {
  gender: { male: { vi: 'Nam', en: 'Male' }, female: { vi: 'Nữ', en: 'Female' }, other: { vi: 'Khác', en: 'Other' } },
  roleCategory: {
    leader: { vi: 'Lãnh đạo', en: 'Leader' },
    manager: { vi: 'Quản lý', en: 'Manager' },
    professional: { vi: 'Chuyên môn', en: 'Professional' },
    support: { vi: 'Hỗ trợ', en: 'Support' },
  },
  status: {
    active: { vi: 'Đang làm việc', en: 'Active' },
    on_leave: { vi: 'Nghỉ phép', en: 'On leave' },
    transferred: { vi: 'Đã chuyển công tác', en: 'Transferred' },
    retired: { vi: 'Nghỉ hưu', en: 'Retired' },
  },
};

export const LISTS_SHEET = 'Danh mục - Lists';

export interface CodeLists {
  agencyCodes: string[];
  positionCodes: string[];
}

/**
 * Dropdowns for the coded columns (agency, post, role category, gender,
 * status) of a staff sheet: a sheet of lists and an Excel list validation per
 * column, over the data rows and a margin below them for rows HR adds. The
 * lists live in cells, not in the validation itself, which Excel caps at 255
 * characters (a city has hundreds of agency codes).
 */
export function addCodeDropdowns(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  columnOf: (field: StaffImportField) => number,
  lists: CodeLists,
  rows: { first: number; last: number },
  language: Language,
): void {
  const columns: { field: StaffImportField; header: string; values: string[] }[] = [
    { field: 'agencyCode', header: language === 'en' ? 'Agency codes' : 'Mã cơ quan', values: lists.agencyCodes },
    { field: 'positionCode', header: language === 'en' ? 'Position codes' : 'Mã vị trí việc làm', values: lists.positionCodes },
    {
      field: 'roleCategory',
      header: language === 'en' ? 'Role categories' : 'Nhóm vai trò',
      values: Object.values(VALUE_LABELS.roleCategory).map((l) => l[language]),
    },
    { field: 'gender', header: language === 'en' ? 'Gender' : 'Giới tính', values: Object.values(VALUE_LABELS.gender).map((l) => l[language]) },
    { field: 'status', header: language === 'en' ? 'Status' : 'Trạng thái', values: Object.values(VALUE_LABELS.status).map((l) => l[language]) },
  ];
  const listSheet = workbook.addWorksheet(LISTS_SHEET);
  listSheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  const longest = Math.max(...columns.map((c) => c.values.length));
  for (let i = 0; i < longest; i++) listSheet.addRow(safeRow(columns.map((c) => c.values[i] ?? '')));
  listSheet.columns.forEach((c) => (c.width = 24));
  columns.forEach((c, index) => {
    if (c.values.length === 0) return;
    const letter = String.fromCharCode(65 + index);
    const formula = `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${c.values.length + 1}`;
    const column = columnOf(c.field);
    for (let row = rows.first; row <= rows.last; row++) {
      sheet.getCell(row, column).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: language === 'en' ? 'Not in the list' : 'Không có trong danh mục',
        error: language === 'en' ? `See the sheet "${LISTS_SHEET}".` : `Xem trang "${LISTS_SHEET}".`,
      };
    }
  });
}
