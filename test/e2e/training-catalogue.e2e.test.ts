// Browser test of the course catalogue: search typed without diacritics, a
// filter, costs in dong, the course page with the scale's level names, and a
// trainer's institution page creating a course that then appears in the catalogue.
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser.js';

const session = useBrowserSession();
const signedIn = (username: string) => session.signedIn(username, { viewport: { width: 1400, height: 900 }, waitFor: 'nav-training' });
const rows = (page: Awaited<ReturnType<typeof signedIn>>) => page.getByTestId('catalogue-table').locator('tbody tr');

describe('course catalogue screens', () => {
  it('finds courses typed without diacritics, filters them, and opens one with its levels', async () => {
    const page = await signedIn('hr.hanoi');
    await page.goto(`${session.server.url}/training`);
    await page.getByTestId('catalogue-table').waitFor();
    expect(page.url()).toContain('/training/catalogue');
    expect(await page.getByTestId('catalogue-total').textContent()).toContain('40');

    await page.getByTestId('catalogue-search').fill('boi duong kien thuc quan ly nha nuoc');
    await expect.poll(() => rows(page).count()).toBe(2);
    const text = await page.getByTestId('catalogue-table').textContent();
    expect(text).toContain('Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên');
    expect(text).toContain('5.500.000');
    expect(text).toContain('₫');

    await page.getByTestId('catalogue-search').fill('');
    await page.getByTestId('catalogue-format').click();
    await page.getByRole('option', { name: 'Luân chuyển vị trí' }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('HN-LC-01');

    await page.getByRole('link', { name: 'Luân chuyển công chức trẻ qua các phòng chuyên môn' }).click();
    await page.getByTestId('course-page').waitFor();
    const competencies = await page.getByTestId('course-competencies').textContent();
    expect(competencies).toContain('HC.5');
    // Levels carry the scale's names (the national framework's level 3).
    expect(competencies).toMatch(/3\. \S+/);
    expect(await page.getByTestId('course-edit').count()).toBe(0);
    expect(await page.getByTestId('course-sessions').getAttribute('href')).toContain('/training/sessions?courseId=');
  });

  it('lets a trainer add a course to their institution, which the catalogue then finds', async () => {
    const page = await signedIn('trainer.hanoi');
    await page.goto(`${session.server.url}/training/institution`);
    await page.getByTestId('institution-courses').waitFor();
    await page.getByTestId('course-new').click();
    await page.getByTestId('course-code').fill('HN-E2E-01');
    await page.getByTestId('course-title').fill('Ứng dụng bản đồ số trong quản lý đô thị');
    await page.getByTestId('course-cost').fill('1250000');
    await page.getByTestId('course-competency-0').click();
    await page.getByTestId('course-competency-0').fill('CN.2');
    await page.getByRole('option', { name: /^CN\.2/ }).click();
    await page.getByTestId('course-save').click();
    await page.getByTestId('course-form').waitFor({ state: 'detached' });
    await expect.poll(async () => page.getByTestId('institution-courses').textContent()).toContain('HN-E2E-01');

    await page.getByTestId('training-tab-catalogue').click();
    await page.getByTestId('catalogue-search').fill('ban do so');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('1.250.000');
  });
});
