import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { pgliteServerTemplate, templatesEnabled } from '../support/database-templates.js';

/** Debian's Chromium, headless, with the flags this sandboxed machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A real server on a free port: in-memory embedded database with the demo loaded (a copy of the run's template). */
export async function startTestServer(): Promise<RunningServer> {
  return startServer({ port: 0, seedDemo: true, loadDataDir: templatesEnabled() ? await pgliteServerTemplate() : undefined });
}

export interface BrowserSession {
  /** The running server (available inside tests and hooks, after start). */
  readonly server: RunningServer;
  /** A page in a fresh browser context (own cookies), closed after the file. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Fill and submit the sign-in form on `page` (already at a page of the app). */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** A new page at `path`, signed in; waits for `waitFor` (a test id) when given. */
  signedIn(username: string, options?: { path?: string; viewport?: { width: number; height: number }; waitFor?: string }): Promise<Page>;
}

/**
 * One server and one browser for a test file, started before its tests and
 * closed after them, with helpers every browser test needs.
 */
export function useBrowserSession(options: { afterStart?: (server: RunningServer) => Promise<void> } = {}): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    await options.afterStart?.(server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.close();
  });
  const session: BrowserSession = {
    get server() {
      if (!server) throw new Error('the test server is not started yet');
      return server;
    },
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await browser!.newContext({ viewport, locale: 'vi-VN' });
      contexts.push(context);
      return context.newPage();
    },
    async signIn(page, username, password = DEMO_PASSWORD) {
      await page.getByTestId('sign-in-username').fill(username);
      await page.getByTestId('sign-in-password').fill(password);
      await page.getByTestId('sign-in-submit').click();
    },
    async signedIn(username, { path = '/', viewport, waitFor } = {}) {
      const page = await session.newPage(viewport);
      await page.goto(`${session.server.url}${path}`);
      await session.signIn(page, username);
      if (waitFor) await page.getByTestId(waitFor).first().waitFor();
      return page;
    },
  };
  return session;
}
