// Each demo role's journey from sign-in to its main result, as a new user
// would walk it on the first-start demo (issue 18, "Done when"): the HR officer
// imports staff, gives them accounts, runs a cycle with a previewed rater
// assignment, consolidates it and reads the needs report of the demo city
// (heatmap, target groups with their members, Excel export); the civil servant
// fills her form and reads her own report; the leader reads his team's
// completion and gaps and prints the team report; the national administrator
// reads the national needs and prints the national report. Every page on the way
// fails the test on a blank page, a console error, a server error, an English
// string on the Vietnamese page, or an ISO date or an English number shown to
// the user (item 7: dd/mm/yyyy, 3.011, 2,67, 25,5 %).
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nationalVersion } from '../../src/dataset/national-dataset.js';
import { useBrowserSession } from './browser.js';
import { pageProblem, settle, watchErrors } from './site-walk.js';

const session = useBrowserSession();
const url = (path: string) => `${session.server.url}${path}`;

/** Words of the app's own English texts that no Vietnamese page shows (data such as codes and "Excel" stay allowed). */
const ENGLISH = /\b(Loading|Save|Cancel|Submit|Search|Export|Total|Error|Next|Back|Delete|Close|Members|Show all|people|groups|undefined|NaN|Invalid Date)\b/;
/** An i18n key shown instead of its text: three dotted lower-case words ("needs.groups.members"). */
const RAW_KEY = /\b[a-z]+\.[a-z]+\.[a-zA-Z]+\b/;

/** A date shown as the API sends it (2026-12-03) instead of 03/12/2026. */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
/** A decimal or thousands in English style: 2.67 or 3,011 (Vietnamese writes 2,67 and 3.011). Codes such as 1.2 of a framework are dotted too: only two-decimal values and comma thousands count. */
const ENGLISH_NUMBER = /(?<![\d.,])(\d+\.\d{2}|\d{1,3}(,\d{3})+)(?![\d.,])/;
/** A percentage in Intl's own style (25,5%) instead of the app's one style (25,5 %, a no-break space). */
const PERCENT_WITHOUT_SPACE = /\d%/;
/** dd/mm/yyyy. */
const VN_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/** The browser's console line for the signed-out answer to GET /api/auth/me. */
const SIGNED_OUT = /status of 401 \(Unauthorized\) \(https?:\/\/[^)]+\/api\/auth\/me\)$/;

interface Watched {
  page: Page;
  errors: string[];
}
const watched: Watched[] = [];
afterEach(() => {
  // Every problem of the test's pages, gathered while they lived.
  const problems = watched.splice(0).flatMap((w) => w.errors);
  expect(problems).toEqual([]);
});

/** A signed-in page whose console errors, uncaught exceptions and 5xx answers fail the test. */
async function journeyPage(username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await session.newPage(viewport);
  const errors = watchErrors(page);
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  watched.push({ page, errors });
  await page.goto(url('/'));
  await page.getByTestId('sign-in-username').waitFor();
  await page.waitForLoadState('networkidle');
  // Signed out, the app's "who am I" question is answered 401 and the browser logs it: the one error expected.
  for (let i = errors.length - 1; i >= 0; i--) if (SIGNED_OUT.test(errors[i]!)) errors.splice(i, 1);
  await session.signIn(page, username);
  await page.getByTestId('nav-overview').first().waitFor();
  await check(page, 'overview');
  return page;
}

/** The page shown now is a real page of the app, in Vietnamese. */
async function check(page: Page, step: string): Promise<void> {
  await settle(page);
  expect(await pageProblem(page), `${step}: ${page.url()}`).toBeUndefined();
  const text = await page.locator('main').innerText();
  expect(ENGLISH.exec(text)?.[0], `${step}: English on a Vietnamese page`).toBeUndefined();
  expect(RAW_KEY.exec(text)?.[0], `${step}: a text key instead of its text`).toBeUndefined();
  expect(ISO_DATE.exec(text)?.[0], `${step}: an ISO date instead of dd/mm/yyyy`).toBeUndefined();
  expect(ENGLISH_NUMBER.exec(text)?.[0], `${step}: a number in English style`).toBeUndefined();
  expect(PERCENT_WITHOUT_SPACE.exec(text)?.[0], `${step}: a percentage without the no-break space`).toBeUndefined();
}

