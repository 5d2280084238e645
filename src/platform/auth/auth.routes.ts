import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { AppInstance } from '../http/types.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import { burnPasswordCheck, hashPassword, prepareBurnPasswordCheck, verifyPassword } from './passwords.js';
import { SESSION_COOKIE, createSession, deleteSession, findSessionActor } from './sessions.js';
import { recordAudit } from '../audit/audit.js';
import { noContent } from '../http/response-types.js';
import { ROLES } from './roles.js';
import { countLoginAttempt, refundLoginAttempt, type LoginLimits } from './login-limits.js';

const credentials = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

const publicUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  personId: z.string().nullable(),
  agency: z.object({ id: z.string(), name: z.string() }),
});
// mustChangePassword: the account still has the first password HR handed out; the web app asks for a new one first.
const signedIn = z.object({ user: publicUserSchema, csrfToken: z.string(), mustChangePassword: z.boolean() });

const mustChangePassword = async (app: AppInstance, userId: string) =>
  (await app.db.selectFrom('users').select('password_must_change').where('id', '=', userId).executeTakeFirst())?.password_must_change ?? false;

export interface AuthRoutesOptions {
  secureCookies: boolean;
  /** Failed sign-ins allowed per account and per client address, counted in the database. */
  loginLimits: LoginLimits;
}

export function publicUser(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    personId: actor.personId,
    agency: { id: actor.agencyId, name: actor.agencyName },
  };
}

export async function authRoutes(app: AppInstance, options: AuthRoutesOptions): Promise<void> {
  await prepareBurnPasswordCheck();
  const setSessionCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      expires,
    });

  app.post(
    '/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Sign in', body: credentials, response: { 200: signedIn } } },
    async (request, reply) => {
      const { username, password } = request.body;
      const keys = { account: username.toLowerCase(), address: request.ip };
      const attempt = await countLoginAttempt(app.db, options.loginLimits, keys);
      const user = await app.db
        .selectFrom('users as u')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .select(['u.id', 'u.password_hash', 'u.active', 'u.display_name', 'u.password_must_change', 'a.path'])
        .where('u.username', '=', keys.account)
        .executeTakeFirst();
      // Failed attempts go to the account's agency trail (its HR sees them);
      // an unknown name has no agency, so only national administrators see it.
      // The attempted password is never recorded.
      const recordFailure = (reason: 'locked' | 'unknown_account' | 'credentials_mismatch' | 'inactive_account') =>
        recordAudit(app.db, null, {
          action: 'sign_in_failed',
          entity: 'login',
          entityId: keys.account,
          agencyPath: user?.path ?? null,
          after: { address: keys.address, reason, ...(user ? { userId: user.id } : {}) },
        });
      if (attempt.locked) {
        // Refused before the password is looked at: the right password does not help until the window ends.
        // Only the attempt that sets off the lock is audited, so a flood of refused requests cannot flood the trail.
        if (attempt.justLocked) await recordFailure('locked');
        reply.header('retry-after', String(attempt.retryAfterSeconds));
        throw new AppError('too_many_requests', 429, { retryAfterSeconds: attempt.retryAfterSeconds });
      }
      // One password check on every path, so an unknown name answers as slowly as a wrong password.
      const matches = user ? await verifyPassword(user.password_hash, password) : (await burnPasswordCheck(password), false);
      if (!user || !matches || !user.active) {
        await recordFailure(!user ? 'unknown_account' : !matches ? 'credentials_mismatch' : 'inactive_account');
        throw new AppError('invalid_credentials', 401);
      }
      const session = await app.db.transaction().execute(async (trx) => {
        const created = await createSession(trx, user.id);
        await trx.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', user.id).execute();
        await refundLoginAttempt(trx, keys);
        await recordAudit(
          trx,
          { userId: user.id, displayName: user.display_name },
          {
            action: 'sign_in',
            entity: 'login',
            entityId: keys.account,
            agencyPath: user.path,
            after: { address: keys.address, userId: user.id },
          },
        );
        return created;
      });
      setSessionCookie(reply, session.token, session.expiresAt);
      const found = await findSessionActor(app.db, session.token);
      // Read with the account above: one round trip less on the way to the first page (issue 18: sign-in → overview).
      return { user: publicUser(found!.actor), csrfToken: session.csrfToken, mustChangePassword: user.password_must_change };
    },
  );

  app.get(
    '/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: signedIn } } },
    // An authenticated request always has its session's token.
    async (request) => ({
      user: publicUser(request.actor!),
      csrfToken: request.csrfToken!,
      mustChangePassword: await mustChangePassword(app, request.actor!.userId),
    }),
  );

  app.post(
    '/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: noContent } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.post(
    '/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change own password (ends other sessions)',
        body: passwordChange,
        response: { 200: z.object({ csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { currentPassword, newPassword } = request.body;
      const user = await app.db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, currentPassword))) throw new AppError('invalid_credentials', 401);
      const passwordHash = await hashPassword(newPassword);
      await app.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, password_must_change: false, updated_at: new Date() })
          .where('id', '=', actor.userId)
          .execute();
        await trx.deleteFrom('sessions').where('user_id', '=', actor.userId).execute();
        // The password hash never enters the audit trail.
        await recordAudit(trx, actor, { action: 'change_password', entity: 'user', entityId: actor.userId, agencyPath: actor.agencyPath });
      });
      const session = await createSession(app.db, actor.userId);
      setSessionCookie(reply, session.token, session.expiresAt);
      return { csrfToken: session.csrfToken };
    },
  );
}
