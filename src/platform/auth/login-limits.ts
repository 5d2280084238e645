import { sql } from 'kysely';
import type { Db } from '../db/engine.js';

/** At most `max` failed sign-ins in a fixed window of `windowMs`. */
export interface LoginLimit {
  max: number;
  windowMs: number;
}

/**
 * Two counters for every attempt: the account (from any address), so a botnet
 * spreading guesses for one username over many addresses is stopped, and the
 * client address (for any account), so one machine spraying a common password
 * over many usernames is stopped. Counting only the pair would allow both.
 */
export interface LoginLimits {
  account: LoginLimit;
  address: LoginLimit;
}

const FIFTEEN_MINUTES = 15 * 60_000;
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  account: { max: 10, windowMs: FIFTEEN_MINUTES },
  // Higher than the account limit: a whole office behind one NAT address mistypes too.
  address: { max: 30, windowMs: FIFTEEN_MINUTES },
};

export interface AttemptKeys {
  /** Lower-cased username as typed: unknown names get counters too, so a lock does not reveal which accounts exist. */
  account: string;
  address: string;
}

export interface CountedAttempt {
  locked: boolean;
  /** This attempt is the one that went over a limit (the first refused in its window). */
  justLocked: boolean;
  /** Seconds until every exceeded window has ended (0 when not locked). */
  retryAfterSeconds: number;
}

/**
 * Count an attempt against both counters before the password is checked, in
 * one atomic statement: concurrent guesses cannot all slip through a check
 * made before any of them is recorded. A successful sign-in gives its own
 * attempt back (refundLoginAttempt), so in effect only failures count; it
 * never resets a counter, or an attacker holding one valid account could
 * interleave sign-ins to it with guesses at other accounts from one address.
 */
export async function countLoginAttempt(db: Db, limits: LoginLimits, keys: AttemptKeys): Promise<CountedAttempt> {
  const windowEnd = (limit: LoginLimit) => sql`now() + ${limit.windowMs}::float8 * interval '1 millisecond'`;
  const { rows } = await sql<{ kind: 'account' | 'address'; count: number; seconds_left: number }>`
    INSERT INTO login_attempts AS la (kind, key, count, window_end)
    VALUES ('account', ${keys.account}, 1, ${windowEnd(limits.account)}),
           ('address', ${keys.address}, 1, ${windowEnd(limits.address)})
    ON CONFLICT (kind, key) DO UPDATE SET
      count = CASE WHEN la.window_end <= now() THEN 1 ELSE la.count + 1 END,
      window_end = CASE WHEN la.window_end <= now() THEN excluded.window_end ELSE la.window_end END
    RETURNING la.kind, la.count, ceil(extract(epoch FROM la.window_end - now()))::int AS seconds_left`.execute(db);
  let retryAfterSeconds = 0;
  let justLocked = false;
  for (const row of rows) {
    if (row.count <= limits[row.kind].max) continue;
    retryAfterSeconds = Math.max(retryAfterSeconds, Math.max(1, Number(row.seconds_left)));
    if (row.count === limits[row.kind].max + 1) justLocked = true;
  }
  return { locked: retryAfterSeconds > 0, justLocked, retryAfterSeconds };
}

/** Give back the attempt of a sign-in that succeeded (see countLoginAttempt). */
export async function refundLoginAttempt(db: Db, keys: AttemptKeys): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where((eb) =>
      eb.or([eb.and([eb('kind', '=', 'account'), eb('key', '=', keys.account)]), eb.and([eb('kind', '=', 'address'), eb('key', '=', keys.address)])]),
    )
    .where('count', '>', 0)
    .execute();
}

/** Delete the counters whose window has ended: they no longer limit anything. */
export async function pruneLoginAttempts(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('login_attempts')
    .where('window_end', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
