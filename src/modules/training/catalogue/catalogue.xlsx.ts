import ExcelJS from 'exceljs';
import { reviveSpreadsheetText, safeRow } from '../../../platform/export/spreadsheet-safe.js';
import { foldForSearch } from '../../../platform/text/vietnamese.js';
import { COURSE_FORMATS, type CourseFormatCode } from './course-rules.js';

/**
 * The catalogue as one sheet, one row per course × competency it raises (the
 * course's own columns repeat on each of its rows): an officer filters and
 * sorts it in Excel like any list, and the same layout imports back. Columns
 * are found by their accent-insensitive header, so a retyped header still
 * reads. Text cells pass through safeRow (no formula start) and are revived on
 * reading, so an export re-imports unchanged.
 */
export const SHEET_NAME = 'Danh mục khóa học';

export const COLUMNS = {
  institution: 'Mã cơ sở đào tạo',
  code: 'Mã khóa học',
  version: 'Phiên bản',
  title: 'Tên khóa học (tiếng Việt)',
  titleEn: 'Tên khóa học (tiếng Anh)',
  description: 'Mô tả',
  format: 'Hình thức',
  hours: 'Số giờ',
  cost: 'Chi phí mỗi học viên (đồng)',
  minAttendance: 'Tỷ lệ chuyên cần tối thiểu',
  passScore: 'Điểm đạt',
  prerequisites: 'Khóa học tiên quyết',
  framework: 'Mã khung năng lực',
  frameworkVersion: 'Phiên bản khung',
  competency: 'Mã năng lực',
  fromLevel: 'Từ mức',
  toLevel: 'Đến mức',
} as const;
export type ColumnKey = keyof typeof COLUMNS;
const ORDER = Object.keys(COLUMNS) as ColumnKey[];
const WIDTHS: Record<ColumnKey, number> = {
  institution: 14,
  code: 16,
  version: 10,
  title: 50,
  titleEn: 40,
  description: 50,
  format: 18,
  hours: 10,
  cost: 18,
  minAttendance: 14,
  passScore: 10,
  prerequisites: 24,
  framework: 16,
  frameworkVersion: 10,
  competency: 12,
  fromLevel: 8,
  toLevel: 8,
};

export const FORMAT_LABEL: Record<CourseFormatCode, string> = {
  online: 'Trực tuyến',
  classroom: 'Tập trung trên lớp',
  blended: 'Kết hợp',
  simulation: 'Thực hành mô phỏng',
  on_the_job: 'Kèm cặp tại vị trí việc làm',
  job_rotation: 'Luân chuyển vị trí',
};

/** A cell's format: its Vietnamese label or its code, typed with or without diacritics. */
export function parseFormat(value: string): CourseFormatCode | null {
  const folded = foldForSearch(value).replace(/[^a-z0-9]/g, '');
  for (const f of COURSE_FORMATS) if (folded === f.replace(/_/g, '') || folded === foldForSearch(FORMAT_LABEL[f]).replace(/[^a-z0-9]/g, '')) return f;
  return null;
}

export type CatalogueRow = Record<ColumnKey, string | number | null>;

export async function writeCatalogueXlsx(rows: readonly CatalogueRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'NangLuc';
  const ws = book.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ORDER.map((k) => ({ header: COLUMNS[k], width: WIDTHS[k] }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(safeRow(ORDER.map((k) => row[k] ?? '')));
  const formats = Object.values(FORMAT_LABEL).join(',');
  for (let r = 2; r <= Math.max(rows.length + 1, 200); r++)
    ws.getCell(r, ORDER.indexOf('format') + 1).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${formats}"`] };
  return Buffer.from(await book.xlsx.writeBuffer());
}

const key = (header: string) => foldForSearch(header).replace(/[^a-z0-9]/g, '');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value)
      return reviveSpreadsheetText(
        value.richText
          .map((r) => r.text)
          .join('')
          .normalize('NFC')
          .trim(),
      );
    if ('result' in value) return String(value.result ?? '').trim();
    if ('text' in value) return reviveSpreadsheetText(String(value.text).normalize('NFC').trim());
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return reviveSpreadsheetText(String(value).normalize('NFC').trim());
}

export interface ReadRow {
  row: number;
  get(column: ColumnKey): string;
}
export type ReadResult = { ok: true; rows: ReadRow[] } | { ok: false; problem: 'unreadable' | 'no_sheet' | 'missing_columns'; columns?: string[] };

/** The sheet's non-empty rows, by column key; the row number is the one Excel shows. */
export async function readCatalogueXlsx(input: Buffer): Promise<ReadResult> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(input as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const ws = book.worksheets.find((w) => key(w.name) === key(SHEET_NAME)) ?? book.worksheets[0];
  if (!ws) return { ok: false, problem: 'no_sheet' };
  const header = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => header.set(key(cellText(cell.value)), col));
  const required = ORDER.filter((k) => k !== 'version' && k !== 'institution');
  const missing = required.filter((k) => !header.has(key(COLUMNS[k])));
  if (missing.length) return { ok: false, problem: 'missing_columns', columns: missing.map((k) => COLUMNS[k]) };
  const rows: ReadRow[] = [];
  ws.eachRow((row, number) => {
    if (number === 1) return;
    const values = ORDER.map((k) => (header.has(key(COLUMNS[k])) ? cellText(row.getCell(header.get(key(COLUMNS[k]))!).value) : ''));
    if (values.every((v) => v === '')) return;
    rows.push({ row: number, get: (column) => values[ORDER.indexOf(column)] ?? '' });
  });
  return { ok: true, rows };
}
