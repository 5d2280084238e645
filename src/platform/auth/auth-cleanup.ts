import type { Db } from '../db/engine.js';
import { deleteExpiredSessions } from './sessions.js';
import { pruneLoginAttempts } from './login-limits.js';

/** One clean-up pass (the queue runs it as `auth.clean-up`, auth.jobs.ts): expired sessions and login-attempt counters whose window has ended. */
export async function cleanUpAuthRecords(db: Db): Promise<{ sessions: number; loginAttempts: number }> {
  const sessions = await deleteExpiredSessions(db);
  const loginAttempts = await pruneLoginAttempts(db);
  return { sessions, loginAttempts };
}
