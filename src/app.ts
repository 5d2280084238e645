import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, EngineName } from './platform/db/engine.js';
import type { AppInstance } from './platform/http/types.js';
import { installAccessControl } from './platform/auth/access-control.js';
import { installErrorHandler, sendError } from './platform/http/error-handler.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installCompression } from './platform/http/compression.js';
import { installWebApp, REVALIDATE } from './platform/http/web-app.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { clientErrorHandler, frameworkErrors } from './platform/http/client-errors.js';
import { installInputTextCheck } from './platform/http/input-text.js';
import { installResponseContract } from './platform/http/response-contract.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { moduleRoutes, todoSources } from './modules/registry.js';
import { overviewRoutes } from './platform/overview/overview.routes.js';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './platform/auth/login-limits.js';

export interface BuildAppOptions {
  db: Db;
  engine: EngineName;
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  /** Shorthand kept for tests: failed sign-ins allowed per client address per minute (replaces loginLimits.address). */
  loginAttemptsPerMinute?: number;
  /** Failed sign-ins allowed per account and per client address (DEFAULT_LOGIN_LIMITS). */
  loginLimits?: LoginLimits;
  /** Reverse proxies in front (true: one); see AppConfig.trustProxy. */
  trustProxy?: boolean | number;
  /** Built web app to serve; omitted when it has not been built (API only). */
  webRoot?: string;
}

/** Trust exactly that many proxies nearest to us (true: one), so request.ip is the address the farthest of them saw. */
function trustedHops(trustProxy: boolean | number | undefined): false | ((address: string, hop: number) => boolean) {
  const hops = trustProxy === true ? 1 : trustProxy || 0;
  return hops > 0 ? (_address, hop) => hop < hops : false;
}

export const defaultWebRoot = fileURLToPath(new URL('../dist/web', import.meta.url));

export async function buildApp(options: BuildAppOptions): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Only behind a known reverse proxy may X-Forwarded-For name the client (rate limits key on it).
    // A hop count, never "trust all": then the client's own leftmost X-Forwarded-For entry would be request.ip.
    trustProxy: trustedHops(options.trustProxy),
    // Refusals before routing (long param, bad %-escape, oversized headers) in the app's error format.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', options.db);
  app.decorate('engine', options.engine);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  // Before any plugin registers its routes, so Swagger UI's answers carry the headers too.
  installSecurityHeaders(app, { hsts: options.secureCookies ?? false });

  // Before every route and before the static files, so its hook compresses them all.
  await installCompression(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'NangLuc API', version: '0.1.0', description: 'Competency-based training for the civil service' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nl_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Tags collapsed at first: fully expanded, 170 operations render slowly and only in part.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'none' } });
  installAccessControl(app, options.db);
  installInputTextCheck(app);
  installResponseContract(app);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, {
    prefix: '/api/auth',
    secureCookies: options.secureCookies ?? false,
    loginLimits: {
      ...(options.loginLimits ?? DEFAULT_LOGIN_LIMITS),
      ...(options.loginAttemptsPerMinute === undefined ? {} : { address: { max: options.loginAttemptsPerMinute, windowMs: 60_000 } }),
    },
  });
  await app.register(overviewRoutes, { prefix: '/api/overview', todoSources });
  // Every module's routes, from the one list of module descriptors.
  for (const { prefix, plugin } of moduleRoutes) await app.register(plugin, { prefix });

  const hasWeb = await installWebApp(app, options.webRoot);
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any non-API GET gets its page.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').header('cache-control', REVALIDATE).sendFile('index.html');
    }
    return sendError(request, reply, 'route_not_found', 404);
  });
  return app;
}
