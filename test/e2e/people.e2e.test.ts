// Browser test of the staff register and the org screens: accent-insensitive
// search with Vietnamese order, a person's history across the 2025 merger, the
// import wizard from upload to commit, and the units browser "as of" a date.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-e2e-people-'));
const session = useBrowserSession();
const signedIn = (username: string) => session.signedIn(username, { viewport: { width: 1400, height: 900 }, waitFor: 'nav-people' });
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('staff register screens', () => {
  it('finds a person typed without diacritics and shows their history across the merger', async () => {
    const page = await signedIn('hr.hanoi');
    await page.goto(`${session.server.url}/people`);
    await page.getByTestId('people-table').waitFor();
    await page.getByTestId('people-search').fill('ngo thi bich');
    await expect.poll(() => page.getByTestId('people-table').locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Ngô Thị Bích Ngọc' }).click();
    const history = page.getByTestId('person-history');
    await history.waitFor();
    expect(await history.textContent()).toContain('Thành phố Hà Nội');
    expect(await history.textContent()).toContain('Sắp xếp tổ chức');
  });

  it('imports a csv through the wizard: errors block, a clean file commits', async () => {
    const page = await signedIn('hr.hanoi');
    const bad = path.join(tmp, 'bad.csv');
    fs.writeFileSync(bad, 'Mã cán bộ,Họ và tên,Mã cơ quan\nHN-5001,Phạm Văn Long,KHONG-CO\n');
    await page.goto(`${session.server.url}/people/import`);
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toContain('Không có cơ quan với mã này');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Nhập tệp khác' }).first().click();
    const good = path.join(tmp, 'good.csv');
    fs.writeFileSync(good, 'Mã cán bộ,Họ và tên,Ngày sinh,Mã cơ quan\nHN-5002,Trịnh Thu Trang,02/09/1992,HN-SNV\nHN-5003,Lò Văn Páo,11/11/1989,HN-HOANKIEM\n');
    await page.locator('input[type="file"]').setInputFiles(good);
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-commit').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain('2');
  });
});

describe('accounts from the register', () => {
  it('HR imports a person, creates accounts for a selection and opens the printable sheet; the new user must change the first password', async () => {
    const page = await signedIn('hr.hanoi');
    const file = path.join(tmp, 'accounts.csv');
    fs.writeFileSync(file, 'Mã cán bộ,Họ và tên,Mã cơ quan\nHN-5101,Đoàn Thị Xuyến,HN-SNV\n');
    await page.goto(`${session.server.url}/people/import`);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();

    await page.goto(`${session.server.url}/accounts`);
    await page.getByTestId('account-bulk').click();
    await page.getByTestId('bulk-people').fill('doan thi xuyen');
    await page.getByRole('option', { name: /Đoàn Thị Xuyến/ }).click();
    await page.getByTestId('bulk-create').click();
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    expect(await page.getByTestId('bulk-created').textContent()).toContain('xuyendt');
    const popup = page.waitForEvent('popup');
    await page.getByTestId('bulk-sheet').click();
    expect((await popup).url()).toMatch(/^blob:/);
  });
});

describe('org screens', () => {
  it('shows 63 provinces as of 2024 and 34 today, and what a province was formed from', async () => {
    const page = await signedIn('admin');
    await page.goto(`${session.server.url}/org`);
    await page.getByTestId('units-table').waitFor();
    await expect.poll(() => page.getByTestId('units-total').textContent()).toContain('34');
    await page.getByTestId('units-as-of').fill('2024-06-01');
    await expect.poll(() => page.getByTestId('units-total').textContent()).toContain('63');
    await page.getByTestId('units-as-of').fill('2025-08-01');
    await expect.poll(() => page.getByTestId('units-total').textContent()).toContain('34');
    await page.getByRole('button', { name: 'Thành phố Đà Nẵng' }).click();
    await page.getByTestId('unit-detail').waitFor();
    expect(await page.getByTestId('unit-detail').textContent()).toContain('Tỉnh Quảng Nam');
  });

  it('an HR officer renames an agency from a date and sees it in the agency’s history', async () => {
    const page = await signedIn('hr.hanoi');
    await page.goto(`${session.server.url}/org`);
    await page.getByTestId('org-tab-agencies').click();
    await page.getByTestId('agencies-table').waitFor();
    await page.getByRole('button', { name: 'Ủy ban nhân dân phường Hoàn Kiếm' }).click();
    await page.getByTestId('agency-changes').waitFor();
    await page.getByTestId('agency-changes').locator('input[type="date"]').fill('2027-01-01');
    await page.getByTestId('agency-new-name').fill('Ủy ban nhân dân phường Hoàn Kiếm mới');
    await page.getByTestId('agency-change-submit').click();
    await page.getByTestId('agency-change-done').waitFor();
    await expect.poll(() => page.getByTestId('agency-detail').textContent()).toContain('01/01/2027 · Đổi tên');
    expect(await page.getByTestId('agency-detail').textContent()).toContain('Ủy ban nhân dân phường Hoàn Kiếm → Ủy ban nhân dân phường Hoàn Kiếm mới');
    await expect.poll(() => page.getByTestId('agencies-table').textContent()).toContain('Ủy ban nhân dân phường Hoàn Kiếm mới');
  });
});
