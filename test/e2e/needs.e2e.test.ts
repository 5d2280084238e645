// Browser test of the training-needs dashboards: the national administrator
// drills from the country down to one person with the filters in the address
// bar, exports the table, and an HR officer of another province is refused a
// Hà Nội agency, against the real server on an in-memory embedded database.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Db } from '../../src/platform/db/engine.js';
import { insertCycle, insertResults, nationalCompetencies } from '../needs/needs-fixture.js';
import { useBrowserSession } from './browser.js';

/**
 * The demo is to carry a closed cycle with consolidated results; until it does
 * (or if it changes), give every demo person results of one closed cycle
 * through the needs fixture, which consolidates them the way the assessment
 * module does (the listener refreshes the summaries the dashboards read).
 */
async function ensureConsolidatedCycle(db: Db): Promise<void> {
  const existing = await db.selectFrom('assessment_results').select('cycle_id').limit(1).executeTakeFirst();
  if (existing) return;
  const competencies = await nationalCompetencies(db, 30);
  const cycleId = await insertCycle(db, 'Đánh giá năng lực số năm 2026 (kiểm thử)', '2026-03-01', competencies[0]!.versionId);
  await insertResults(db, cycleId, competencies);
}

const session = useBrowserSession({ afterStart: (server) => ensureConsolidatedCycle(server.app.db) });
const signedIn = (username: string, viewport = { width: 1280, height: 900 }) => session.signedIn(username, { viewport, waitFor: 'nav-overview' });

const search = (page: Page) => new URL(page.url()).searchParams;
const path = (page: Page) => new URL(page.url()).pathname;

/** The cycle the dashboard opens on: the newest closed one that is not a follow-up after training. */
async function newestCycleId(): Promise<string> {
  const cycle = await session.server.app.db
    .selectFrom('assessment_cycles')
    .select('id')
    .where('status', '=', 'closed')
    .where('kind', '<>', 'follow_up')
    .orderBy('opens_on', 'desc')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  return cycle.id;
}

