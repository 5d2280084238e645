// Browser test of issue 16, level 1: a trainee answers a survey on their
// training page, and HR sees the survey results only as the rules allow —
// nothing while open, "too few respondents" once closed with one answer, the
// aggregate of a closed survey answered by enough trainees.
import { afterAll, describe, expect, it } from 'vitest';
import { now, setClock } from '../../src/platform/clock.js';
import { useBrowserSession } from './browser.js';

const session = useBrowserSession();
const HOSTILE = '<img src=x onerror="window.__pwned=1">Góp ý <b>riêng-E2E-7731</b>';

afterAll(() => setClock(null));

describe('reaction surveys in the browser', () => {
  it('canbo.hanoi answers the open survey once; HR sees aggregates, and “too few” for a group of one', async () => {
    const trainee = await session.signedIn('canbo.hanoi', { path: '/training/me', waitFor: 'my-surveys' });
    await trainee.getByTestId('survey-answer').click();
    const form = trainee.getByTestId('survey-form');
    await form.getByLabel('Rất đồng ý').check();
    await form.locator('textarea').fill(HOSTILE);
    await trainee.getByTestId('survey-send').click();
    await trainee.getByText('Cảm ơn bạn, ý kiến đã được ghi nhận.').waitFor();
    await trainee.getByTestId('survey-answer').waitFor({ state: 'detached' });

    const hr = await session.signedIn('hr.hanoi', { path: '/evaluation' });
    await hr.getByTestId('evaluation-tab-surveys').click();
    await hr.getByTestId('survey-results').waitFor();
    // The institution's closed survey of a demo session: its aggregate.
    await hr.getByTestId('survey-released').first().waitFor();
    expect(await hr.getByTestId('survey-mean').count()).toBeGreaterThan(0);
    // HR's own survey is still open: nothing of canbo.hanoi's answer shows.
    await hr.getByTestId('survey-open').first().waitFor();
    expect(await hr.content()).not.toContain('riêng-E2E-7731');

    // Fifteen days on, it has closed with one respondent: below the threshold, it says so and shows nothing else.
    setClock(new Date(now().getTime() + 15 * 86_400_000));
    await hr.reload();
    await hr.getByTestId('evaluation-tab-surveys').click();
    await hr.getByTestId('survey-too_few').first().waitFor();
    await expect(hr.getByText('Quá ít người trả lời để hiện kết quả (ẩn danh)').first().isVisible()).resolves.toBe(true);
    expect(await hr.content()).not.toContain('riêng-E2E-7731');
    expect(await hr.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
