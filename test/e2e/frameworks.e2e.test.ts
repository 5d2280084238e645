// Browser test of the framework and position screens: the DigComp 3.0 file and
// the CASE sample imported through the import dialog and browsed, the national
// framework's groups → competencies → indicators, and the matrix editor.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser.js';

const SHARED = new URL('../../../shared/data/frameworks/', import.meta.url);
const DIGCOMP = fileURLToPath(new URL('digcomp/DigComp_3.0_Data_Supplement_2025-11-24.jsonld', SHARED));
const CASE_SAMPLE = fileURLToPath(new URL('case/opensalt_sample_CFPackage_CCSS_math_excerpt.json', SHARED));

const session = useBrowserSession();
const signedIn = (username: string) => session.signedIn(username, { viewport: { width: 1400, height: 900 }, waitFor: 'nav-frameworks' });

async function importFile(page: Page, formatLabel: string, file: string, asksForScale = false): Promise<void> {
  await page.goto(`${session.server.url}/frameworks`);
  await page.getByTestId('framework-import').click();
  await page.getByTestId('import-format').click();
  await page.getByRole('option', { name: formatLabel }).click();
  await page.locator('input[type="file"]').setInputFiles(file);
  // First the preview; a package without a scale (the CASE sample) asks which one, and nothing is chosen for the user.
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-preview-summary').waitFor();
  const submit = page.getByTestId('import-submit');
  expect(await page.getByTestId('import-levels').isVisible()).toBe(asksForScale);
  if (asksForScale) {
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole('radio', { name: /thang 5 mức quốc gia/ }).check();
  }
  await submit.click();
  await page.getByTestId('import-done').waitFor();
  if (asksForScale) expect(await page.getByTestId('import-decisions').innerText()).toMatch(/thang 5 mức/);
  await page.getByRole('link', { name: 'Mở khung năng lực vừa nhập' }).click();
  await page.getByTestId('framework-groups').waitFor();
}

describe('framework screens', () => {
  it('the national framework shows groups → competencies → level indicators to a civil servant', async () => {
    const page = await signedIn('canbo.hanoi');
    await page.goto(`${session.server.url}/frameworks`);
    await page.getByTestId('framework-card').first().waitFor();
    await page.getByRole('link', { name: /v1/ }).first().click();
    await page.getByTestId('framework-groups').waitFor();
    await page.getByTestId('competency-item').first().click();
    const indicators = page.getByTestId('level-indicators').first();
    await indicators.waitFor();
    expect(await indicators.locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('framework-publish').count()).toBe(0);
    // Accent-insensitive search.
    await page.getByTestId('competency-search').fill('dao duc cong vu');
    await page.getByText('HC.4 · Đạo đức công vụ').waitFor();
  });

  it('an administrator imports the DigComp 3.0 file, sees it with its attribution, publishes it and retires it', async () => {
    const page = await signedIn('admin');
    await importFile(page, 'DigComp JSON-LD', DIGCOMP);
    expect(await page.getByTestId('framework-attribution').textContent()).toMatch(/JRC.*CC BY 4\.0/);
    await page.getByText('Tìm kiếm, đánh giá và quản lý thông tin').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('framework-publish').click();
    await page.getByTestId('status-published').first().waitFor();
    expect(await page.getByTestId('framework-new-draft').isVisible()).toBe(true);
    // Retiring keeps the version readable, marked as no longer in force.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('framework-retire').click();
    await page.getByTestId('status-retired').first().waitFor();
    expect(await page.getByTestId('framework-retire').count()).toBe(0);
    expect(await page.getByTestId('framework-groups').isVisible()).toBe(true);
  });

  it('an administrator imports the CASE sample and browses its nested items', async () => {
    const page = await signedIn('admin');
    await importFile(page, '1EdTech CASE 1.1 (JSON)', CASE_SAMPLE, true);
    await page.getByText('What Standards Could Be').first().waitFor();
    expect(await page.getByTestId('competency-item').count()).toBeGreaterThan(0);
  });

  it('an HR officer edits the matrix and saves all cells in one go', async () => {
    const page = await signedIn('hr.hanoi');
    await page.goto(`${session.server.url}/positions?view=matrix`);
    const matrix = page.getByTestId('position-matrix');
    await matrix.waitFor();
    const first = matrix.locator('input[data-row="0"][data-col="0"]');
    await first.click();
    await page.keyboard.press('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('2');
    expect(await page.getByTestId('matrix-dirty').textContent()).toMatch(/^2 /);
    await page.getByTestId('matrix-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="matrix-dirty"]')?.textContent?.startsWith('0 '));
    expect(await first.inputValue()).toBe('1');
  });

  it('profile templates per role x tier are shown to the national administrator', async () => {
    const page = await signedIn('admin');
    await page.goto(`${session.server.url}/positions?view=templates`);
    const table = page.getByTestId('profile-template');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(30);
  });
});
