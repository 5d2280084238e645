// Issue 18, items 1 and 12: every link of every page each demo role can reach works, and every page passes
// axe-core without critical or serious violations. The walk starts at the role's navigation and follows
// each internal link (a few of each route pattern: the demo has hundreds of staff pages of one kind).
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser.js';
import { DEMO_USERS, internalLinks, linkPattern, pageProblem, settle, watchErrors } from './site-walk.js';

const session = useBrowserSession();
/** Links of one route pattern visited per role: every kind of page once (the API tests cover its variants). */
const PER_PATTERN = 1;
/** Pages per role, a guard against a walk that never ends (a link that makes new links). */
const MAX_PAGES = 120;

interface AxeFinding {
  user: string;
  path: string;
  rule: string;
  impact: string;
  nodes: string[];
}

const findings: AxeFinding[] = [];
let axePages = 0;

/**
 * Rows of a long table repeat the first rows' markup: axe checks the first ten of each table body (every kind of
 * cell, badge and button there) and skips the rest, which on the staff and position lists was most of its time.
 * Only violations are gathered in full (axe's `resultTypes`); passes would be summarised anyway.
 */
const REPEATED_ROWS = 'tbody > tr:nth-child(n+11)';

async function axe(user: string, path: string, page: Parameters<typeof settle>[0]): Promise<void> {
  const result = await new AxeBuilder({ page })
    .exclude(REPEATED_ROWS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  axePages += 1;
  for (const v of result.violations) {
    findings.push({ user, path, rule: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) });
  }
}

describe('every page each role reaches', () => {
  for (const user of DEMO_USERS) {
    it(`${user}: every link leads to a real page, and every page passes axe`, async () => {
      const page = await session.newPage({ width: 1280, height: 900 });
      const errors = watchErrors(page);
      const origin = session.server.url;
      await page.goto(`${origin}/`);
      await session.signIn(page, user);
      await page.getByTestId('nav-overview').waitFor();
      const navLinks = await page
        .getByTestId('main-nav')
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      const queue: Array<{ path: string; from: string }> = navLinks.map((path) => ({ path, from: 'navigation' }));
      const seen = new Set<string>(navLinks);
      const perPattern = new Map<string, number>();
      const axed = new Set<string>();
      const problems: string[] = [];
      let visited = 0;
      let downloads = 0;

      while (queue.length && visited < MAX_PAGES) {
        const { path, from } = queue.shift()!;
        const pattern = linkPattern(path);
        const count = perPattern.get(pattern) ?? 0;
        if (count >= PER_PATTERN) continue;
        perPattern.set(pattern, count + 1);
        // Files and the API documentation are fetched, not drawn: they must answer, with the session's cookie.
        if (path.startsWith('/api/')) {
          const answer = await page.request.get(`${origin}${path}`);
          if (answer.status() >= 400) problems.push(`${path} (linked from ${from}) answered ${answer.status()}`);
          downloads += 1;
          continue;
        }
        const before = errors.length;
        await page.goto(`${origin}${path}`);
        await settle(page).catch(() => problems.push(`${path} (linked from ${from}) never finished loading`));
        visited += 1;
        const problem = await pageProblem(page);
        if (problem) problems.push(`${path} (linked from ${from}): ${problem}`);
        for (const error of errors.slice(before)) problems.push(`${path}: ${error}`);
        if (!axed.has(pattern)) {
          axed.add(pattern);
          await axe(user, path, page);
        }
        for (const link of await internalLinks(page, origin)) {
          if (seen.has(link)) continue;
          seen.add(link);
          queue.push({ path: link, from: path });
        }
      }
      console.log(`${user}: ${visited} pages and ${downloads} files visited, ${axed.size} page kinds checked with axe, ${seen.size} links seen`);
      expect(problems).toEqual([]);
      const blocking = findings.filter((f) => f.user === user && (f.impact === 'critical' || f.impact === 'serious'));
      const moderate = findings.filter((f) => f.user === user && !blocking.includes(f));
      if (moderate.length)
        console.log(
          `${user}: moderate or minor axe findings:\n` + moderate.map((f) => `  ${f.impact} ${f.rule} on ${f.path}: ${f.nodes.join(', ')}`).join('\n'),
        );
      expect(blocking.map((f) => `${f.impact} ${f.rule} on ${f.path}: ${f.nodes.join(', ')}`)).toEqual([]);
      await page.close();
    }, 600_000);
  }

  it('reports the axe totals', () => {
    const by = (impact: string) => findings.filter((f) => f.impact === impact).length;
    console.log(`axe: ${axePages} pages, ${by('critical')} critical, ${by('serious')} serious, ${by('moderate')} moderate, ${by('minor')} minor`);
  });
});
