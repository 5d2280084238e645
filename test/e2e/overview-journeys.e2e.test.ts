// Each role's overview in the browser (issue 18, items 9 and 10): the civil servant's to-do list leads to
// the form to fill and shows no database details; the leader goes from the to-do list to the team and
// prints the team report; the national administrator sees the database details and gets the national report.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser.js';
import { openCycleFromNewest } from '../assessment/open-cycle.js';
import { today } from '../../src/platform/clock.js';

const shift = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const session = useBrowserSession({
  afterStart: async (server) => {
    const hn = await server.app.db.selectFrom('agencies').select('id').where('code', '=', 'HN').executeTakeFirstOrThrow();
    // A running cycle of Hà Nội like the newest demo one: everyone's forms are waiting.
    await openCycleFromNewest(server.app.db, { opensOn: shift(-3), closesOn: shift(14), agencyId: hn.id });
  },
});

async function fetchPdf(page: Page, testId: string): Promise<Buffer> {
  const href = await page.getByTestId(testId).getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(`${session.server.url}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  return response.body();
}

describe('overview journeys', () => {
  it('civil servant: the to-do list shows the forms to fill with their deadline and links to them; no database details', async () => {
    const page = await session.signedIn('canbo.hanoi', { waitFor: 'overview-todo' });
    const forms = page.getByTestId('todo-link-assessment.formsToFill');
    await forms.waitFor();
    expect(await forms.textContent()).toMatch(/^\d+ phiếu đánh giá cần điền$/);
    const [y, m, d] = shift(14).split('-');
    expect(await page.getByTestId('todo-due-assessment.formsToFill').textContent()).toBe(`Hạn ${d}/${m}/${y}`);
    expect(await page.getByTestId('system-status').count()).toBe(0);
    expect(await page.getByTestId('health-engine').count()).toBe(0);
    await forms.click();
    await page.waitForURL(/\/assessments(\/forms\/[0-9a-f-]{36})?$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.close();
  }, 90_000);

  it('leader: overview to-do → team view → printable team report', async () => {
    const page = await session.signedIn('leader.hanoi', { waitFor: 'overview-todo' });
    await page.getByTestId('todo-link-assessment.formsToFill').waitFor();
    expect(await page.getByTestId('system-status').count()).toBe(0);
    await page.getByTestId('overview-team-link').click();
    await page.getByTestId('team-page').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tập thể của tôi');
    await expect.poll(() => page.getByTestId('team-members').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('team-completion-text').textContent()).toMatch(/^Đã nộp \d+\/\d+ phiếu \(\d+(,\d)?\u00a0%\)$/);
    expect(await page.getByTestId('team-gaps').locator('tbody tr').count()).toBeGreaterThan(0);
    const pdf = await fetchPdf(page, 'team-report-pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 90_000);

  it('national administrator: overview with the database details → national report PDF', async () => {
    const page = await session.signedIn('admin', { waitFor: 'overview-todo' });
    await page.getByTestId('health-engine').waitFor();
    expect(await page.getByTestId('health-engine').textContent()).toBe('PGlite (cơ sở dữ liệu nhúng)');
    expect(await page.getByTestId('health-migration').textContent()).toBe(session.server.migration);
    expect(Number(await page.getByTestId('database-migrations').textContent())).toBeGreaterThan(10);
    const pdf = await fetchPdf(page, 'national-report-pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 90_000);

  it('shows "Không có việc cần làm" to a role with nothing due', async () => {
    const page = await session.signedIn('ungvien', { waitFor: 'overview-todo' });
    await page.getByTestId('overview-todo-empty').waitFor();
    expect(await page.getByTestId('overview-todo-empty').textContent()).toContain('Không có việc cần làm');
    await page.close();
  }, 90_000);
});
