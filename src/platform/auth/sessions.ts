import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/engine.js';
import type { Actor } from './actor.js';

export const SESSION_COOKIE = 'nl_session';
/** A working day: sessions end at night even if the browser stays open. */
export const SESSION_TTL_MS = 10 * 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Db, userId: string): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db
    .insertInto('sessions')
    .values({ id: digest(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findSessionActor(db: Db, token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      's.csrf_token',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.person_id as personId',
      'a.id as agencyId',
      'a.name as agencyName',
      'a.path as agencyPath',
    ])
    .where('s.id', '=', digest(token))
    .where('s.expires_at', '>', new Date())
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  const { csrf_token, ...actor } = row;
  return { actor, csrfToken: csrf_token };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

/** Delete sessions past their end (they already answer 401); returns how many. */
export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
