import type { ErrorCode } from './i18n/error-messages.js';

/**
 * The one error type of the application: a stable code, an HTTP status and
 * optional details; the message is looked up from the code in the caller's
 * language when the error is answered.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (details?: unknown) => new AppError('not_found', 404, details);
export const forbidden = (details?: unknown) => new AppError('forbidden', 403, details);
export const badRequest = (code: ErrorCode, details?: unknown) => new AppError(code, 400, details);
export const conflict = (code: ErrorCode, details?: unknown) => new AppError(code, 409, details);