/** A small staff file as HR keeps one: the template's Vietnamese headers, two people in the Department of Home Affairs. */
async function staffWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cán bộ');
  sheet.addRow(['Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã cơ quan', 'Mã vị trí việc làm', 'Ngạch']);
  sheet.addRow(['HN-J901', 'Phùng Thị Mai Anh', '14/05/1994', 'Nữ', 'HN-SNV', 'HN-SNV-CV-CCVC', 'Chuyên viên']);
  sheet.addRow(['HN-J902', 'Tạ Quang Huy', '03/12/1989', 'Nam', 'HN-SNV', 'HN-SNV-CV-CCVC', 'Chuyên viên']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const IMPORTED = ['Phùng Thị Mai Anh', 'Tạ Quang Huy'];
const CYCLE_NAME = 'Đánh giá năng lực sau tuyển dụng 2026';
let cycleId = '';

/** Rates every competency of the open form at `level` and submits it. */
async function rateAll(page: Page, level: number): Promise<void> {
  const cards = page.getByTestId('competency-card');
  await cards.first().waitFor();
  const count = await cards.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) await cards.nth(i).getByTestId(`level-${level}`).click();
  await page.getByTestId('form-submit').click();
  await page.getByTestId('form-submit-confirm').click();
  await page.getByTestId('form-submitted').waitFor();
}

