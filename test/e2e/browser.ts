import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server.js';

/** Debian's Chromium, headless, with the flags this sandboxed machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A real server on a free port: in-memory embedded database with the demo loaded. */
export function startTestServer(): Promise<RunningServer> {
  return startServer({ port: 0, seedDemo: true });
}
