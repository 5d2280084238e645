import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Response headers that limit what text users typed can do in other users'
 * browsers (issue 12, defect 3), set on every answer in one onSend hook
 * (@fastify/helmet is not a dependency; these few headers are tested in
 * test/platform/security-headers.test.ts).
 *
 * The web app's policy allows scripts only from our own origin: an injected
 * `<script>` or `onerror=` attribute does not run even if markup ever slips
 * through. Styles allow 'unsafe-inline' because Mantine writes its CSS
 * variables in a <style> element and ECharts' HTML tooltips carry style
 * attributes (with `style-src 'self'` Chromium refuses both, and Swagger UI's
 * inline styles: checked with test/e2e/hostile-text.e2e.test.ts); styles cannot run code. Images may be data: URLs (Mantine's and
 * Swagger UI's icons), fonts are ours.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers (JSON, spreadsheets) are data, never a document: nothing may load from them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * PDFs open in the browser's own viewer, which a `default-src`/`object-src`
 * restriction would block; they carry no script of ours, so only framing is refused.
 */
export const PDF_CSP = "frame-ancestors 'none'";

export interface SecurityHeaderOptions {
  /** Set when the app is served over HTTPS (secure cookies): browsers then keep to HTTPS. */
  hsts: boolean;
}

export function installSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (options.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    reply.header('content-security-policy', policyFor(request, reply));
    if (isPersonal(request)) reply.header('cache-control', 'no-store');
  });
}

function policyFor(request: FastifyRequest, reply: FastifyReply): string {
  const type = String(reply.getHeader('content-type') ?? '');
  if (type.startsWith('text/html')) return APP_CSP; // the web app's pages and Swagger UI at /api/docs
  if (type.startsWith('application/pdf')) return PDF_CSP;
  if (request.url.startsWith('/api/docs')) return APP_CSP; // Swagger UI's scripts and styles
  if (request.url.startsWith('/api/')) return API_CSP;
  return APP_CSP; // the web app's own files
}

/**
 * Answers of the API hold personal data (staff, results, gaps) unless the
 * route is public and read-only (health, the OpenAPI document, Swagger UI):
 * no browser or proxy may keep a copy, so a shared computer or a cache does
 * not hand one officer's data to the next user. Files (PDF, xlsx, csv) are API answers too.
 */
function isPersonal(request: FastifyRequest): boolean {
  if (!request.url.startsWith('/api/')) return false;
  if (request.url.startsWith('/api/docs')) return false;
  return !(request.routeOptions.config?.access === 'public' && (request.method === 'GET' || request.method === 'HEAD'));
}
