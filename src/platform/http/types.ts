import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, EngineName } from '../db/engine.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    engine: EngineName;
  }
}

/** The Fastify instance every module's routes are registered on (zod-typed). */
export type AppInstance = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
