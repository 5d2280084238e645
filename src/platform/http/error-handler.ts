import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { errorMessage, type ErrorCode } from '../i18n/error-messages.js';
import { pickLanguage } from '../i18n/language.js';
import { isConnectionError } from '../db/connection-errors.js';
import { validationDetails } from './validation-details.js';

/** Fastify's own client errors, by their code, and what we answer. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ErrorCode; status: number }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', status: 415 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', status: 400 },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', status: 400 },
};

/** PostgreSQL constraint errors that reached us are the client's input, not our crash. */
const PG_CLIENT_ERRORS: Record<string, { code: ErrorCode; status: number }> = {
  '23505': { code: 'already_exists', status: 409 },
  '23503': { code: 'referenced_record', status: 409 },
  '23514': { code: 'invalid_value', status: 400 },
  '22P02': { code: 'invalid_value', status: 400 },
  '22007': { code: 'invalid_value', status: 400 },
  '22008': { code: 'invalid_value', status: 400 },
};

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, status: number, details?: unknown) {
  const message = errorMessage(code, pickLanguage(request.headers['accept-language']));
  return reply.code(status).send({ error: { code, message, details } });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { validation?: unknown }, request, reply) => {
    if (err instanceof AppError) return sendError(request, reply, err.code, err.status, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = validationDetails(err.validation, err.validationContext ?? 'body', pickLanguage(request.headers['accept-language']));
      return sendError(request, reply, 'validation_failed', 400, details);
    }
    // The database restarting or gone: not the client's fault and not a bug, and
    // over in a moment (the pool reconnects by itself).
    if (isConnectionError(err)) {
      request.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendError(request, reply, 'database_unavailable', 503);
    }
    const known = (err.code && FASTIFY_CLIENT_ERRORS[err.code]) || (err.code && PG_CLIENT_ERRORS[err.code]);
    if (known) {
      const details = err.code?.length === 5 ? { constraint: (err as { constraint?: string }).constraint } : undefined;
      return sendError(request, reply, known.code, known.status, details);
    }
    if (err.statusCode === 429) return sendError(request, reply, 'too_many_requests', 429);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(request, reply, 'bad_request', err.statusCode, { reason: err.message });
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, 'internal_error', 500);
  });
}
