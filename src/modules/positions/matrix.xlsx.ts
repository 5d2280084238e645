import ExcelJS from 'exceljs';
import type { Language } from '../../platform/i18n/language.js';
import { reviveSpreadsheetText, safeCell } from '../../platform/export/spreadsheet-safe.js';
import { formatDate } from '../../platform/text/formats.js';

export interface MatrixPosition {
  id: string;
  code: string;
  titleVi: string;
  titleEn: string | null;
}
export interface MatrixCompetency {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  levelCount: number;
}
export interface MatrixCell {
  positionId: string;
  competencyId: string;
  requiredLevel: number;
  criticality: number;
}

const TEXT = {
  vi: {
    sheet: 'Ma trận vị trí',
    title: 'MA TRẬN VỊ TRÍ VIỆC LÀM – NĂNG LỰC',
    exported: 'Ngày xuất',
    legend: 'Mỗi ô: mức yêu cầu/mức độ quan trọng (1 thấp, 2 bình thường, 3 then chốt), ví dụ 3/2; chỉ ghi mức thì quan trọng là 2; để trống: không yêu cầu.',
    code: 'Mã vị trí',
    name: 'Tên vị trí',
  },
  en: {
    sheet: 'Position matrix',
    title: 'POSITION × COMPETENCY MATRIX',
    exported: 'Exported on',
    legend: 'Each cell: required level/criticality (1 low, 2 normal, 3 critical), e.g. 3/2; a level alone means criticality 2; empty: not required.',
    code: 'Position code',
    name: 'Position',
  },
} as const;

/** Title, date and legend, then the competencies' names, then the header row of codes. */
const NAMES_ROW = 4;
const HEADER_ROW = 5;

const cellText = (level: number, criticality: number) => `${level}/${criticality}`;

/** Positions × competencies with each required level and criticality; the file HR edits and imports again. */
export async function matrixWorkbook(
  positions: MatrixPosition[],
  competencies: MatrixCompetency[],
  cells: MatrixCell[],
  day: string,
  language: Language,
): Promise<Buffer> {
  const text = TEXT[language];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(text.sheet, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  sheet.getCell(1, 1).value = text.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = `${text.exported}: ${formatDate(day, language)}`;
  sheet.getCell(3, 1).value = text.legend;
  sheet.getCell(HEADER_ROW, 1).value = text.code;
  sheet.getCell(HEADER_ROW, 2).value = text.name;
  competencies.forEach((c, i) => {
    sheet.getCell(NAMES_ROW, i + 3).value = safeCell(language === 'en' && c.nameEn ? c.nameEn : c.nameVi);
    sheet.getCell(HEADER_ROW, i + 3).value = safeCell(c.code);
  });
  sheet.getRow(HEADER_ROW).font = { bold: true };
  sheet.getRow(NAMES_ROW).alignment = { wrapText: true, vertical: 'top' };
  const byCell = new Map(cells.map((c) => [`${c.positionId}:${c.competencyId}`, c]));
  positions.forEach((p, r) => {
    const row = sheet.getRow(HEADER_ROW + 1 + r);
    row.getCell(1).value = safeCell(p.code);
    row.getCell(2).value = safeCell(language === 'en' && p.titleEn ? p.titleEn : p.titleVi);
    competencies.forEach((c, i) => {
      const cell = byCell.get(`${p.id}:${c.id}`);
      if (cell) row.getCell(i + 3).value = cellText(cell.requiredLevel, cell.criticality);
    });
  });
  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = 40;
  for (let i = 0; i < competencies.length; i++) {
    sheet.getColumn(i + 3).width = 12;
    // Text: Excel would read 3/2 as a date.
    sheet.getColumn(i + 3).numFmt = '@';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface MatrixSheetRow {
  row: number;
  positionCode: string;
  /** Competency code → the cell's text ('' when empty). */
  cells: Map<string, string>;
}

const plain = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (value instanceof Date) return '';
  return reviveSpreadsheetText(String(value).trim());
};

/** Reads an exported matrix back: the header is the row whose first cell is a position-code label. */
export async function readMatrixSheet(file: Buffer): Promise<{ competencyCodes: string[]; rows: MatrixSheetRow[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { competencyCodes: [], rows: [] };
  let header = 0;
  for (let r = 1; r <= Math.min(sheet.rowCount, 10) && !header; r++) {
    if (([TEXT.vi.code, TEXT.en.code] as string[]).includes(plain(sheet.getCell(r, 1).value))) header = r;
  }
  if (!header) return { competencyCodes: [], rows: [] };
  const competencyCodes: string[] = [];
  for (let c = 3; c <= sheet.columnCount; c++) competencyCodes.push(plain(sheet.getCell(header, c).value).toUpperCase());
  const rows: MatrixSheetRow[] = [];
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    const positionCode = plain(sheet.getCell(r, 1).value).toUpperCase();
    if (!positionCode) continue;
    const cells = new Map<string, string>();
    competencyCodes.forEach((code, i) => code && cells.set(code, plain(sheet.getCell(r, i + 3).value)));
    rows.push({ row: r, positionCode, cells });
  }
  return { competencyCodes, rows };
}

/** A cell's text as a requirement: '' is none; "3" is level 3 of normal criticality; "3/1" level 3, criticality 1. */
export function parseMatrixCell(text: string, levelCount: number): { requiredLevel: number; criticality: number } | null | 'invalid' {
  if (text === '') return null;
  const m = /^(\d+)(?:\s*\/\s*(\d+))?$/.exec(text);
  if (!m) return 'invalid';
  const requiredLevel = Number(m[1]);
  const criticality = m[2] === undefined ? 2 : Number(m[2]);
  if (requiredLevel < 1 || requiredLevel > levelCount || criticality < 1 || criticality > 3) return 'invalid';
  return { requiredLevel, criticality };
}
