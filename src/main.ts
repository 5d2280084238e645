import { ConfigError, readConfig, type AppConfig } from './platform/config.js';
import { AppError } from './platform/errors.js';
import { errorMessage } from './platform/i18n/error-messages.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/accounts/accounts.demo.js';
import { startServer } from './server.js';
import { setTimeZone } from './platform/clock.js';

let config: AppConfig;
try {
  config = readConfig();
} catch (err) {
  // A wrong setting is the operator's to fix: say which, without a stack trace.
  if (!(err instanceof ConfigError)) throw err;
  console.error(`\nNangLuc cannot start. ${err.message}`);
  process.exit(1);
}
// Every date rule asks the one clock for "today" in the deployment's zone.
setTimeZone(config.timeZone);

try {
  const server = await startServer({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    host: config.host,
    port: config.port,
    seedDemo: config.seedDemo,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    loginLimits: config.loginLimits,
    logger: { level: config.logLevel },
  });
  const where = server.engine === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
  console.log(`\nNangLuc is running at ${server.url}  (${where}, schema ${server.migration})`);
  console.log(`API documentation: ${server.url}/api/docs`);
  if (config.seedDemo) {
    console.log(`\nDemo accounts (password ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.username.padEnd(14)} ${account.role.padEnd(15)} ${account.displayName}`);
  }
  const shutdown = async () => {
    await server.close();
    process.exit(0);
  };
  // A signal listener's promise is dropped by Node: say so (shutdown ends the process either way).
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
} catch (err) {
  if (err instanceof AppError && err.code === 'data_dir_locked') {
    const { ownerPid, dataDir } = err.details as { ownerPid?: number; dataDir: string };
    console.error(`\n${errorMessage('data_dir_locked', 'vi')} (${dataDir}, pid ${ownerPid ?? '?'})`);
    console.error(`${errorMessage('data_dir_locked', 'en')} Stop that process, or set DATA_DIR to another directory.`);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
}
