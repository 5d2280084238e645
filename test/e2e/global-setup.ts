import { execSync } from 'node:child_process';
import { pgliteServerTemplate, removeStalePgliteTemplates, templatesEnabled } from '../support/database-templates.js';

/**
 * The browser tests run against the built web app: build it when missing or
 * stale. And every file's server starts from one database, migrated with the
 * demo loaded once for the run (test/support/database-templates.ts).
 */
export default async function setup(): Promise<void> {
  execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
  if (!templatesEnabled()) return;
  removeStalePgliteTemplates();
  // On CI the run builds it for real; elsewhere one of the same code and day is reused.
  await pgliteServerTemplate({ rebuild: Boolean(process.env.CI) });
}
