import { foldForSearch } from '../../platform/text/vietnamese.js';
import { cellText } from '../people/import/staff-import.values.js';
import type { SheetData } from '../people/import/staff-import.read.js';
import type { QualityLevel } from './quality-classification.js';
import { FIRST_SCORED_YEAR } from './quality.schema.js';

/**
 * Earlier years' classifications (Decree 90/2020/NĐ-CP: four levels, no score)
 * from a sheet with a staff code, a year and a level, as HR offices keep them.
 * Pure: reading the file and writing the rows happen in the service.
 */

/** The level names as written in the decrees and in HR offices' sheets, folded (no diacritics, lower case). */
const LEVEL_NAMES: ReadonlyArray<[string, QualityLevel]> = [
  ['khong hoan thanh nhiem vu', 'not_completed'],
  ['khong hoan thanh', 'not_completed'],
  ['hoan thanh xuat sac nhiem vu', 'excellent'],
  ['hoan thanh xuat sac', 'excellent'],
  ['hoan thanh tot nhiem vu', 'good'],
  ['hoan thanh tot', 'good'],
  ['hoan thanh nhiem vu', 'completed'],
  ['hoan thanh', 'completed'],
  ['excellent', 'excellent'],
  ['good', 'good'],
  ['completed', 'completed'],
  ['not completed', 'not_completed'],
  ['not_completed', 'not_completed'],
];

export function parseLevel(text: string): QualityLevel | null {
  const folded = foldForSearch(text).replace(/\s+/g, ' ').trim();
  return LEVEL_NAMES.find(([name]) => name === folded)?.[1] ?? null;
}

const HEADERS = {
  staffCode: ['ma can bo', 'ma cong chuc', 'staff code'],
  year: ['nam', 'year'],
  level: ['xep loai', 'muc xep loai', 'level', 'classification'],
} as const;

export interface ImportRow {
  row: number;
  staffCode: string;
  year: number;
  level: QualityLevel;
}

export interface ImportProblem {
  /** The sheet's row number (the header is row 1). */
  row: number;
  field: 'staffCode' | 'year' | 'level' | 'file';
  code: 'missing_column' | 'required' | 'invalid_year' | 'scored_year' | 'invalid_level' | 'duplicate' | 'unknown_staff_code';
  value?: string;
}

/** Every row checked on its own (every problem reported in one pass), then duplicates of (staff code, year). */
export function readQualityRows(sheet: SheetData): { rows: ImportRow[]; problems: ImportProblem[] } {
  const folded = sheet.headers.map((h) => foldForSearch(cellText(h)).trim());
  const column = (names: readonly string[]) => folded.findIndex((h) => names.includes(h));
  const index = { staffCode: column(HEADERS.staffCode), year: column(HEADERS.year), level: column(HEADERS.level) };
  const problems: ImportProblem[] = [];
  for (const field of ['staffCode', 'year', 'level'] as const) if (index[field] < 0) problems.push({ row: 1, field, code: 'missing_column' });
  if (problems.length) return { rows: [], problems };
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  sheet.rows.forEach((cells, i) => {
    const row = i + 2;
    const staffCode = cellText(cells[index.staffCode]).trim();
    const yearText = cellText(cells[index.year]).trim();
    const levelText = cellText(cells[index.level]).trim();
    if (!staffCode && !yearText && !levelText) return;
    const before = problems.length;
    if (!staffCode) problems.push({ row, field: 'staffCode', code: 'required' });
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2000) problems.push({ row, field: 'year', code: 'invalid_year', value: yearText });
    else if (year >= FIRST_SCORED_YEAR) problems.push({ row, field: 'year', code: 'scored_year', value: yearText });
    const level = parseLevel(levelText);
    if (!level) problems.push({ row, field: 'level', code: 'invalid_level', value: levelText });
    if (problems.length > before) return;
    const key = `${staffCode}\u0000${year}`;
    if (seen.has(key)) {
      problems.push({ row, field: 'staffCode', code: 'duplicate', value: `${staffCode} ${year}` });
      return;
    }
    seen.set(key, row);
    rows.push({ row, staffCode, year, level: level! });
  });
  return { rows, problems };
}
