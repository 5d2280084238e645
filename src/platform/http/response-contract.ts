import type { FastifyInstance } from 'fastify';
import { errorBody } from './response-types.js';

/**
 * Every route declares what it answers, as it declares who may call it: a
 * route without a success response schema is a start-up error. Each route's
 * error answers share one schema (`default`), so the OpenAPI document, and the
 * web types generated from it, say what every status carries; and an answer
 * with a status the route did not declare fails the serializer instead of
 * reaching a client that was never told about it.
 */
// The API, and the standard-path interchange services beside it (CASE 1.1 at /ims/case/...).
const CONTRACT_PREFIXES = ['/api/', '/ims/'];

export function installResponseContract(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    if (!CONTRACT_PREFIXES.some((prefix) => route.url.startsWith(prefix)) || schema?.hide || route.method === 'HEAD') return;
    const response = schema?.response;
    if (!response || !Object.keys(response).some((status) => /^2(\d\d|xx)$/.test(status))) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare schema.response for its success`);
    }
    response.default ??= errorBody;
  });
}
