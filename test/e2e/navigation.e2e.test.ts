// Browser test of the web shell: sign-in per role, the navigation each role
// sees, the language switch and sign-out, against the real server on an
// in-memory embedded database with the demo accounts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { errorMessage } from '../../src/platform/i18n/error-messages.js';
import { recordAudit } from '../../src/platform/audit/audit.js';
import { useBrowserSession } from './browser.js';

// What each role must see in the menu, written out here on purpose rather than
// read from web/src/app/navigation.ts, so a wrong edit there fails this test.
// HR's menu; the national administrator's is the same with the job queue added.
const HR_NAV = [
  'overview',
  'frameworks',
  'positions',
  'org',
  'people',
  'assessments',
  'needs',
  'training',
  'evaluation',
  'planning',
  'recruitment',
  'promotions',
  'accounts',
  'audit',
];
const EXPECTED_NAV: Record<string, string[]> = {
  admin: [...HR_NAV, 'jobs'],
  'hr.hanoi': HR_NAV,
  // Leaders and experts sit on recruitment panels; leaders also shortlist for promotion.
  'leader.hanoi': ['overview', 'frameworks', 'people', 'assessments', 'needs', 'training', 'planning', 'recruitment', 'promotions', 'me'],
  'canbo.hanoi': ['overview', 'frameworks', 'assessments', 'training', 'me'],
  expert: ['overview', 'frameworks', 'assessments', 'training', 'recruitment', 'me'],
  trainer: ['overview', 'training', 'evaluation'],
  // A candidate outside the civil service: their applications, nothing of the register.
  ungvien: ['overview', 'recruitment'],
};

// The web app is built by the global setup (test/e2e/global-setup.ts) and served by the server.
const session = useBrowserSession();
const newPage = (viewport = { width: 1280, height: 800 }) => session.newPage(viewport);
async function signIn(page: Page, username: string, password?: string): Promise<void> {
  await page.goto(`${session.server.url}/`);
  await session.signIn(page, username, password);
}

/** Visible and inside the window (a collapsed drawer is "visible" but slid off-screen). */
async function isOnScreen(page: Page, testId: string): Promise<boolean> {
  const locator = page.getByTestId(testId);
  if (!(await locator.isVisible())) return false;
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.right > 0 && box.left < window.innerWidth && box.bottom > 0 && box.top < window.innerHeight;
  });
}

async function visibleNavKeys(page: Page): Promise<string[]> {
  await page.getByTestId('nav-overview').waitFor({ state: 'visible' });
  return page
    .getByTestId('main-nav')
    .locator('[data-testid^="nav-"]')
    .filter({ visible: true })
    .evaluateAll((links) => links.map((link) => link.getAttribute('data-testid')!.slice('nav-'.length)));
}