describe('training-needs dashboards', () => {
  it('drills from the country to one person, keeping the filters in the address bar', async () => {
    const cycleId = await newestCycleId();
    const page = await signedIn('admin');
    await page.getByTestId('nav-needs').click();

    // Country level: provinces as rows, the newest cycle chosen and written to the address.
    const table = page.getByTestId('needs-table');
    await table.waitFor();
    await page.getByTestId('needs-heatmap').locator('svg').waitFor();
    await expect.poll(() => search(page).get('cycle')).toBe(cycleId);
    expect(search(page).get('level')).toBe('country');
    expect(await page.getByTestId('needs-headline-people-value').textContent()).toMatch(/^\d+$/);

    // The Excel export of the table on screen answers with a workbook.
    const excelHref = await page.getByTestId('needs-export-excel').getAttribute('href');
    expect(excelHref).toContain(`cycleId=${cycleId}`);
    const excel = await page.request.get(`${session.server.url}${excelHref}`);
    expect(excel.status()).toBe(200);
    expect(excel.headers()['content-type']).toContain('spreadsheetml');

    // Columns by competency are a filter of the address too.
    await page.getByTestId('needs-columns').getByText('Từng năng lực').click();
    await expect.poll(() => search(page).get('columns')).toBe('competency');
    await page.getByTestId('needs-columns').getByText('Nhóm năng lực').click();
    await expect.poll(() => search(page).get('columns')).toBe(null);

    // Country → province.
    const hanoi = await session.server.app.db.selectFrom('agencies').select('admin_unit_id').where('code', '=', 'HN').executeTakeFirstOrThrow();
    await table.getByRole('link', { name: /Thành phố Hà Nội/ }).click();
    await expect.poll(() => search(page).get('level')).toBe('province');
    expect(search(page).get('id')).toBe(hanoi.admin_unit_id);
    expect(search(page).get('cycle')).toBe(cycleId);

    // Province → agency.
    const department = await session.server.app.db.selectFrom('agencies').select('id').where('code', '=', 'HN-SNV').executeTakeFirstOrThrow();
    await table.getByRole('link', { name: /Sở Nội vụ thành phố Hà Nội/ }).click();
    await expect.poll(() => search(page).get('level')).toBe('agency');
    expect(search(page).get('id')).toBe(department.id);
    await expect.poll(() => page.getByTestId('needs-breadcrumbs').textContent()).toContain('Thành phố Hà Nội');

    // The back button walks back up the drill-down, and forward down again.
    await page.goBack();
    await expect.poll(() => search(page).get('level')).toBe('province');
    await page.goForward();
    await expect.poll(() => search(page).get('level')).toBe('agency');

    // Agency → its people.
    await table.locator('[data-drill="people"]').getByRole('link').click();
    await expect.poll(() => path(page)).toBe(`/needs/agencies/${department.id}/people`);
    expect(search(page).get('cycle')).toBe(cycleId);
    const people = page.getByTestId('needs-people-table');
    await people.waitFor();
    const rows = await page.getByTestId('needs-person-row').count();
    expect(rows).toBeGreaterThan(0);

    // Searching without diacritics finds the demo civil servant Nguyễn Thị Lan.
    await page.getByTestId('needs-people-search').fill('nguyen thi lan');
    await expect.poll(() => search(page).get('q')).toBe('nguyen thi lan');
    await expect.poll(() => page.getByTestId('needs-person-row').count()).toBe(1);
    expect(await page.getByTestId('needs-person-row').textContent()).toContain('Nguyễn Thị Lan');

    // People → person: required against assessed, and the needs largest first.
    await page.getByTestId('needs-person-row').getByRole('link').click();
    await expect.poll(() => path(page)).toMatch(/^\/needs\/people\/[0-9a-f-]{36}$/);
    expect(search(page).get('cycle')).toBe(cycleId);
    await page.getByTestId('needs-person-chart').locator('svg').waitFor();
    await page.getByTestId('needs-person-status').waitFor();
    const crumbs = await page.getByTestId('needs-breadcrumbs').textContent();
    for (const step of ['Cả nước', 'Thành phố Hà Nội', 'Sở Nội vụ thành phố Hà Nội', 'Danh sách công chức', 'Nguyễn Thị Lan']) {
      expect(crumbs).toContain(step);
    }
    const gaps = await page
      .getByTestId('needs-person-needs')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.lastElementChild!.textContent.replace(',', '.'))));
    if ((await page.getByTestId('needs-person-no-needs').count()) === 0) expect(gaps.length).toBeGreaterThan(0);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    await page.close();
  }, 90_000);

  it('opens a shared link at the same view', async () => {
    const cycleId = await newestCycleId();
    const department = await session.server.app.db.selectFrom('agencies').select(['id', 'name']).where('code', '=', 'HN-SNV').executeTakeFirstOrThrow();
    const page = await signedIn('hr.hanoi');
    await page.goto(`${session.server.url}/needs?cycle=${cycleId}&level=agency&id=${department.id}&columns=competency`);
    await page.getByTestId('needs-table').waitFor();
    expect(await page.getByTestId('needs-breadcrumbs').textContent()).toContain(department.name);
    expect(await page.getByTestId('needs-columns').locator('input:checked').getAttribute('value')).toBe('competency');
    // The agency's annual submission opens as a PDF.
    const pdfHref = await page.getByTestId('needs-export-pdf').getAttribute('href');
    expect(pdfHref).toBe(`/api/needs/report.pdf?cycleId=${cycleId}&agencyId=${department.id}`);
    const pdf = await page.request.get(`${session.server.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.close();
  }, 60_000);

  it('tells an HR officer of Đà Nẵng that a Hà Nội agency is not found, and shows no data', async () => {
    const department = await session.server.app.db.selectFrom('agencies').select('id').where('code', '=', 'HN-SNV').executeTakeFirstOrThrow();
    const page = await signedIn('hr.danang');
    await page.goto(`${session.server.url}/needs?level=agency&id=${department.id}`);
    await page.getByTestId('needs-not-found').waitFor();
    expect(await page.getByTestId('needs-table').count()).toBe(0);
    expect(await page.getByTestId('needs-heatmap').count()).toBe(0);
    // The people list of that agency is refused the same way.
    await page.goto(`${session.server.url}/needs/agencies/${department.id}/people`);
    await page.getByTestId('needs-not-found').waitFor();
    expect(await page.getByTestId('needs-people-table').count()).toBe(0);
    await page.close();
  }, 60_000);
});
