import {
  buildPgliteTemplates,
  buildPostgresTemplates,
  dropStalePostgresTemplates,
  pgliteTemplateFile,
  postgresTemplateName,
  removeStalePgliteTemplates,
  templatesEnabled,
  withAdminClient,
} from './database-templates.js';
import fs from 'node:fs';

/**
 * Builds the run's template databases before the test files start, so that
 * parallel files copy one instead of each building its own (see
 * database-templates.ts). On CI every run migrates for real: templates of the
 * same code are rebuilt, not reused.
 */
export default async function setup(): Promise<void> {
  if (!templatesEnabled()) return;
  const started = Date.now();
  const rebuild = Boolean(process.env.CI);
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    await dropStalePostgresTemplates(serverUrl);
    const exists = await withAdminClient(
      serverUrl,
      async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [postgresTemplateName('demo')])).rowCount === 1,
    );
    if (rebuild || !exists) await buildPostgresTemplates(serverUrl, { replace: true });
  } else {
    removeStalePgliteTemplates();
    if (rebuild || !fs.existsSync(pgliteTemplateFile('demo'))) await buildPgliteTemplates();
  }
  console.log(`Template databases ready (${serverUrl ? 'PostgreSQL' : 'PGlite'}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
