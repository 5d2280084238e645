import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { AppInstance } from '../http/types.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import { SESSION_COOKIE, createSession, deleteSession, findSessionActor } from './sessions.js';
import { recordAudit } from '../audit/audit.js';

const credentials = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

export interface AuthRoutesOptions {
  secureCookies: boolean;
  /** Sign-in attempts allowed per client address and username per window. */
  loginAttemptsPerMinute: number;
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
    {
      config: {
        access: 'public',
        rateLimit: {
          max: options.loginAttemptsPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => {
            const body = request.body as { username?: string } | undefined;
            return `${request.ip}|${String(body?.username ?? '').toLowerCase()}`;
          },
        },
      },
      schema: { tags: ['auth'], summary: 'Sign in', body: credentials },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await app.db
        .selectFrom('users as u')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .select(['u.id', 'u.password_hash', 'u.active'])
        .where('u.username', '=', username.toLowerCase())
        .executeTakeFirst();
      if (!user) {
        await burnPasswordCheck(password);
        throw new AppError('invalid_credentials', 401);
      }
      if (!(await verifyPassword(user.password_hash, password)) || !user.active) {
        throw new AppError('invalid_credentials', 401);
      }
      const session = await createSession(app.db, user.id);
      await app.db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', user.id).execute();
      setSessionCookie(reply, session.token, session.expiresAt);
      const found = await findSessionActor(app.db, session.token);
      return { user: publicUser(found!.actor), csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'The signed-in user' } },
    async (request) => ({ user: publicUser(request.actor!), csrfToken: request.csrfToken }),
  );

  app.post(
    '/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Sign out' } },
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
      schema: { tags: ['auth'], summary: 'Change own password (ends other sessions)', body: passwordChange },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { currentPassword, newPassword } = request.body;
      const user = await app.db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, currentPassword))) throw new AppError('invalid_credentials', 401);
      const passwordHash = await hashPassword(newPassword);
      await app.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', actor.userId).execute();
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
