// The position matrix as a workbook both ways (issue 18, item 8): the export HR edits in
// Excel, and the edited file previewed then applied through the HTTP layer, against
// the real database: only the rows it changes change, all or nothing, every bad cell
// reported by its row.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../src/platform/i18n/error-messages.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = { 'content-type': XLSX };
let t: TestApp;
let hr: Agent;

beforeAll(async () => {
  t = await createTestApp();
  hr = await t.signIn('hr.hanoi');
}, 120_000);
afterAll(() => t?.close());

interface Cell {
  positionId: string;
  competencyId: string;
  requiredLevel: number;
  criticality: number;
}
const matrixCells = async (): Promise<Cell[]> =>
  ((await hr.get('/api/positions/matrix')).json().cells as Cell[]).sort((a, b) =>
    `${a.positionId}${a.competencyId}`.localeCompare(`${b.positionId}${b.competencyId}`),
  );

async function exported(agent: Agent = hr): Promise<ExcelJS.Workbook> {
  const res = await agent.get('/api/positions/matrix/export?language=vi');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}
const bytes = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());

/** The row of a position code in the exported sheet, and the column of a competency code (header row 5). */
function locate(sheet: ExcelJS.Worksheet, positionCode: string, competencyColumn = 3) {
  let row = 0;
  sheet.eachRow((r, n) => {
    if (r.getCell(1).text === positionCode) row = n;
  });
  expect(row, positionCode).toBeGreaterThan(5);
  return { row, column: competencyColumn, competencyCode: sheet.getCell(5, competencyColumn).text };
}
/** Another valid value for a "level/criticality" cell: the level moved by one, staying within the scale (at least 2 levels). */
const otherValue = (text: string) => {
  const [level, criticality] = text.split('/').map(Number) as [number, number];
  return `${level === 1 ? 2 : level - 1}/${criticality}`;
};

