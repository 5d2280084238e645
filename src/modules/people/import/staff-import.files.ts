import ExcelJS from 'exceljs';
import { STAFF_IMPORT_FIELDS, type StaffImportField } from './staff-import.columns.js';
import { addCodeDropdowns, type CodeLists } from '../export/staff-sheet.lists.js';
import type { StaffImportJob } from './staff-import.jobs.js';
import { ROW_ERROR_MESSAGES } from './staff-import.messages.js';
import { csvLine, safeRow } from '../../../platform/export/spreadsheet-safe.js';

const EXAMPLE = [
  'HN-1001',
  'Nguyễn Văn An',
  '15/04/1985',
  'Nam',
  'HN-SNV',
  '',
  'Chuyên môn',
  'Chuyên viên',
  'an.nv@hanoi.gov.vn',
  '0912345678',
  'Đang làm việc',
];

/** Rows of the template that offer dropdowns for the coded columns. */
const TEMPLATE_ROWS = 1000;

/** The import template: the header row HR fills, one example row, and a sheet of allowed values. */
export async function staffTemplate(format: 'xlsx' | 'csv', agencies: { code: string; name: string }[], lists?: CodeLists): Promise<Buffer> {
  const headers = STAFF_IMPORT_FIELDS.map((f) => f.vi);
  // The BOM makes Excel open the UTF-8 file with its Vietnamese letters intact.
  if (format === 'csv') return Buffer.from('\uFEFF' + [csvLine(headers), csvLine(EXAMPLE)].join('\r\n') + '\r\n', 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách cán bộ');
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(EXAMPLE);
  sheet.columns.forEach((c) => (c.width = 22));
  sheet.getColumn(3).numFmt = '@';
  if (lists) {
    const columnOf = (field: StaffImportField) => STAFF_IMPORT_FIELDS.findIndex((f) => f.field === field) + 1;
    addCodeDropdowns(workbook, sheet, columnOf, lists, { first: 2, last: TEMPLATE_ROWS + 1 }, 'vi');
  }
  const guide = workbook.addWorksheet('Hướng dẫn - Guide');
  guide.addRow(['Cột', 'Column', 'Bắt buộc / Required', 'Giá trị / Values']).font = { bold: true };
  const values: Record<string, string> = {
    dateOfBirth: 'dd/mm/yyyy',
    gender: 'Nam | Nữ | Khác',
    roleCategory: 'Lãnh đạo | Quản lý | Chuyên môn | Hỗ trợ',
    status: 'Đang làm việc | Nghỉ phép | Đã chuyển công tác | Nghỉ hưu',
    agencyCode: 'xem trang "Mã cơ quan" / see sheet "Mã cơ quan"',
  };
  for (const f of STAFF_IMPORT_FIELDS) guide.addRow([f.vi, f.en, f.required ? 'x' : '', values[f.field] ?? '']);
  guide.columns.forEach((c) => (c.width = 30));
  const codes = workbook.addWorksheet('Mã cơ quan');
  codes.addRow(['Mã cơ quan / Agency code', 'Tên / Name']).font = { bold: true };
  // Agency names and codes are typed by users: neutralised like every exported text.
  for (const a of agencies) codes.addRow(safeRow([a.code, a.name]));
  codes.columns.forEach((c) => (c.width = 40));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The result report: a summary, then every row error in both languages. */
export async function importReport(job: StaffImportJob, format: 'xlsx' | 'csv'): Promise<Buffer> {
  const fieldLabel = new Map(STAFF_IMPORT_FIELDS.map((f) => [f.field as string, `${f.vi} / ${f.en}`]));
  const summary: [string, string | number][] = [
    ['Tệp / File', job.fileName],
    ['Trạng thái / Status', job.phase],
    ['Số dòng / Rows', Math.max(job.validRows, job.imported) + new Set(job.errors.map((e) => e.row)).size],
    ['Dòng hợp lệ / Valid rows', Math.max(job.validRows, job.imported)],
    ['Dòng có lỗi / Rows with errors', new Set(job.errors.map((e) => e.row)).size],
    ['Đã nhập / Imported', job.imported],
  ];
  if (job.failure) summary.push(['Lỗi / Failure', job.failure.code]);
  const header = ['Dòng / Row', 'Cột / Column', 'Mã lỗi / Code', 'Mô tả', 'Description', 'Giá trị / Value'];
  const lines = job.errors.map((e) => [
    e.row,
    fieldLabel.get(e.field) ?? e.field,
    e.code,
    ROW_ERROR_MESSAGES[e.code].vi,
    ROW_ERROR_MESSAGES[e.code].en,
    e.value,
  ]);
  if (format === 'csv') return Buffer.from('\uFEFF' + [...summary.map(csvLine), '', csvLine(header), ...lines.map(csvLine)].join('\r\n') + '\r\n', 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kết quả - Result');
  // The file name and the rejected values come from the uploaded file: neutralised (formula injection).
  for (const row of summary) sheet.addRow(safeRow(row));
  sheet.addRow([]);
  sheet.addRow(header).font = { bold: true };
  for (const line of lines) sheet.addRow(safeRow(line));
  sheet.columns.forEach((c) => (c.width = 26));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
