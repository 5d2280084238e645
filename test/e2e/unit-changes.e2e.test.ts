// Browser test of the official unit-changes page (issue 19, item 6): the national
// administrator imports the statistics office's crosswalk workbook in its official
// 8-column layout, reads the preview of every change, confirms, and finds the set in
// the history; then a dated change set renames one province and merges another into
// a third, and the needs dashboard (provinces as rows, today's geography) shows the
// new names — against the real server on an in-memory embedded database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Db } from '../../src/platform/db/engine.js';
import { CHANGE_SET_COLUMNS } from '../../src/modules/org/unit-changes/change-set.plan.js';
import { CROSSWALK_COLUMNS } from '../../src/modules/org/unit-changes/crosswalk.plan.js';
import { insertCycle, insertResults, nationalCompetencies } from '../needs/needs-fixture.js';
import { useBrowserSession } from './browser.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-e2e-unit-changes-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Results of one closed cycle for every demo person, consolidated, unless the demo already has some. */
async function ensureConsolidatedCycle(db: Db): Promise<void> {
  if (await db.selectFrom('assessment_results').select('cycle_id').limit(1).executeTakeFirst()) return;
  const competencies = await nationalCompetencies(db, 12);
  await insertResults(db, await insertCycle(db, 'Đánh giá kiểm thử thay đổi đơn vị', '2026-03-01', competencies[0]!.versionId), competencies);
}

const session = useBrowserSession({ afterStart: (server) => ensureConsolidatedCycle(server.app.db) });

/** The statistics office's workbook: a title, a blank row, the 8-column header, one row per (new commune, old commune). */
async function crosswalkFile(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Bảng chuyển đổi');
  sheet.addRow(['BẢNG CHUYỂN ĐỔI ĐƠN VỊ HÀNH CHÍNH MỚI – CŨ']);
  sheet.addRow([]);
  sheet.addRow([...CROSSWALK_COLUMNS]);
  for (const row of [
    ['Tỉnh Ninh Bình (37)', 'Xã Hiển Khánh', '13753', 'Xã Quang Trung', '13768', 'Nhập toàn bộ', 'Huyện Vụ Bản (359)', 'Tỉnh Nam Định'],
    ['Tỉnh Ninh Bình (37)', 'Xã Hiển Khánh', '13753', 'Xã Hợp Hưng', '13753', 'Nhập toàn bộ', 'Huyện Vụ Bản (359)', 'Tỉnh Nam Định'],
    ['Tỉnh Quảng Ngãi (51)', 'Xã Đăk Hà', 23500, 'Xã Hà Mòn', 23521, 'Nhập toàn bộ', 'Huyện Đắk Hà (615)', 'Tỉnh Kon Tum'],
    ['Tỉnh Cao Bằng (04)', 'Xã Bế Văn Đàn', '01636', 'Xã Mỹ Hưng', '01615', 'Nhập một phần', 'Huyện Quảng Hòa (049)', 'Tỉnh Cao Bằng'],
    ['Tỉnh Cao Bằng (04)', 'Xã Phục Hoà', 1648, 'Xã Mỹ Hưng', 1615, 'Nhập một phần', 'Huyện Quảng Hòa (049)', 'Tỉnh Cao Bằng'],
  ])
    sheet.addRow(row);
  const file = path.join(tmp, 'bang-chuyen-doi.xlsx');
  fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

const RENAMED = 'Thành phố Hà Nội (đổi tên thử)';

/** A dated change set (CSV, semicolons): Hà Nội renamed on 1 March 2026, Đà Nẵng merged into Quảng Ngãi on 1 September 2026. */
function changeSetFile(): string {
  const file = path.join(tmp, 'thay-doi-2026.csv');
  fs.writeFileSync(
    file,
    [
      CHANGE_SET_COLUMNS.join(';'),
      '01/03/2026;Đổi tên;Tỉnh;01;Thành phố Hà Nội;;Hà Nội (đổi tên thử);;;Nghị quyết số 1/2026 (thử)',
      '01/09/2026;Nhập;Tỉnh;48;Thành phố Đà Nẵng;51;;;;Nghị quyết số 2/2026 (thử)',
    ].join('\n'),
  );
  return file;
}

const rowsOf = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));

/** Preview the chosen file, then confirm the browser's question and apply it. */
async function previewAndApply(page: Page, file: string): Promise<string[]> {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByTestId('unit-changes-preview').click();
  const plan = page.getByTestId('unit-changes-plan');
  await plan.waitFor();
  const changes = await plan.locator('tbody tr').allInnerTexts();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('unit-changes-apply').click();
  await page.getByTestId('unit-changes-done').waitFor();
  return changes.map((r) => r.replace(/\s+/g, ' '));
}

