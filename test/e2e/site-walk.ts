import type { Page } from 'playwright-core';

/**
 * The demo's roles, one account each, and recruitment's (issue 17): Đà Nẵng's HR officer runs the demo campaign,
 * the expert sits on its panel (its chair, leader.danang, sees the same pages: left out to keep the walk short),
 * and `ungvien` is a candidate from outside the register. Hà Nội's accounts see the same pages as Đà Nẵng's otherwise.
 */
export const DEMO_USERS = ['admin', 'hr.hanoi', 'leader.hanoi', 'canbo.hanoi', 'expert', 'trainer', 'hr.danang', 'ungvien'] as const;

/** What a page shows when something went wrong, by the test id of its status page. */
const FAILURE_PAGES = ['page-not-found', 'page-crash', 'page-forbidden'] as const;

/**
 * The route a link belongs to: ids and numbers replaced, query values dropped, so `/people/<uuid>` and
 * `/people/<another uuid>` are one pattern. The walk visits a few links of each pattern, not all 300 staff.
 */
export function linkPattern(href: string): string {
  const url = new URL(href, 'http://x');
  const path = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id').replace(/\/\d+(?=\/|$)/g, '/:n');
  const keys = [...new Set(url.searchParams.keys())].sort();
  return keys.length ? `${path}?${keys.join('&')}` : path;
}

/** Every link on the page that stays in the app (same origin, not a mail or phone link), as path + query. */
export async function internalLinks(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href));
  return [...new Set(hrefs.filter((href) => href.startsWith(origin)).map((href) => href.slice(origin.length) || '/'))].map((href) => href.split('#')[0]!);
}

/**
 * Waits until a page of the app has drawn itself: the network is quiet (its lazy chunk and its queries are
 * in), no loader spins in the main region, and the page shows its heading or a status page.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main');
      if (!main) return document.querySelector('h1') !== null;
      if (main.querySelector('.mantine-Loader-root')) return false;
      return main.querySelector('h1') !== null || main.querySelector('[data-testid^="page-"]') !== null;
    },
    null,
    { timeout: 15_000 },
  );
}

/** Console errors and uncaught exceptions of a page, gathered while it lives. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return errors;
}

/** What is wrong with the page shown now, or undefined when it is a real page. */
export async function pageProblem(page: Page): Promise<string | undefined> {
  return page.evaluate((failures) => {
    const main = document.querySelector('main');
    if (!main || main.innerText.trim() === '') return 'blank page';
    for (const id of failures) if (main.querySelector(`[data-testid="${id}"]`)) return id;
    const headings = document.querySelectorAll('h1').length;
    if (headings !== 1) return `${headings} h1 headings`;
    return undefined;
  }, FAILURE_PAGES);
}
