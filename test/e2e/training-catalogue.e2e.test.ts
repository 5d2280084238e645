// Browser test of the course catalogue: search typed without diacritics, a
// filter, costs in dong, the course page with the scale's level names, and a
// trainer's institution page creating a course that then appears in the catalogue; the national
// administrator's forms for an institution, its client agencies and its trainer accounts.
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

  it('lets the national administrator create an institution and set its client agencies and trainer accounts', async () => {
    const page = await signedIn('admin');
    await page.goto(`${session.server.url}/training/institution`);
    await page.getByTestId('institution-new').click();
    await page.getByTestId('inst-code').fill('E2E-TRUONG');
    await page.getByTestId('inst-name').fill('Trường Bồi dưỡng cán bộ thử nghiệm');
    await page.getByTestId('inst-kind').click();
    await page.getByRole('option', { name: 'Trường chính trị' }).click();
    await page.getByTestId('inst-agency').fill('uy ban nhan dan thanh pho ha noi');
    await page.getByRole('option', { name: /^Ủy ban nhân dân thành phố Hà Nội/ }).click();
    await page.getByTestId('inst-save').click();
    await page.getByTestId('institution-tab-settings').click();
    expect(await page.getByText('Trường Bồi dưỡng cán bộ thử nghiệm').first().isVisible()).toBe(true);
    const newUrl = page.url();

    await page.getByTestId('inst-clients').click();
    await page.getByTestId('inst-clients').fill('so noi vu thanh pho ha noi');
    await page.getByRole('option', { name: /^Sở Nội vụ thành phố Hà Nội/ }).click();
    await page.getByTestId('inst-clients-save').click();
    await page.getByTestId('inst-clients-saved').waitFor();

    // trainer.hanoi already serves the Hanoi school: refused with the field named, nothing changed.
    await page.getByTestId('inst-staff').click();
    await page.getByTestId('inst-staff').fill('trainer.hanoi');
    await page.getByRole('option', { name: /trainer\.hanoi/ }).click();
    await page.getByTestId('inst-staff-save').click();
    await page.getByTestId('inst-staff-error').waitFor();
    expect(await page.getByTestId('inst-staff-error').textContent()).toContain('userIds.0');

    // Released from the Hanoi school, the account can serve the new institution.
    await page.goto(`${session.server.url}/training/institution`);
    await page.getByTestId('institution-choose').click();
    await page.getByRole('option', { name: 'Trường Chính trị thành phố Hà Nội' }).click();
    await page.getByTestId('institution-tab-settings').click();
    await page.getByTestId('inst-staff').click();
    await page.getByTestId('inst-staff').press('Backspace');
    await page.getByTestId('inst-staff-save').click();
    await page.getByTestId('inst-staff-saved').waitFor();
    await page.goto(newUrl);
    await page.getByTestId('institution-tab-settings').click();
    await page.getByTestId('inst-staff').click();
    await page.getByTestId('inst-staff').fill('trainer.hanoi');
    await page.getByRole('option', { name: /trainer\.hanoi/ }).click();
    await page.getByTestId('inst-staff-save').click();
    await page.getByTestId('inst-staff-saved').waitFor();

    const trainer = await signedIn('trainer.hanoi');
    await trainer.goto(`${session.server.url}/training/institution`);
    await trainer.getByTestId('institution-courses').waitFor();
    expect(await trainer.getByRole('heading', { name: 'Trường Bồi dưỡng cán bộ thử nghiệm' }).isVisible()).toBe(true);
    expect(
      await trainer
        .getByText(/Sở Nội vụ thành phố Hà Nội/)
        .first()
        .isVisible(),
    ).toBe(true);
  });
});
