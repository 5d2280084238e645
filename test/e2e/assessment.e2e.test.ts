// Browser test of a whole 360° cycle: HR creates and assigns a cycle, the
// civil servant self-assesses on a phone, the leader rates her, HR
// consolidates, and she reads her profile (radar, gaps, PDF) at /me.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAssessmentFixture, type AssessmentFixture } from '../assessment/fixtures.js';
import { useBrowserSession } from './browser.js';

let fx: AssessmentFixture;
const session = useBrowserSession({
  afterStart: async (server) => {
    fx = await createAssessmentFixture(server.app.db);
  },
});
const signedIn = (username: string, viewport = { width: 1280, height: 900 }) => session.signedIn(username, { path: '/assessments', viewport });

async function rateAll(page: Page, level: number): Promise<void> {
  const cards = page.getByTestId('competency-card');
  await cards.first().waitFor();
  const count = await cards.count();
  expect(count).toBe(fx.competencyIds.length);
  for (let i = 0; i < count; i++) await cards.nth(i).getByTestId(`level-${level}`).click();
  await page.getByTestId('form-submit').click();
  await page.getByTestId('form-submit-confirm').click();
  await page.getByTestId('form-submitted').waitFor();
}

describe('assessment cycle in the browser', () => {
  it('runs a cycle end to end', async () => {
    const hr = await signedIn('hr.hanoi');
    await hr.getByTestId('cycle-create').click();
    await hr.getByTestId('cycle-name').fill('Đánh giá năng lực số 2026');
    await hr.getByTestId('cycle-version').selectOption(fx.versionId);
    await hr.getByTestId('cycle-save').click();
    await hr.getByTestId('cycle-assign').click();
    // The bulk assignment previews what it would create; the forms come from its confirm button.
    await hr.getByTestId('assign-preview').waitFor();
    await hr.getByTestId('assign-confirm').click();
    const cycleId = /\/cycles\/([0-9a-f-]{36})/.exec(hr.url())![1]!;
    // Everyone active in the Hanoi subtree (the cycle's agency, no narrower scope) is assessed.
    const { n } = await session.server.app.db
      .selectFrom('people as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.status', '=', 'active')
      .where('a.path', 'like', `%/${fx.agencyIds['HN']}/%`)
      .executeTakeFirstOrThrow();
    await expect.poll(() => hr.getByTestId('cycle-message').textContent()).toContain(`Đã thêm ${n} người`);
    await expect.poll(() => hr.getByTestId('subject').count()).toBe(n);

    // A question bank for the second competency, for the online knowledge test.
    await hr.goto(`${session.server.url}/assessments`);
    await hr.getByTestId('bank-version').selectOption(fx.versionId);
    await hr.getByTestId('bank-competency').selectOption(fx.competencyIds[1]!);
    for (let q = 1; q <= 3; q++) {
      await hr.getByTestId('bank-stem').fill(`Câu hỏi số ${q} về dữ liệu mở?`);
      await hr.getByTestId('bank-option-0').fill('Đúng');
      await hr.getByTestId('bank-option-1').fill('Sai');
      await hr.getByTestId('bank-add').click();
      await expect.poll(() => hr.getByTestId('bank-stem').inputValue()).toBe('');
    }
    await hr.goBack();

    // The civil servant self-assesses on a phone.
    const lan = await signedIn('canbo.hanoi', { width: 390, height: 844 });
    await lan.locator(`[data-testid="my-form"][data-source="self"][data-cycle="${cycleId}"]`).getByTestId('my-form-open').click();
    await lan.getByTestId('competency-card').first().waitFor();
    // Saving a draft keeps the choice; the page fits the phone's width.
    await lan.getByTestId('competency-card').first().getByTestId('level-4').click();
    await lan.getByTestId('form-save-draft').click();
    await lan.getByTestId('form-saved').waitFor();
    expect(await lan.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    if (process.env.E2E_SCREENSHOT_DIR) await lan.screenshot({ path: path.join(process.env.E2E_SCREENSHOT_DIR, 'nangluc-rating-form-phone.png') });
    await rateAll(lan, 4);
    expect(await lan.getByTestId('form-status').getAttribute('data-status')).toBe('submitted');
    // Submitted: the level choices are locked.
    expect(await lan.getByTestId('competency-card').first().getByTestId('level-2').isDisabled()).toBe(true);

    // ... and takes the knowledge test: 3 of 3 is level 5, one more source.
    await lan.goto(`${session.server.url}/assessments`);
    await lan.getByTestId('take-test').click();
    for (let q = 0; q < 3; q++) await lan.getByTestId(`answer-${q}-0`).click();
    await lan.getByTestId('test-submit').click();
    expect(await lan.getByTestId('test-result').textContent()).toContain('3/3');

    const leader = await signedIn('leader.hanoi');
    await leader
      .locator(`[data-testid="my-form"][data-source="leader"][data-subject="Nguyễn Thị Lan"][data-cycle="${cycleId}"]`)
      .getByTestId('my-form-open')
      .click();
    await rateAll(leader, 3);

    await hr.reload();
    await hr.getByTestId('cycle-consolidate').click();
    await expect.poll(() => hr.getByTestId('cycle-message').textContent()).toContain('Đã tổng hợp');
    if (process.env.E2E_SCREENSHOT_DIR)
      await hr.screenshot({ path: path.join(process.env.E2E_SCREENSHOT_DIR, 'nangluc-assessment-cycle.png'), fullPage: true });
    // Results reach the person when HR closes the cycle.
    // Closing moves every subject's current levels (recruitment) and the page then reloads the cycle's lists:
    // seconds with the demo city's 446 people, so the test waits for the answer, then for the badge.
    const [closed] = await Promise.all([
      hr.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/assessments/cycles/${cycleId}`), { timeout: 60_000 }),
      hr.getByTestId('cycle-close').click(),
    ]);
    expect(closed.status()).toBe(200);
    await expect.poll(() => hr.getByTestId('cycle-status').textContent(), { timeout: 30_000 }).toBe('Đã đóng');

    await lan.goto(`${session.server.url}/me`);
    await lan.getByTestId('radar-chart').locator('canvas').waitFor();
    await expect.poll(() => lan.getByTestId('gap-row').count()).toBe(fx.competencyIds.length);
    // self 4 (20) + leader 3 (40): 3.33; self − others = 1 → blind spot.
    expect(await lan.getByTestId('gap-table').textContent()).toContain('3,33');
    // The tested competency: + test 5 (10): (80 + 120 + 50) / 70 = 3.57.
    expect(await lan.getByTestId('gap-row').nth(1).textContent()).toContain('3,57');
    expect(await lan.getByTestId('gap-flag').first().textContent()).toBe('Điểm mù');
    if (process.env.E2E_SCREENSHOT_DIR)
      await lan.screenshot({ path: path.join(process.env.E2E_SCREENSHOT_DIR, 'nangluc-my-profile-phone.png'), fullPage: true });
    const pdfHref = await lan.getByTestId('report-pdf').getAttribute('href');
    const pdf = await lan.request.get(`${session.server.url}${pdfHref}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('scopes an ad hoc cycle to named people found without diacritics', async () => {
    const hr = await signedIn('hr.hanoi');
    await hr.getByTestId('cycle-create').click();
    await hr.getByTestId('cycle-name').fill('Đánh giá đột xuất sau điều động');
    await hr.getByTestId('cycle-version').selectOption(fx.versionId);
    await hr.getByTestId('cycle-scope-people').fill('ngo thi bich');
    await hr.getByRole('option', { name: 'Ngô Thị Bích Ngọc (HN-0004)' }).click();
    await hr.getByTestId('cycle-save').click();
    await hr.getByTestId('cycle-assign').click();
    await hr.getByTestId('assign-preview').waitFor();
    await hr.getByTestId('assign-confirm').click();
    await expect.poll(() => hr.getByTestId('cycle-message').textContent()).toContain('Đã thêm 1 người');
    await expect.poll(() => hr.getByTestId('subject').count()).toBe(1);
    expect(await hr.getByTestId('subject').textContent()).toContain('Ngô Thị Bích Ngọc');
  });
});
