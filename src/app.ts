import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, EngineName } from './platform/db/engine.js';
import type { AppInstance } from './platform/http/types.js';
import { installAccessControl } from './platform/auth/access-control.js';
import { installErrorHandler, sendError } from './platform/http/error-handler.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { clientErrorHandler, frameworkErrors } from './platform/http/client-errors.js';
import { installInputTextCheck } from './platform/http/input-text.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { frameworkRoutes } from './modules/framework/framework.routes.js';
import { positionsRoutes } from './modules/positions/positions.routes.js';
import { assessmentRoutes } from './modules/assessment/assessment.routes.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { needsRoutes } from './modules/needs/needs.routes.js';

export interface BuildAppOptions {
  db: Db;
  engine: EngineName;
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  loginAttemptsPerMinute?: number;
  trustProxy?: boolean;
  /** Built web app to serve; omitted when it has not been built (API only). */
  webRoot?: string;
}

/** Module route plugins and where they live in the API. A new module adds one line. */
const moduleRoutes: Array<[prefix: string, plugin: (app: AppInstance) => Promise<void>]> = [
  ['/api/audit', auditRoutes],
  ['/api/people', peopleRoutes],
  ['/api/assessments', assessmentRoutes],
  ['/api/org', orgRoutes],
  ['/api/frameworks', frameworkRoutes],
  ['/api/positions', positionsRoutes],
  ['/api/needs', needsRoutes],
  ['/api/accounts', accountsRoutes],
];

export const defaultWebRoot = fileURLToPath(new URL('../dist/web', import.meta.url));

export async function buildApp(options: BuildAppOptions): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Only behind a known reverse proxy may X-Forwarded-For name the client (rate limits key on it).
    trustProxy: options.trustProxy ?? false,
    // Refusals before routing (long param, bad %-escape, oversized headers) in the app's error format.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', options.db);
  app.decorate('engine', options.engine);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'NangLuc API', version: '0.1.0', description: 'Competency-based training for the civil service' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nl_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAccessControl(app, options.db);
  installInputTextCheck(app);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, {
    prefix: '/api/auth',
    secureCookies: options.secureCookies ?? false,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
  });
  for (const [prefix, plugin] of moduleRoutes) await app.register(plugin, { prefix });

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any non-API GET gets its page.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(request, reply, 'route_not_found', 404);
  });
  return app;
}
