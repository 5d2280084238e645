/**
 * The plan as a workbook HR can edit in Excel and bring back (issue 15,
 * item 4): one row a seat, staff code and session code identify it, the rest
 * is for reading. Re-import is all or nothing: every row is checked (row
 * report), then the plan's limits (saveSeats).
 */
import ExcelJS from 'exceljs';
import { reviveSpreadsheetText, safeRow } from '../../platform/export/spreadsheet-safe.js';
import { AppError } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n/language.js';
import { foldForSearch } from '../../platform/text/vietnamese.js';
import { readSheet } from '../people/import/staff-import.read.js';
import { cellText } from '../people/import/staff-import.values.js';

const COLUMNS = {
  vi: ['Mã cán bộ', 'Họ và tên', 'Mã lớp', 'Khóa học', 'Chi phí (đồng)', 'Lợi ích'],
  en: ['Staff code', 'Full name', 'Session code', 'Course', 'Cost (dong)', 'Benefit'],
} as const;

export interface WorkbookSeat {
  staffCode: string;
  fullName: string;
  sessionCode: string;
  courseTitle: string;
  cost: number;
  benefit: number;
}

export async function planWorkbook(plan: { name: string; year: number; version: number }, seats: readonly WorkbookSeat[], language: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NangLuc';
  const sheet = workbook.addWorksheet(`${plan.year} v${plan.version}`);
  sheet.addRow([...COLUMNS[language]]).font = { bold: true };
  for (const s of seats) sheet.addRow(safeRow([s.staffCode, s.fullName, s.sessionCode, s.courseTitle, s.cost, s.benefit]));
  [14, 32, 16, 48, 16, 10].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(5).numFmt = '#,##0';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface SeatRowProblem {
  row: number;
  field: 'staffCode' | 'sessionCode' | 'file';
  code: 'missing_column' | 'required' | 'unknown_staff_code' | 'unknown_session_code' | 'duplicate';
  value?: string;
}

const HEADERS = {
  staffCode: ['ma can bo', 'ma cong chuc', 'staff code'],
  sessionCode: ['ma lop', 'session code'],
};

/** Rows of a re-imported workbook as (person, session) ids, or the row-by-row report of what is wrong. */
export async function readPlanWorkbook(
  file: Buffer,
  people: ReadonlyMap<string, string>,
  sessions: ReadonlyMap<string, string>,
): Promise<Array<{ personId: string; sessionId: string }>> {
  const sheet = await readSheet(file);
  const folded = sheet.headers.map((h) => foldForSearch(cellText(h)).trim());
  const staffColumn = folded.findIndex((h) => HEADERS.staffCode.includes(h));
  const sessionColumn = folded.findIndex((h) => HEADERS.sessionCode.includes(h));
  const problems: SeatRowProblem[] = [];
  if (staffColumn < 0) problems.push({ row: 1, field: 'staffCode', code: 'missing_column' });
  if (sessionColumn < 0) problems.push({ row: 1, field: 'sessionCode', code: 'missing_column' });
  const seats: Array<{ personId: string; sessionId: string }> = [];
  const seen = new Set<string>();
  if (problems.length === 0)
    sheet.rows.forEach((cells, i) => {
      const row = i + 2;
      const staffCode = reviveSpreadsheetText(cellText(cells[staffColumn]).trim());
      const sessionCode = reviveSpreadsheetText(cellText(cells[sessionColumn]).trim());
      if (!staffCode && !sessionCode) return;
      const personId = people.get(staffCode);
      const sessionId = sessions.get(sessionCode);
      if (!staffCode) problems.push({ row, field: 'staffCode', code: 'required' });
      else if (!personId) problems.push({ row, field: 'staffCode', code: 'unknown_staff_code', value: staffCode });
      if (!sessionCode) problems.push({ row, field: 'sessionCode', code: 'required' });
      else if (!sessionId) problems.push({ row, field: 'sessionCode', code: 'unknown_session_code', value: sessionCode });
      if (!personId || !sessionId) return;
      const key = `${personId}|${sessionId}`;
      if (seen.has(key)) problems.push({ row, field: 'sessionCode', code: 'duplicate', value: `${staffCode} ${sessionCode}` });
      seen.add(key);
      seats.push({ personId, sessionId });
    });
  if (problems.length > 0) throw new AppError('planning_import_invalid', 422, { problems: problems.slice(0, 500), count: problems.length });
  return seats;
}
