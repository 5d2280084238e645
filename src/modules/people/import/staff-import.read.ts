import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../../platform/errors.js';
import { detectBySignature, detectFileFormat } from '../../../platform/files/detect-format.js';
import { cellText } from './staff-import.values.js';
import { guessColumnMapping } from './staff-import.columns.js';

export const MAX_IMPORT_ROWS = 200_000;

export interface SheetData {
  format: 'xlsx' | 'csv';
  headers: string[];
  /** Data rows (after the header), cells as read: strings, numbers, dates. */
  rows: unknown[][];
  /** The spreadsheet's number of the first data row (2 unless title lines stand above the header). */
  firstRow?: number;
}

/** Title lines an export may carry above its header (title, agency, date): looked for in the first few rows. */
const TITLE_LINES = 6;

/** xlsx files are zip archives: they start with "PK". */
export function detectFormat(file: Buffer): 'xlsx' | 'csv' {
  return file.length > 4 && file[0] === 0x50 && file[1] === 0x4b ? 'xlsx' : 'csv';
}

/**
 * Reads the first sheet of an xlsx or a csv (UTF-8, with or without BOM, comma or semicolon
 * as Excel writes in Vietnamese locales).
 */
export async function readSheet(file: Buffer, onProgress?: (rows: number) => void): Promise<SheetData> {
  const format = detectFormat(file);
  // A PDF, an old .xls or an image would read as a CSV of one odd column: say what it is instead.
  const signed = format === 'csv' ? detectBySignature(file) : null;
  if (signed) throw new AppError('import_file_wrong_format', 400, { format, found: signed.description });
  try {
    const sheet = format === 'xlsx' ? await readXlsx(file, onProgress) : readCsv(file);
    // PostgreSQL text cannot hold U+0000: a cell with one is binary junk, refused here rather than failing the commit (issue 12).
    const hasNul = (v: unknown) => typeof v === 'string' && v.includes('\0');
    if (sheet.headers.some(hasNul) || sheet.rows.some((row) => row.some(hasNul))) throw new Error('a cell holds a NUL character');
    return sheet;
  } catch (err) {
    if (err instanceof AppError) throw err;
    // What the file holds, from its bytes (on this failure path only: detection reads a workbook whole), never the parser's own words.
    const detected = await detectFileFormat(file);
    // A Word or OpenDocument file is another kind; a broken workbook or CSV (a NUL, not UTF-8) stays unreadable.
    const otherKind = detected.kind === 'docx' || detected.kind === 'ods';
    throw new AppError(otherKind ? 'import_file_wrong_format' : 'import_file_unreadable', 400, { format, found: detected.description });
  }
}

async function readXlsx(file: Buffer, onProgress?: (rows: number) => void): Promise<SheetData> {
  // Not exceljs's streaming WorkbookReader: it decodes each 16 KB chunk on its own
  // and garbles a Vietnamese letter split across two chunks ("Đang làm vi\ufffd\ufffdc";
  // exceljs issues #2063, #2316). The full reader decodes whole entries first.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new AppError('import_file_empty', 400);
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS) throw new AppError('import_too_many_rows', 400, { max: MAX_IMPORT_ROWS });
  let headers: string[] | null = null;
  let firstRow = 2;
  const lead: { number: number; values: unknown[] }[] = [];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    // exceljs row values are 1-based.
    const values = (row.values as unknown[]).slice(1);
    if (headers) rows.push(values);
    else {
      // An exported register opens with its title and date: the header is the first line naming two fields.
      lead.push({ number: row.number, values });
      const header =
        Object.keys(guessColumnMapping(values.map((v) => cellText(v).trim()))).length >= 2 ? lead.length - 1 : lead.length === TITLE_LINES ? 0 : -1;
      if (header >= 0) {
        headers = lead[header]!.values.map((v) => cellText(v).trim());
        firstRow = lead[header]!.number + 1;
        for (const later of lead.slice(header + 1)) rows.push(later.values);
      }
    }
    if (rows.length % 5000 === 0) onProgress?.(rows.length);
  });
  if (!headers && lead.length > 0) {
    headers = lead[0]!.values.map((v) => cellText(v).trim());
    firstRow = lead[0]!.number + 1;
    rows.push(...lead.slice(1).map((l) => l.values));
  }
  return { format: 'xlsx', headers: headers ?? [], rows, firstRow };
}

function readCsv(file: Buffer): SheetData {
  // Strict UTF-8: a file in another encoding (or not text at all) is unreadable, not read as U+FFFD.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true });
  if (records.length === 0) throw new AppError('import_file_empty', 400);
  if (records.length - 1 > MAX_IMPORT_ROWS) throw new AppError('import_too_many_rows', 400, { max: MAX_IMPORT_ROWS });
  return { format: 'csv', headers: records[0]!.map((h) => h.trim()), rows: records.slice(1) };
}
