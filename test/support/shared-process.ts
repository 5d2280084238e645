import { afterAll } from 'vitest';
import { DEFAULT_TIME_ZONE, setClock, setTimeZone } from '../../src/platform/clock.js';

/**
 * Test files share one process (vitest.config.ts: `isolate: false`, which saves importing the whole app again for
 * each of some two hundred files). What a file may change in the process is put back when it ends, so the next
 * file starts as it would in a process of its own: the clock a test held, the deployment's time zone, and the
 * environment variables it set (SMTP_URL, CREDENTIAL_*, TZ, …).
 */
const environment = { ...process.env };

afterAll(() => {
  setClock(null);
  for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
  for (const [name, value] of Object.entries(environment)) if (process.env[name] !== value) process.env[name] = value;
  setTimeZone(environment['TIME_ZONE'] || DEFAULT_TIME_ZONE);
});
