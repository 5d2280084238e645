import type { Db } from '../db/engine.js';
import { deleteExpiredSessions } from './sessions.js';
import { pruneLoginAttempts } from './login-limits.js';

/** How often the running server deletes expired sessions and ended sign-in counters. */
export const AUTH_CLEANUP_INTERVAL_MS = 15 * 60_000;

/** One clean-up pass: expired sessions and login-attempt counters whose window has ended. */
export async function cleanUpAuthRecords(db: Db): Promise<{ sessions: number; loginAttempts: number }> {
  const sessions = await deleteExpiredSessions(db);
  const loginAttempts = await pruneLoginAttempts(db);
  return { sessions, loginAttempts };
}

/**
 * Run the clean-up now and then on a timer that does not keep the process
 * alive. The server no longer uses it (the queue runs auth.jobs.ts every quarter
 * of an hour); it stays for a process without a queue. Returns the stop function.
 */
export function scheduleAuthCleanup(db: Db, onError: (err: unknown) => void, intervalMs = AUTH_CLEANUP_INTERVAL_MS): () => void {
  const run = () => void cleanUpAuthRecords(db).catch(onError);
  run();
  const timer = setInterval(run, intervalMs).unref();
  return () => clearInterval(timer);
}
