import ExcelJS from 'exceljs';
import type { Language } from '../../../platform/i18n/language.js';
import { safeCell, safeRow } from '../../../platform/export/spreadsheet-safe.js';
import { formatCount, formatDate } from '../../../platform/text/formats.js';
import { STAFF_IMPORT_FIELDS, type StaffImportField } from '../import/staff-import.columns.js';
import type { Gender, PersonStatus, RoleCategory } from '../people.tables.js';
import { addCodeDropdowns, VALUE_LABELS, type CodeLists } from './staff-sheet.lists.js';

export interface RegisterPerson {
  staffCode: string;
  fullName: string;
  dateOfBirth: string | null;
  gender: Gender | null;
  agencyCode: string;
  positionCode: string | null;
  roleCategory: RoleCategory | null;
  rank: string | null;
  email: string | null;
  phone: string | null;
  status: PersonStatus;
}

export interface RegisterHeading {
  /** The agency (or "every agency") the register covers. */
  scopeName: string;
  /** The day of the export, ISO. */
  day: string;
}

const TEXT = {
  vi: { sheet: 'Danh sách cán bộ', title: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC', scope: 'Cơ quan', exported: 'Ngày xuất', count: 'Số người' },
  en: { sheet: 'Staff register', title: 'STAFF REGISTER', scope: 'Agency', exported: 'Exported on', count: 'People' },
} as const;

/** Lines above the header: title, agency, date and count, then a blank line. */
const HEADER_ROW = 6;
/** Rows below the register that keep their dropdowns, for people HR adds to the file. */
const MARGIN_ROWS = 500;

/**
 * The staff register in the import template's columns (staff-import.columns.ts)
 * and words, so the file HR downloads, edits and uploads again is read back as
 * updates of the people it lists. Dates are written as dd/mm/yyyy text, the
 * way the template asks for them and the way the importer reads them.
 */
export async function staffRegisterWorkbook(people: RegisterPerson[], lists: CodeLists, heading: RegisterHeading, language: Language): Promise<Buffer> {
  const text = TEXT[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NangLuc';
  workbook.title = text.title;
  const sheet = workbook.addWorksheet(text.sheet, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.getCell(1, 1).value = text.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = safeCell(`${text.scope}: ${heading.scopeName}`);
  sheet.getCell(3, 1).value = `${text.exported}: ${formatDate(heading.day, language)}`;
  sheet.getCell(4, 1).value = `${text.count}: ${formatCount(people.length, language)}`;
  const writeRow = (number: number, cells: unknown[]) => {
    const row = sheet.getRow(number);
    cells.forEach((value, i) => (row.getCell(i + 1).value = value as ExcelJS.CellValue));
    return row;
  };
  writeRow(
    HEADER_ROW,
    STAFF_IMPORT_FIELDS.map((f) => f[language]),
  ).font = { bold: true };
  const label = <K extends 'gender' | 'roleCategory' | 'status'>(kind: K, value: keyof (typeof VALUE_LABELS)[K] | null) =>
    value === null ? '' : (VALUE_LABELS[kind][value] as Record<Language, string>)[language];
  const cell: Record<StaffImportField, (p: RegisterPerson) => string> = {
    staffCode: (p) => p.staffCode,
    fullName: (p) => p.fullName,
    dateOfBirth: (p) => (p.dateOfBirth ? formatDate(p.dateOfBirth, language) : ''),
    gender: (p) => label('gender', p.gender),
    agencyCode: (p) => p.agencyCode,
    positionCode: (p) => p.positionCode ?? '',
    roleCategory: (p) => label('roleCategory', p.roleCategory),
    rank: (p) => p.rank ?? '',
    email: (p) => p.email ?? '',
    phone: (p) => p.phone ?? '',
    status: (p) => label('status', p.status),
  };
  people.forEach((p, i) => {
    // Typed text (names, e-mails) neutralised against formula injection; the importer revives it.
    writeRow(HEADER_ROW + 1 + i, safeRow(STAFF_IMPORT_FIELDS.map((f) => cell[f.field](p))));
  });
  STAFF_IMPORT_FIELDS.forEach((_, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = 22;
    // Text columns: Excel would otherwise turn 01/02/1985 into a date of its own locale and 0912… into a number.
    column.numFmt = '@';
  });
  const columnOf = (field: StaffImportField) => STAFF_IMPORT_FIELDS.findIndex((f) => f.field === field) + 1;
  addCodeDropdowns(workbook, sheet, columnOf, lists, { first: HEADER_ROW + 1, last: HEADER_ROW + people.length + MARGIN_ROWS }, language);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