describe('journeys of the demo roles', () => {
  it('HR: imports staff, creates their accounts, and runs a cycle with a previewed assignment', async () => {
    const hr = await journeyPage('hr.hanoi');

    // Import: the wizard reads the file, shows no error, commits both people.
    await hr.getByTestId('nav-people').first().click();
    await check(hr, 'staff register');
    await hr.goto(url('/people/import'));
    await check(hr, 'import');
    await hr.locator('input[type="file"]').setInputFiles({
      name: 'can-bo-moi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await staffWorkbook(),
    });
    await hr.getByTestId('import-upload').click();
    await hr.getByTestId('import-commit').waitFor();
    expect(await hr.getByTestId('import-errors').count()).toBe(0);
    // The preview shows the dates of birth as the file wrote them, dd/mm/yyyy.
    const preview = await hr.locator('main').innerText();
    expect(preview).toContain('14/05/1994');
    expect(preview).toContain('03/12/1989');
    await check(hr, 'import preview');
    await hr.getByTestId('import-commit').click();
    await hr.getByTestId('import-done').waitFor();
    expect(await hr.getByTestId('import-done').textContent()).toContain('2');
    await check(hr, 'import done');

    // Accounts for the two imported people, with the printable sheet of first passwords.
    await hr.goto(url('/accounts'));
    await check(hr, 'accounts');
    await hr.getByTestId('account-bulk').click();
    for (const name of IMPORTED) {
      await hr.getByTestId('bulk-people').fill(name);
      await hr.getByRole('option', { name: new RegExp(name) }).click();
    }
    await hr.getByTestId('bulk-create').click();
    await hr.getByTestId('bulk-result').waitFor();
    await expect.poll(() => hr.getByTestId('bulk-created').locator('tbody tr').count()).toBe(2);
    const imported = await session.server.app.db
      .selectFrom('users as u')
      .innerJoin('people as p', 'p.id', 'u.person_id')
      .select('p.staff_code')
      .where('p.staff_code', 'in', ['HN-J901', 'HN-J902'])
      .execute();
    expect(imported).toHaveLength(2);
    // The sheet of first passwords stays in the dialog until HR closes it.
    await hr.keyboard.press('Escape');
    await hr.getByTestId('bulk-result').waitFor({ state: 'detached' });

    // A cycle for them and the civil servant Nguyễn Thị Lan: the assignment is previewed before any form exists.
    await hr.getByTestId('nav-assessments').first().click();
    await check(hr, 'assessments');
    await hr.getByTestId('cycle-create').click();
    await hr.getByTestId('cycle-name').fill(CYCLE_NAME);
    await hr.getByTestId('cycle-version').selectOption(await nationalVersion(session.server.app.db));
    for (const [query, option] of [
      ['phung thi mai', /Phùng Thị Mai Anh/],
      ['ta quang huy', /Tạ Quang Huy/],
      ['nguyen thi lan', /Nguyễn Thị Lan \(HN-0002\)/],
    ] as const) {
      // The dropdown closes after each pick: open it again before typing, so the next option is shown.
      await hr.getByTestId('cycle-scope-people').click();
      await hr.getByTestId('cycle-scope-people').fill(query);
      await hr.getByRole('option', { name: option }).click();
    }
    await hr.getByTestId('cycle-save').click();
    await hr.getByTestId('cycle-assign').waitFor();
    cycleId = /\/cycles\/([0-9a-f-]{36})/.exec(hr.url())![1]!;
    await check(hr, 'new cycle');
    // The subtitle: the agency, then the window in dd/mm/yyyy.
    const [opens, closes] = (await hr.getByTestId('header-subtitle').textContent())!.split(' · ').at(-1)!.split(' → ');
    expect(opens).toMatch(VN_DATE);
    expect(closes).toMatch(VN_DATE);
    await hr.getByTestId('cycle-assign').click();
    await hr.getByTestId('assign-preview').waitFor();
    expect(await hr.getByTestId('assign-preview-counts').textContent()).toMatch(/3/);
    // The people just given accounts are not among those the preview lists as unable to sign in
    // (the demo city's peers, who have no accounts, may be).
    const cannotSignIn = hr.getByTestId('cannot-sign-in');
    const unable = (await cannotSignIn.count()) > 0 ? await cannotSignIn.innerText() : '';
    for (const name of [...IMPORTED, 'Nguyễn Thị Lan']) expect(unable).not.toContain(name);
    await hr.getByTestId('assign-confirm').click();
    await expect.poll(() => hr.getByTestId('cycle-message').textContent()).toContain('Đã thêm 3 người');
    await expect.poll(() => hr.getByTestId('subject').count(), { timeout: 30_000 }).toBe(3);
    await check(hr, 'cycle assigned');
  }, 240_000);

  it('civil servant: fills her self-assessment, then reads her own report', async () => {
    expect(cycleId).not.toBe('');
    const lan = await journeyPage('canbo.hanoi');
    await lan.getByTestId('nav-assessments').first().click();
    await check(lan, 'my forms');
    const self = lan.locator(`[data-testid="my-form"][data-source="self"][data-cycle="${cycleId}"]`);
    expect((await self.getByTestId('my-form-due').textContent())!.replace(/^hạn /, '')).toMatch(VN_DATE);
    await self.getByTestId('my-form-open').click();
    await check(lan, 'self form');
    await rateAll(lan, 3);
    expect(await lan.getByTestId('form-status').getAttribute('data-status')).toBe('submitted');
    await check(lan, 'self form submitted');

    // Her own report: the demo's 2025 results, radar and gaps, with the PDF.
    await lan.goto(url('/me'));
    await check(lan, 'own report');
    await lan.getByTestId('radar-chart').first().locator('canvas').waitFor();
    await expect.poll(() => lan.getByTestId('gap-row').count()).toBeGreaterThan(5);
    const pdfHref = await lan.getByTestId('report-pdf').getAttribute('href');
    const pdf = await lan.request.get(url(pdfHref!));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it("leader: reads his team's completion and gaps, and prints the team report", async () => {
    const leader = await journeyPage('leader.hanoi');
    await leader.getByTestId('overview-team-link').click();
    await leader.getByTestId('team-page').waitFor();
    await expect.poll(() => leader.getByTestId('team-members').locator('tbody tr').count()).toBeGreaterThan(0);
    await check(leader, 'team');
    // One percent style: 25,5 % with a no-break space, as in the team report.
    expect(await leader.getByTestId('team-completion-text').textContent()).toMatch(/^Đã nộp \d+\/\d+ phiếu \(\d+(,\d)?\u00a0%\)$/);
    expect(await leader.getByTestId('team-gaps').locator('tbody tr').count()).toBeGreaterThan(0);
    const gaps = await leader.getByTestId('team-gaps').innerText();
    expect(gaps, 'gaps with a decimal comma').toMatch(/\d,\d{2}/);
    const href = await leader.getByTestId('team-report-pdf').getAttribute('href');
    const pdf = await leader.request.get(url(href!));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('HR: consolidates the cycle, and reads the needs report of the city', async () => {
    expect(cycleId).not.toBe('');
    const hr = await journeyPage('hr.hanoi');
    await hr.goto(url(`/assessments/cycles/${cycleId}`));
    await check(hr, 'cycle');
    await hr.getByTestId('cycle-consolidate').click();
    await expect.poll(() => hr.getByTestId('cycle-message').textContent()).toContain('Đã tổng hợp');
    await hr.getByTestId('cycle-close').click();
    await expect.poll(() => hr.getByTestId('cycle-status').textContent()).toBe('Đã đóng');
    await check(hr, 'cycle closed');

    // The needs report on the demo's 2025 cycle: the whole city, not four people.
    await openNeeds2025(hr);
    await check(hr, 'needs report');
    expect(await assessedPeople(hr)).toBeGreaterThanOrEqual(250);
    await expect.poll(() => hr.getByTestId('needs-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(8);

    // Target groups name their members and export to Excel.
    await hr.getByTestId('needs-tab-groups').click();
    await hr.getByTestId('needs-target-group').first().waitFor();
    await check(hr, 'target groups');
    expect(await hr.getByTestId('needs-target-group').count()).toBeGreaterThan(3);
    const firstGroup = hr.getByTestId('needs-target-group').first();
    expect(await firstGroup.getByTestId('needs-target-group-member').count()).toBeGreaterThanOrEqual(5);
    const download = hr.waitForEvent('download');
    await hr.getByTestId('needs-groups-export-excel').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('nhom-doi-tuong-dao-tao.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAll(await file.createReadStream())) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Nhóm', 'Thành viên']);
    expect(workbook.worksheets[1]!.rowCount).toBeGreaterThan(5 + 20);
  }, 300_000);

  it('national administrator: reads the national needs, and prints the national report', async () => {
    const admin = await journeyPage('admin');
    await admin.getByTestId('health-engine').waitFor();
    const href = await admin.getByTestId('national-report-pdf').getAttribute('href');
    const pdf = await admin.request.get(url(href!));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The country's needs in 2025: both demo cities.
    await openNeeds2025(admin);
    await check(admin, 'national needs');
    expect(await assessedPeople(admin)).toBeGreaterThanOrEqual(400);
    // Shares in the one percent style on the headline figures.
    expect(await admin.getByTestId('needs-headline-meeting-value').textContent()).toMatch(/^\d+(,\d)?\u00a0%$/);
  }, 120_000);
});

/** The needs page on the demo's 2025 cycle (the newest one may be a small cycle a test just closed). */
async function openNeeds2025(page: Page): Promise<void> {
  const cycle2025 = await session.server.app.db
    .selectFrom('assessment_cycles')
    .select('id')
    .where('year', '=', 2025)
    .where('kind', '<>', 'follow_up')
    .executeTakeFirstOrThrow();
  await page.getByTestId('nav-needs').first().click();
  await page.getByTestId('needs-table').waitFor();
  if (new URL(page.url()).searchParams.get('cycle') !== cycle2025.id) {
    await page.getByTestId('needs-cycle').click();
    await page.getByRole('option', { name: /2025/ }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('cycle')).toBe(cycle2025.id);
  }
  // The previous cycle's figures stay on screen, faded, until the chosen cycle's arrive.
  await page.locator('[data-testid="needs-report"][aria-busy="false"]').waitFor();
  await page.getByTestId('needs-heatmap').locator('svg').first().waitFor();
}

/** The headline count of assessed people, written as Vietnamese counts are (3.011: a point between thousands). */
async function assessedPeople(page: Page): Promise<number> {
  const text = (await page.getByTestId('needs-headline-people-value').textContent())!;
  expect(text).toMatch(/^\d{1,3}(\.\d{3})*$/);
  return Number(text.replace(/\./g, ''));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
