// Browser test of issue 17's "done when": a recruitment campaign from its notice to an appointed person in the
// register, in Chromium, through the web UI only. HR of Đà Nẵng drafts a campaign (a post, a screening and an
// interview stage), sets its panel and publishes it; the notice PDF downloads; a candidate signs up from the
// public notice, applies with a document and consent; each panel member declares and rates alone; HR reads the
// ranking (and its xlsx and PDF), appoints the candidate, and finds them in the staff register with their
// assessed levels as the start of their gap profile.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser.js';

const session = useBrowserSession();

const CODE = `DN-TD-E2E-${Date.now() % 100_000}`;
const TITLE = 'Tuyển dụng chuyên viên công nghệ thông tin (kiểm thử trình duyệt)';
const CANDIDATE = 'Đinh Quang Tuyển';
const USERNAME = `dinhquangtuyen${Date.now() % 100_000}`;
const PASSWORD = 'UngVien@2026-Thu';
const STAFF_CODE = `DN-TD-${Date.now() % 100_000}`;
/** A one-page PDF: the candidate's CV. */
const CV = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** "yyyy-mm-ddThh:mm" in the browser's (this machine's) local time, as a datetime-local input takes it. */
const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const DAY = 86_400_000;

/** Pick an option of a Mantine Select, typing part of its label first when it is searchable. */
async function choose(page: Page, testId: string, typed: string | null, option: RegExp): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  if (typed !== null) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** A file the page links to (an anchor's href), downloaded with the page's own session. */
async function linked(page: Page, name: string | RegExp): Promise<{ status: number; type: string; body: Buffer }> {
  const href = await page.getByRole('link', { name }).first().getAttribute('href');
  expect(href, String(name)).toBeTruthy();
  const res = await page.request.get(new URL(href!, session.server.url).toString());
  return { status: res.status(), type: res.headers()['content-type'] ?? '', body: await res.body() };
}

let campaignId = '';
let applicationId = '';

describe('a recruitment campaign, notice to register', () => {
  it('HR drafts a campaign with a post, stages and a panel, publishes it, and the notice PDF downloads', async () => {
    const page = await session.signedIn('hr.danang', { path: '/recruitment', waitFor: 'recruitment-new' });
    await page.getByTestId('recruitment-new').click();
    await page.getByTestId('campaign-code').fill(CODE);
    await page.getByTestId('campaign-title').fill(TITLE);
    await page.getByTestId('campaign-notice').fill('Sở Nội vụ thông báo tuyển dụng một chuyên viên công nghệ thông tin.');
    await page.getByTestId('campaign-opens').fill(localInput(new Date(Date.now() - DAY)));
    await page.getByTestId('campaign-closes').fill(localInput(new Date(Date.now() + 30 * DAY)));
    await page.getByTestId('campaign-add-position').click();
    await choose(page, 'campaign-position-0', 'CNTT', /DN-SNV-CV-CNTT/);
    await page.getByTestId('campaign-stage-name-0').fill('Xét hồ sơ');
    await page.getByTestId('campaign-stage-name-1').fill('Phỏng vấn');
    await page.getByTestId('campaign-save').click();
    await page.waitForURL(/\/recruitment\/campaigns\/[0-9a-f-]{36}$/);
    campaignId = page.url().split('/').pop()!;

    // The panel: the department's leader as chair, the national expert as member.
    await choose(page, 'panel-add', 'Huỳnh', /Huỳnh Đức Thắng/);
    await choose(page, 'panel-add', 'Bùi', /Bùi Thanh Sơn/);
    await page.getByTestId('panel-save').click();
    await expect.poll(() => page.getByTestId('campaign-panel').locator('tr').count()).toBe(2);
    await expect.poll(() => page.getByTestId('campaign-panel').textContent()).toContain('Chưa khai báo');

    await page.getByTestId('campaign-publish').click();
    await expect.poll(() => page.getByTestId('campaign-status').textContent()).toBe('Đã công bố');
    const notice = await linked(page, 'Thông báo (PDF)');
    expect(notice.status).toBe(200);
    expect(notice.type).toContain('application/pdf');
    expect(notice.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a candidate finds the notice on /careers, signs up from it, and applies with a document and consent', async () => {
    const page = await session.newPage();
    await page.goto(`${session.server.url}/careers`);
    await page.getByTestId('careers-board').getByRole('link', { name: TITLE }).click();
    const notice = await linked(page, 'Thông báo (PDF)');
    expect(notice.body.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByTestId('careers-sign-up').click();
    await page.getByTestId('sign-up-fullName').fill(CANDIDATE);
    await page.getByTestId('sign-up-email').fill(`${USERNAME}@example.vn`);
    await page.getByTestId('sign-up-phone').fill('0905 000 111');
    await page.getByTestId('sign-up-username').fill(USERNAME);
    await page.getByTestId('sign-up-password').fill(PASSWORD);
    await page.getByTestId('sign-up-submit').click();
    await page.getByTestId('sign-up-done').getByRole('link').click();
    await session.signIn(page, USERNAME, PASSWORD);
    await page.getByTestId('nav-recruitment').first().click();
    await page.getByTestId(`apply-${campaignId}`).click();
    await choose(page, 'apply-position', null, /công nghệ thông tin/i);
    await page.locator('input[type=file]').setInputFiles({ name: 'so-yeu-ly-lich.pdf', mimeType: 'application/pdf', buffer: CV });
    // Nothing goes without consent to the processing of personal data (Decree 13/2023/NĐ-CP).
    expect(await page.getByTestId('apply-submit').isDisabled()).toBe(true);
    await page.getByTestId('apply-consent').check();
    await page.getByTestId('apply-submit').click();
    await page.waitForURL(/\/recruitment\/applications\/[0-9a-f-]{36}$/);
    applicationId = page.url().split('/').pop()!;
    await expect.poll(() => page.getByTestId('application-documents').textContent()).toContain('so-yeu-ly-lich.pdf');
    // Their portal lists it, and only it.
    await page.getByTestId('nav-recruitment').first().click();
    await expect.poll(() => page.getByTestId('my-applications').locator('tr').count()).toBe(1);
  });

  it('each panel member declares, then rates alone: the second sees none of the first one’s levels', async () => {
    for (const [username, level] of [
      ['leader.danang', 4],
      ['expert', 3],
    ] as const) {
      const page = await session.signedIn(username, { path: '/recruitment', waitFor: 'my-panels' });
      await page.getByTestId(`panel-campaign-${campaignId}`).click();
      await page.getByRole('link', { name: 'Khai báo xung đột lợi ích' }).click();
      await page.getByTestId('declaration-submit').click();
      await page.getByText('Đã khai báo lúc').waitFor();
      await page.goBack();
      await page.locator(`[data-testid^="rate-${applicationId}-"]`).first().click();
      await page.getByTestId('sheet-submit').waitFor();
      const groups = page.locator('[data-testid^="sheet-"]:not([data-testid="sheet-submit"])');
      const count = await groups.count();
      expect(count).toBeGreaterThan(0);
      // Rating alone: the sheet opens empty, whatever the other member submitted.
      expect(await page.locator('main').getByRole('radio', { checked: true }).count()).toBe(0);
      for (let i = 0; i < count; i++)
        await groups
          .nth(i)
          .getByRole('radio')
          .nth(level - 1)
          .check();
      await page.getByTestId('sheet-submit').click();
      await page.getByText('Phiếu đã nộp').waitFor();
    }
  });

  it('HR reads the ranking and its files, appoints, and finds the person in the register with a gap profile', async () => {
    const page = await session.signedIn('hr.danang', { path: `/recruitment/campaigns/${campaignId}`, waitFor: 'campaign-ranking' });
    await page.getByTestId('campaign-ranking').click();
    const row = page.getByTestId(`ranked-${applicationId}`);
    await expect.poll(() => row.textContent()).toContain(CANDIDATE);
    // Ranked on both members' submitted levels (4 and 3 on every competency of the profile).
    // Shown the Vietnamese way, a decimal comma ("0,75").
    const fitText = (await row.locator('td').nth(2).textContent())!.trim();
    expect(fitText).toMatch(/^\d+(,\d+)?$/);
    expect(Number(fitText.replace(',', '.'))).toBeGreaterThan(0);

    const xlsx = await linked(page, 'Tải Excel');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells).toContain(CANDIDATE);
    const pdf = await linked(page, 'Tải PDF');
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByTestId(`appoint-${applicationId}`).click();
    await page.getByTestId('appoint-staff-code').fill(STAFF_CODE);
    await page.getByTestId('appoint-reason').fill('Đứng đầu danh sách xếp hạng, đạt yêu cầu vị trí việc làm.');
    await page.getByTestId('appoint-confirm').click();
    await page.getByTestId('appointed').getByRole('link').click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe(CANDIDATE);
    await expect.poll(() => page.getByTestId('person-history').textContent()).toContain('Tuyển dụng');

    // In the staff register's list too.
    await page.getByRole('link', { name: 'Về danh sách' }).click();
    await page.getByTestId('people-search').fill('dinh quang tuyen');
    await expect.poll(() => page.getByTestId('people-table').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('people-table').getByRole('link', { name: CANDIDATE }).click();

    // The gap profile starts from the levels the panel assessed: the campaign's recruitment cycle.
    await page.getByTestId('person-gap-profile').click();
    await page.getByTestId('needs-person-status').waitFor();
    expect(await page.locator('main').textContent()).toContain(`Tuyển dụng ${CODE}`);
  });
});