describe('web shell', () => {
  for (const [username, expected] of Object.entries(EXPECTED_NAV)) {
    it(`shows ${username} exactly the modules of their role`, async () => {
      const page = await newPage();
      await signIn(page, username);
      expect(await visibleNavKeys(page)).toEqual(expected);
      await expect.poll(() => page.getByTestId('overview-greeting').textContent()).toContain('Xin chào');
      await page.close();
    }, 60_000);
  }

  it('shows the overview with role, agency and the to-do list; the database status only to the national administrator', async () => {
    const page = await newPage();
    await signIn(page, 'hr.hanoi');
    await page.getByTestId('overview-greeting').waitFor();
    expect(await page.getByTestId('overview-greeting').textContent()).toBe('Xin chào, Trần Thị Thu Hà');
    expect(await page.getByTestId('overview-role').textContent()).toBe('Phụ trách tổ chức cán bộ');
    expect(await page.getByTestId('overview-agency').textContent()).toBe('Ủy ban nhân dân thành phố Hà Nội');
    await page.getByTestId('overview-todo').waitFor();
    // Issue 18, item 9: database details are the national administrator's only (test/e2e/overview-journeys.e2e.test.ts).
    expect(await page.getByTestId('system-status').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    if (process.env.E2E_SCREENSHOT_DIR) {
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOT_DIR, 'nangluc-overview.png'), fullPage: true });
    }
    await page.close();
  }, 60_000);

  it('disables the button while signing in, then shows the server’s message for a wrong password', async () => {
    const page = await newPage();
    // Hold the answer back a little so the in-flight state can be seen.
    await page.route('**/api/auth/login', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await signIn(page, 'admin', 'not-the-password');
    expect(await page.getByTestId('sign-in-submit').isDisabled()).toBe(true);
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(errorMessage('invalid_credentials', 'vi'));
    expect(await page.getByTestId('sign-in-submit').isEnabled()).toBe(true);
    expect(await page.getByTestId('main-nav').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('switches the interface to English, remembers it, and gets server messages in English', async () => {
    const page = await newPage();
    await signIn(page, 'admin');
    await page.getByTestId('nav-overview').waitFor();
    expect(await page.getByTestId('nav-overview').textContent()).toBe('Tổng quan');

    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByTestId('nav-overview').textContent()).toBe('Overview');
    expect(await page.getByTestId('nav-audit').textContent()).toBe('Audit log');
    expect(await page.getByTestId('overview-greeting').textContent()).toBe('Hello, Phạm Quốc Hưng');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.getByTestId('nav-overview').waitFor();
    expect(await page.getByTestId('nav-overview').textContent()).toBe('Overview');

    // Signed out, the sign-in page is English too, and so is the server's error.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    expect(await page.getByTestId('sign-in-submit').textContent()).toBe('Sign in');
    await page.getByTestId('sign-in-username').fill('admin');
    await page.getByTestId('sign-in-password').fill('wrong-password');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toContain(errorMessage('invalid_credentials', 'en'));
    await page.close();
  }, 60_000);

  it('signs out back to the sign-in page, and stays signed out after a reload', async () => {
    const page = await newPage();
    await signIn(page, 'canbo.hanoi');
    await page.getByTestId('nav-training').click();
    // /training opens the civil servant's own training (the sessions part of issue 14).
    await page.getByTestId('my-enrolments').waitFor();
    await page.getByTestId('user-menu').click();
    expect(await page.getByTestId('user-menu-agency').textContent()).toBe('Sở Nội vụ thành phố Hà Nội');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.reload();
    await page.getByTestId('sign-in-form').waitFor();
    expect(await page.getByTestId('main-nav').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('lets an HR officer create an account that then signs in with its role', async () => {
    const page = await newPage();
    await signIn(page, 'hr.hanoi');
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-table').waitFor();
    await page.getByTestId('account-new').click();
    await page.getByTestId('account-username').fill('lanhdao.hoankiem');
    await page.getByTestId('account-display-name').fill('Đặng Thị Thu Hà');
    await page.getByTestId('account-role').click();
    await page.getByRole('option', { name: 'Lãnh đạo, quản lý' }).click();
    await page.getByTestId('account-agency').fill('hoan kiem');
    await page
      .getByRole('option', { name: /Hoàn Kiếm/ })
      .first()
      .click();
    await page.getByTestId('account-password').fill('MatKhau-Moi-2026');
    await page.getByTestId('account-save').click();
    await expect.poll(() => page.getByTestId('accounts-table').textContent()).toContain('lanhdao.hoankiem');
    expect(await page.getByTestId('accounts-table').textContent()).toContain('Đặng Thị Thu Hà');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    await session.signIn(page, 'lanhdao.hoankiem', 'MatKhau-Moi-2026');
    // A password HR set is a first password: the new leader chooses their own before anything else.
    await page.getByTestId('first-password-current').fill('MatKhau-Moi-2026');
    await page.getByTestId('first-password-new').fill('Mat-Khau-Cua-Toi-2026');
    await page.getByTestId('first-password-save').click();
    await page.getByTestId('nav-overview').waitFor();
    expect(await visibleNavKeys(page)).toEqual(EXPECTED_NAV['leader.hanoi']);
    await page.close();
  }, 60_000);

  it('answers unknown and unauthorised addresses with a friendly page', async () => {
    const page = await newPage();
    await signIn(page, 'trainer');
    await page.getByTestId('nav-overview').waitFor();
    await page.goto(`${session.server.url}/audit`);
    await page.getByTestId('page-forbidden').waitFor();
    await page.goto(`${session.server.url}/no/such/page`);
    await page.getByTestId('page-not-found').waitFor();
    await page.close();
  }, 60_000);

  it('shows the audit log to an HR officer with a before/after view of a change', async () => {
    // A change recorded the way every module records one, in the officer's own agency.
    const db = session.server.app.db;
    const agency = await db.selectFrom('agencies').select(['id', 'path']).where('code', '=', 'HN-HOANKIEM').executeTakeFirstOrThrow();
    const officer = await db
      .selectFrom('users')
      .select(['id as userId', 'display_name as displayName'])
      .where('username', '=', 'hr.hanoi')
      .executeTakeFirstOrThrow();
    await recordAudit(db, officer, {
      action: 'update',
      entity: 'agency',
      entityId: agency.id,
      agencyPath: agency.path,
      before: { name: 'Ủy ban nhân dân quận Hoàn Kiếm', kind: 'commune' },
      after: { name: 'Ủy ban nhân dân phường Hoàn Kiếm', kind: 'commune' },
    });

    const page = await newPage();
    await signIn(page, 'hr.hanoi');
    await page.getByTestId('nav-audit').click();
    const row = page.getByTestId('audit-table').locator('tbody tr', { hasText: agency.id });
    await row.waitFor();
    expect(await row.textContent()).toContain('Cập nhật');
    await row.getByTestId('audit-view').click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    expect(await diff.textContent()).toContain('Ủy ban nhân dân quận Hoàn Kiếm');
    expect(await diff.textContent()).toContain('Ủy ban nhân dân phường Hoàn Kiếm');
    // The unchanged field is folded away until asked for.
    expect(await diff.locator('tbody tr').count()).toBe(1);
    await page.close();
  }, 60_000);

  it('hides the menu behind a burger button on a phone', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await signIn(page, 'leader.hanoi');
    await page.getByTestId('navbar-toggle').waitFor();
    expect(await isOnScreen(page, 'nav-training')).toBe(false);
    await page.getByTestId('navbar-toggle').click();
    await expect.poll(() => isOnScreen(page, 'nav-training')).toBe(true);
    await page.getByTestId('nav-training').click();
    await page.getByTestId('training-tab-catalogue').waitFor();
    await expect.poll(() => isOnScreen(page, 'nav-training')).toBe(false);
    await page.close();
  }, 60_000);
});
