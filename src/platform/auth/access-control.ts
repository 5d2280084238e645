import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/engine.js';
import { AppError } from '../errors.js';
import type { Access } from './actor.js';
import { SESSION_COOKIE, findSessionActor } from './sessions.js';

/** Every route with its declaration, for the test that calls each one as the wrong user. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes added by libraries (the OpenAPI browser) and the web app's own files. */
const UNDECLARED_ALLOWED = [/^\/api\/docs(\/|$)/, /^\/(?!api\/)/];

/**
 * Authentication, authorisation by declared access, and CSRF protection, as
 * hooks on the root instance so they cover every route.
 */
export function installAccessControl(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);

  // Every route declares who may call it; a forgotten declaration is a start-up error, not an open door.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access && !UNDECLARED_ALLOWED.some((re) => re.test(route.url))) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    }
    if (access) for (const method of [route.method].flat()) declared.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findSessionActor(db, token);
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
      }
    }
  });

  // preValidation: after the body is parsed (so a malformed body is a 400 either
  // way) but before any handler sees it.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    checkAccess(request, access);
    if (access !== 'public' && !SAFE_METHODS.has(request.method)) checkCsrf(request);
  });
}

function checkAccess(request: FastifyRequest, access: Access): void {
  if (access === 'public') return;
  if (!request.actor) throw new AppError('unauthenticated', 401);
  if (access === 'authenticated') return;
  if (!access.roles.includes(request.actor.role)) throw new AppError('forbidden', 403);
}

/**
 * Synchroniser token: the session's secret must come back in a header, which
 * another site's page cannot read or set. (The cookie is also SameSite=Lax.)
 */
function checkCsrf(request: FastifyRequest): void {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent !== request.csrfToken) {
    throw new AppError('csrf_invalid', 403);
  }
}
