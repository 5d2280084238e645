import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { detectFileFormat } from '../../../platform/files/detect-format.js';
import { rowIssue, type RowIssue } from './unit-changes.model.js';

/**
 * The rows of a workbook's first sheet or of a CSV file, every cell as text. Anything
 * else is refused with what the file is, never a parser's own message.
 */
export async function readSheetRows(bytes: Buffer): Promise<{ ok: true; rows: string[][] } | { ok: false; issue: RowIssue }> {
  const detected = await detectFileFormat(bytes);
  if (detected.kind === 'xlsx' && detected.sheets && detected.sheets.length > 0) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.text ?? ''));
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { ok: true, rows: Array.from(rows, (r) => r ?? []) };
  }
  if (detected.kind === 'csv') {
    try {
      const source = bytes.toString('utf8').replace(/^\uFEFF/, '');
      const rows: string[][] = parse(source, { delimiter: detected.delimiter, relax_column_count: true, relax_quotes: true });
      return { ok: true, rows };
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? null;
      return {
        ok: false,
        issue: rowIssue(line, 'Tệp CSV có dấu ngoặc kép không đóng hoặc sai chỗ.', 'The CSV file has a quote that is not closed or out of place.'),
      };
    }
  }
  return {
    ok: false,
    issue: rowIssue(
      null,
      `Tệp này là ${detected.description.vi}; cần một bảng tính Excel (xlsx) hoặc tệp CSV.`,
      `This file is ${detected.description.en}; an Excel workbook (xlsx) or a CSV file was expected.`,
    ),
  };
}