describe('the position matrix as a workbook', () => {
  it('exports the matrix of the caller’s subtree with a title, the date and a header of codes', async () => {
    const matrix = (await hr.get('/api/positions/matrix')).json();
    const res = await hr.get('/api/positions/matrix/export?language=vi');
    expect(res.headers['content-disposition']).toMatch(/filename="ma-tran-vi-tri-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const sheet = (await exported()).worksheets[0]!;
    expect(sheet.getCell(1, 1).text).toBe('MA TRẬN VỊ TRÍ VIỆC LÀM – NĂNG LỰC');
    expect(sheet.getCell(2, 1).text).toMatch(/^Ngày xuất: \d{2}\/\d{2}\/\d{4}$/);
    expect(sheet.getCell(5, 1).text).toBe('Mã vị trí');
    const codes: string[] = [];
    sheet.eachRow((r, n) => n > 5 && codes.push(r.getCell(1).text));
    expect(codes.sort()).toEqual(matrix.positions.map((p: { code: string }) => p.code).sort());
    expect(sheet.getRow(5).cellCount - 2).toBe(matrix.competencies.length);
    const english = (await hr.get('/api/positions/matrix/export?language=en')).headers['content-disposition'];
    expect(english).toMatch(/position-matrix-/);
  });

  it('re-imports an edited export: the preview lists the one change, confirming changes only that cell', async () => {
    const before = await matrixCells();
    const book = await exported();
    const sheet = book.worksheets[0]!;
    const at = locate(sheet, 'HN-SNV-CV-CCVC');
    const was = sheet.getCell(at.row, at.column).text;
    const now = otherValue(was);
    sheet.getCell(at.row, at.column).value = now;
    const file = await bytes(book);

    const preview = await hr.post('/api/positions/matrix/import', file, upload);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().errors).toEqual([]);
    const [level, criticality] = now.split('/').map(Number);
    const [wasLevel, wasCriticality] = was.split('/').map(Number);
    expect(preview.json().changes).toEqual([
      expect.objectContaining({
        positionCode: 'HN-SNV-CV-CCVC',
        competencyCode: at.competencyCode,
        before: { requiredLevel: wasLevel, criticality: wasCriticality },
        after: { requiredLevel: level, criticality },
      }),
    ]);
    // A preview changes nothing.
    expect(await matrixCells()).toEqual(before);

    const applied = await hr.post('/api/positions/matrix/import?confirm=true', file, upload);
    expect(applied.statusCode).toBe(200);
    expect(applied.json().changes).toHaveLength(1);
    const after = await matrixCells();
    const changed = after.filter((c, i) => c.requiredLevel !== before[i]!.requiredLevel || c.criticality !== before[i]!.criticality);
    expect(changed).toEqual([expect.objectContaining({ requiredLevel: level, criticality })]);
    expect(after.map((c) => `${c.positionId}:${c.competencyId}`)).toEqual(before.map((c) => `${c.positionId}:${c.competencyId}`));
    // The same file again: nothing left to change.
    expect((await hr.post('/api/positions/matrix/import', file, upload)).json()).toEqual({ changes: [], errors: [] });
  });

  it('refuses a file with one bad row as a whole and reports every bad cell by its row', async () => {
    const before = await matrixCells();
    const book = await exported();
    const sheet = book.worksheets[0]!;
    const good = locate(sheet, 'HN-SNV-CV-CCVC', 4);
    sheet.getCell(good.row, good.column).value = otherValue(sheet.getCell(good.row, good.column).text);
    const bad = locate(sheet, 'HN-HK-CT', 5);
    sheet.getCell(bad.row, bad.column).value = '9/9';
    sheet.getCell(bad.row, bad.column + 1).value = 'cao';
    const unknownRow = sheet.rowCount + 1;
    sheet.getCell(unknownRow, 1).value = 'KHONG-CO-VI-TRI';
    const file = await bytes(book);

    const preview = (await hr.post('/api/positions/matrix/import', file, upload)).json();
    expect(preview.changes).toHaveLength(1);
    expect(preview.errors).toEqual([
      {
        row: bad.row,
        column: bad.competencyCode,
        code: 'invalid_level',
        value: '9/9',
        message: errorMessages.invalid_level,
      },
      expect.objectContaining({ row: bad.row, column: sheet.getCell(5, bad.column + 1).text, code: 'invalid_level', value: 'cao' }),
      { row: unknownRow, column: '', code: 'unknown_position', value: 'KHONG-CO-VI-TRI', message: errorMessages.unknown_position },
    ]);

    const refused = await hr.post('/api/positions/matrix/import?confirm=true', file, upload);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('import_has_errors');
    expect(refused.json().error.details.errorCount).toBe(3);
    expect(refused.json().error.details.errors.map((e: { row: number }) => e.row)).toEqual([bad.row, bad.row, unknownRow]);
    // All or nothing: the good row's change was not applied either.
    expect(await matrixCells()).toEqual(before);
  });

  it('names a file of another kind, and keeps other agencies’ positions and readers out', async () => {
    const pdf = await hr.post('/api/positions/matrix/import', Buffer.from('%PDF-1.7\n%%EOF\n'), upload);
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error).toMatchObject({
      code: 'matrix_file_not_xlsx',
      message: errorMessages.matrix_file_not_xlsx.vi,
      details: { found: { vi: 'tài liệu PDF', en: 'a PDF document' } },
    });
    const csv = await hr.post('/api/positions/matrix/import', Buffer.from('Mã vị trí,Tên vị trí\nHN-SNV-CV-CCVC,x\n'), upload);
    expect(csv.json().error.details.found.en).toMatch(/^a CSV file separated by commas/);

    // Đà Nẵng's HR officer sends Hà Nội's file: none of its positions is theirs to see, nothing changes.
    const before = await matrixCells();
    const book = await exported();
    const at = locate(book.worksheets[0]!, 'HN-SNV-CV-CCVC');
    book.worksheets[0]!.getCell(at.row, at.column).value = otherValue(book.worksheets[0]!.getCell(at.row, at.column).text);
    const file = await bytes(book);
    const danang = await t.signIn('hr.danang');
    const foreign = (await danang.post('/api/positions/matrix/import', file, upload)).json();
    expect(foreign.changes).toEqual([]);
    expect(foreign.errors.length).toBeGreaterThan(0);
    expect(foreign.errors.every((e: { code: string }) => e.code === 'unknown_position')).toBe(true);
    expect((await danang.post('/api/positions/matrix/import?confirm=true', file, upload)).statusCode).toBe(409);
    const leader = await t.signIn('leader.hanoi');
    expect((await leader.get('/api/positions/matrix/export')).statusCode).toBe(200);
    expect((await leader.post('/api/positions/matrix/import', file, upload)).statusCode).toBe(403);
    expect(await matrixCells()).toEqual(before);
  });
});
