// Issue 18, item 11: every main page of each role fits a 390 px wide phone (no horizontal scrolling of the
// page itself; wide tables scroll inside their own box), and the personal pages' charts are readable there.
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser.js';
import { DEMO_USERS, internalLinks, linkPattern, settle } from './site-walk.js';

const session = useBrowserSession();
const PHONE = { width: 390, height: 844 };

describe('phone layout at 390 × 844', () => {
  for (const user of DEMO_USERS) {
    it(`${user}: no page is wider than the phone`, async () => {
      const page = await session.signedIn(user, { viewport: PHONE, waitFor: 'overview-greeting' });
      const origin = session.server.url;
      // The role's menu, and one page of each kind linked from those pages (a cycle, a person, a report).
      const menu = await page
        .getByTestId('main-nav')
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      const paths = [...menu];
      const patterns = new Set(paths.map(linkPattern));
      const tooWide: string[] = [];
      for (let i = 0; i < paths.length; i++) {
        const path = paths[i]!;
        await page.goto(`${origin}${path}`);
        await settle(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) {
          const culprit = await page.evaluate((limit) => {
            const wide = Array.from(document.querySelectorAll<HTMLElement>('main *')).filter((e) => e.getBoundingClientRect().right > limit + 1);
            const outermost = wide.filter((e) => !wide.includes(e.parentElement!));
            return outermost.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')}`.slice(0, 80));
          }, PHONE.width);
          tooWide.push(`${path}: ${width} px (${culprit.join(', ')})`);
        }
        if (i >= menu.length) continue;
        for (const link of await internalLinks(page, origin)) {
          if (link.startsWith('/api/') || patterns.has(linkPattern(link))) continue;
          patterns.add(linkPattern(link));
          paths.push(link);
        }
      }
      console.log(`${user}: ${paths.length} pages measured at ${PHONE.width} px`);
      expect(tooWide).toEqual([]);
      await page.close();
    }, 300_000);
  }
});
