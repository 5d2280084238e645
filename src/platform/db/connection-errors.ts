/**
 * Errors that say the database is unreachable rather than that a statement was
 * wrong: the server restarting or shutting down, a dropped socket, a refused
 * connection, the embedded engine's thread gone. The request cannot succeed
 * now but may in a moment, so the API answers 503 `database_unavailable`
 * instead of 500 (src/platform/http/error-handler.ts), and the pool replaces
 * the broken connection by itself once the database is back.
 */

/** SQLSTATEs of class 08 (connection exception) and 57P0x (operator intervention: shutdown, crash, not yet accepting). */
const SQLSTATE_CONNECTION = /^(08...|57P0[1-4])$/;

/** Socket errors of node's net layer while connecting to or talking with the database. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTCONN', 'EAI_AGAIN']);

/** node-postgres and pg-pool report a lost connection by message only. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Connection closed',
];

export function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; syscall?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'database_unavailable') return true;
  if (SQLSTATE_CONNECTION.test(code)) return true;
  if (SOCKET_CODES.has(code)) return true;
  // A Unix socket that is gone (the embedded engine's thread has stopped).
  if (code === 'ENOENT' && e.syscall === 'connect') return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (DRIVER_MESSAGES.some((m) => message.startsWith(m))) return true;
  // Connecting to "localhost" tries every address and reports them together.
  if (Array.isArray(e.errors)) return e.errors.length > 0 && e.errors.every(isConnectionError);
  return false;
}
