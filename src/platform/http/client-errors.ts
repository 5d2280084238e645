import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, type ErrorCode } from '../i18n/error-messages.js';
import { pickLanguage } from '../i18n/language.js';
import { sendError } from './error-handler.js';

/**
 * Requests Fastify refuses before any route or error handler runs, answered in
 * the app's `{ error: { code, message } }` format and the caller's language
 * instead of Fastify's and Node's own bodies (issue 12, defect 5).
 */

/** Router refusals: a path param longer than maxParamLength (414), a malformed %-escape (400). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendError(request, reply, 'uri_too_long', 414);
  } else if (error.code === 'FST_ERR_BAD_URL') {
    void sendError(request, reply, 'bad_request', 400, { reason: 'malformed URL' });
  } else {
    request.log.error({ err: error }, 'router error');
    void sendError(request, reply, 'internal_error', 500);
  }
}

/** Node's HTTP parser failures, before there is a request: the answer is written on the socket. */
const CLIENT_ERRORS: Record<string, { code: ErrorCode; status: number }> = {
  HPE_HEADER_OVERFLOW: { code: 'headers_too_large', status: 431 },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'request_timeout', status: 408 },
};

export function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  // A reset connection has nobody left to answer (as Fastify's default handler).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { code, status } = (error.code && CLIENT_ERRORS[error.code]) || { code: 'bad_request' as const, status: 400 };
  // There is no parsed request: the language comes from the raw bytes received, when they hold it.
  const acceptLanguage = (Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString('latin1') : '').match(/\r\naccept-language:[ \t]*([^\r\n]*)/i)?.[1];
  const body = JSON.stringify({ error: { code, message: errorMessage(code, pickLanguage(acceptLanguage)) } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