describe('official unit changes', () => {
  it('imports the crosswalk with a preview of every change, then a dated rename and province merge the needs dashboard follows', async () => {
    const page = await session.signedIn('admin', { path: '/org', viewport: { width: 1400, height: 900 }, waitFor: 'org-tab-unit-changes' });
    await page.getByTestId('org-tab-unit-changes').click();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('unit-changes');
    await page.getByTestId('unit-change-sets').waitFor();
    expect(await rowsOf(page, 'unit-change-sets')).toEqual([]);

    // The crosswalk: three successions corrected (one of them a partial split), one already right, two names differ.
    await page.locator('input[type="file"]').setInputFiles(await crosswalkFile());
    await page.getByTestId('unit-changes-preview').click();
    const plan = page.getByTestId('unit-changes-plan');
    await plan.waitFor();
    expect(await plan.textContent()).toContain('Đã đọc 5 dòng: 3 thay đổi, 1 đã đúng.');
    const previewed = (await plan.locator('table').last().locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    expect(previewed).toHaveLength(3);
    const row = (code: string) => previewed.find((r) => r.includes(`(${code})`)) ?? '';
    expect(row('13768')).toMatch(/Sửa kế thừa.*Phường Nam Định \(13669\).*Xã Hiển Khánh \(13753\)/iu);
    expect(row('23521')).toMatch(/Sửa kế thừa.*Xã Đăk Hà \(23500\)/iu);
    expect(row('01615')).toMatch(/Xã Bế Văn Đàn \(01636\), Xã Phục Hòa \(01648\)/);
    // The two rows whose names differ from the catalogue are warned about, the code followed.
    expect(await plan.getByTestId('issue-list').textContent()).toContain('2 cảnh báo');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('unit-changes-apply').click();
    await page.getByTestId('unit-changes-done').waitFor();
    expect(await page.getByTestId('unit-changes-done').textContent()).toContain('Đã áp dụng 3 thay đổi');
    await expect.poll(() => rowsOf(page, 'unit-change-sets'), { timeout: 30_000 }).toHaveLength(1);
    expect((await rowsOf(page, 'unit-change-sets'))[0]).toMatch(/Bảng chuyển đổi chính thức 01\/07\/2025 bang-chuyen-doi\.xlsx 3 \S/);
    const api = async (url: string) => (await page.request.get(`${session.server.url}${url}`)).json();
    expect((await api('/api/org/admin-units/pre2025-C23521')).currentUnitId).toBe('2025-C23500');

    // A dated change set: a rename and a province merge, previewed together.
    await page.getByText('Thay đổi có ngày hiệu lực').click();
    const changes = await previewAndApply(page, changeSetFile());
    expect(changes).toHaveLength(2);
    expect(changes.find((r) => r.includes('(01)'))).toMatch(/Đổi tên.*Thành phố Hà Nội.*Thành phố Hà Nội \(đổi tên thử\)/iu);
    expect(changes.find((r) => r.includes('(48)'))).toMatch(/Nhập.*Tỉnh Quảng Ngãi \(51\)/iu);
    await expect.poll(() => rowsOf(page, 'unit-change-sets'), { timeout: 30_000 }).toHaveLength(2);
    expect((await rowsOf(page, 'unit-change-sets'))[0]).toMatch(/Thay đổi có ngày hiệu lực 01\/03\/2026 thay-doi-2026\.csv 2 \S/);

    // The needs dashboard, provinces as rows in today's geography: the new name, and Đà Nẵng's people in Quảng Ngãi.
    await page.goto(`${session.server.url}/needs`);
    const table = page.getByTestId('needs-table');
    await table.waitFor();
    await expect.poll(async () => (await table.textContent()) ?? '', { timeout: 30_000 }).toContain(RENAMED);
    const provinces = await rowsOf(page, 'needs-table');
    expect(provinces.some((r) => r.includes('Tỉnh Quảng Ngãi'))).toBe(true);
    expect(provinces.some((r) => r.includes('Đà Nẵng'))).toBe(false);
    expect(provinces.some((r) => /Thành phố Hà Nội(?! \(đổi tên thử\))/.test(r))).toBe(false);
    // The staff report by province follows the same way.
    const staff = (await api('/api/org/reports/staff-by-province?geography=current')).items.map((r: { provinceName: string | null }) => r.provinceName);
    expect(staff).toEqual(expect.arrayContaining([RENAMED, 'Tỉnh Quảng Ngãi']));
    expect(staff).not.toContain('Thành phố Đà Nẵng');
  }, 180_000);
});
