import createClient from 'openapi-fetch';
import i18n, { currentLanguage } from '../i18n';
import type { paths } from './schema.gen';

/**
 * An error answered by the API (`{ error: { code, message, details } }`), or a
 * failure to reach it. `message` is already in the user's language: the server
 * localises it from the Accept-Language header we send, and client-side
 * failures are localised here.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// The CSRF token comes in the body of the login and "me" responses; the
// session cookie itself is httpOnly, so the token is what proves a request
// was made by this page.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called when an API call answers 401: the session ended on the server. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' && error.message ? error.message : i18n.t('errors.unexpected', { status });
    return new ApiError(error.code, message, status, error.details);
  }
  return new ApiError('unexpected_response', i18n.t('errors.unexpected', { status }), status);
}

/**
 * The API, typed from the server's OpenAPI document (schema.gen.ts, written by
 * `npm run api:types`): a path, its parameters, its body and its answer are
 * what the server declares, so the web app cannot drift from it. Wrap a call
 * in `call()` to get its data or an ApiError.
 */
export const client = createClient<paths>({ credentials: 'same-origin' });

client.use({
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json');
    request.headers.set('Accept-Language', currentLanguage());
    if (STATE_CHANGING.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a typed call (`call(client.GET('/api/jobs/'))`), or an ApiError in the user's language. */
export async function call<T>(pending: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    if (error instanceof SyntaxError) throw new ApiError('unexpected_response', i18n.t('errors.unexpected', { status: 200 }), 200);
    throw new ApiError('network_error', i18n.t('errors.network'), 0);
  }
  const { response } = answer;
  if (!response.ok) {
    if (response.status === 401 && !new URL(response.url, window.location.href).pathname.startsWith('/api/auth/')) {
      unauthorizedListeners.forEach((listener) => listener());
    }
    throw toApiError(response.status, answer.error);
  }
  return answer.data as T;
}

/** Builds `path?a=1&b=2`, leaving out undefined and empty values. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The options of a typed call whose route takes a file as the raw request body
 * (xlsx, csv, json): the server reads application/octet-stream bytes and
 * declares no JSON body, so the generated type has no body to check.
 */
export function fileBody(file: Blob) {
  return {
    body: new Blob([file], { type: 'application/octet-stream' }) as never,
    bodySerializer: (blob: unknown) => blob as Blob,
    headers: { 'Content-Type': 'application/octet-stream' },
  };
}
