import { expect, test } from 'vitest';
import { useBrowserSession } from './browser.js';

// Issue 16: the effectiveness page on the demo (its 2024 and 2025 cycles, 2026 sessions and their
// follow-ups): the ranking with intervals, and a course opened from it with its before/after plot.
const session = useBrowserSession();

test('HR reads the effectiveness ranking and opens a course from it', async () => {
  const page = await session.signedIn('hr.hanoi', { path: '/evaluation/effectiveness', waitFor: 'effect-ranking' });
  const rows = page.getByTestId('effect-row');
  expect(await rows.count()).toBeGreaterThan(0);
  // Every row states its conclusion (with the demo's ten staff: too few to conclude).
  expect(await page.getByTestId('effect-verdict').first().textContent()).toMatch(/\S/);
  const link = page.getByTestId('effect-course-link').first();
  const title = (await link.textContent())!.trim();
  await link.click();
  await page.getByTestId('effect-course').waitFor();
  expect(await page.locator('h1, h2').first().textContent()).toContain(title);
  await page.getByTestId('effect-before-after').locator('svg').first().waitFor();
  expect(await page.getByTestId('effect-course-pdf').getAttribute('href')).toMatch(/\/report\.pdf\?language=vi$/);
  // The other tabs are there for HR.
  await page.getByTestId('evaluation-tab-followups').click();
  await page.getByTestId('followups-table').waitFor();
});
