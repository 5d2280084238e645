// Browser test of the position matrix as an Excel file (issue 18, item 8): the HR
// officer downloads the matrix, edits one cell in the workbook, uploads it, reads the
// preview of that one change, applies it and sees the cell changed; a file with a bad
// cell is listed row by row and cannot be applied.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-e2e-matrix-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const session = useBrowserSession();

const POSITION = 'HN-SNV-CV-CCVC';

describe('the position matrix as an Excel file', () => {
  it('exports, re-imports one edited cell with a preview, and refuses a bad cell row by row', async () => {
    const page = await session.signedIn('hr.hanoi', { path: '/positions?view=matrix', viewport: { width: 1400, height: 900 }, waitFor: 'position-matrix' });
    const downloading = page.waitForEvent('download');
    await page.getByTestId('matrix-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^ma-tran-vi-tri-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const exported = path.join(tmp, 'exported.xlsx');
    await download.saveAs(exported);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    const sheet = book.worksheets[0]!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).text === POSITION) row = n;
    });
    expect(row).toBeGreaterThan(5);
    const competency = sheet.getCell(5, 3).text;
    const [level, criticality] = sheet.getCell(row, 3).text.split('/').map(Number) as [number, number];
    const next = level === 1 ? 2 : level - 1;
    sheet.getCell(row, 3).value = `${next}/${criticality}`;
    const edited = path.join(tmp, 'edited.xlsx');
    await book.xlsx.writeFile(edited);

    await page.locator('input[type="file"]').setInputFiles(edited);
    const preview = page.getByTestId('matrix-import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('1 ô thay đổi, 0 lỗi');
    const changes = (await page.getByTestId('matrix-import-changes').locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(changes).toEqual([`${POSITION} ${competency} ${level}/${criticality} ${next}/${criticality}`]);
    await page.getByTestId('matrix-import-apply').click();
    await page.getByTestId('matrix-import-done').waitFor();
    const cell = page.getByLabel(`${POSITION} ${competency}`, { exact: true });
    await expect.poll(() => cell.inputValue(), { timeout: 30_000 }).toBe(String(next));

    // A bad cell: listed with its row and value, nothing can be applied.
    sheet.getCell(row, 4).value = '9/9';
    const bad = path.join(tmp, 'bad.xlsx');
    await book.xlsx.writeFile(bad);
    await page.locator('input[type="file"]').setInputFiles(bad);
    const issues = page.getByTestId('issue-list');
    await issues.waitFor();
    expect(await issues.textContent()).toContain(`dòng ${row}`);
    expect(await issues.textContent()).toContain('“9/9”');
    expect(await page.getByTestId('matrix-import-apply').isDisabled()).toBe(true);
  }, 180_000);
});
