import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { AppError } from '../../platform/errors.js';
import { guardedLookup, isInternalAddress, RefusedAddressError, systemResolve, type Resolve } from './case-fetch.addresses.js';

/**
 * Fetching a CASE package from another system's CASE service, for import.
 * The address is the user's, so the server must not become a way to reach
 * what only it can reach (SSRF): only http(s), no redirects (a redirect could
 * name any host), and no connection to a loopback, private, link-local or
 * otherwise internal address, unless CASE_IMPORT_ALLOW_PRIVATE_HOSTS=true (the
 * tests read the app's own service on 127.0.0.1; an intranet deployment may
 * need it too). The check sits in the socket's DNS lookup (case-fetch.addresses.ts),
 * so the address checked is the address connected to.
 */
export const MAX_FETCH_BYTES = 25 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

const allowPrivateByDefault = () => process.env['CASE_IMPORT_ALLOW_PRIVATE_HOSTS'] === 'true';

/** A CFDocuments address names the same framework as its CFPackages one: the package is what is imported. */
export function packageUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('framework_url_refused', 422, { url: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('framework_url_refused', 422, { url: raw });
  url.pathname = url.pathname.replace(/\/CFDocuments\/([^/]+)\/?$/, '/CFPackages/$1');
  return url;
}

export interface FetchOptions {
  /** Tests inject a stub resolver (a DNS server that changes its answer). */
  resolve?: Resolve;
  allowPrivate?: boolean;
  timeoutMs?: number;
}

export async function fetchCasePackage(raw: string, options: FetchOptions = {}): Promise<Buffer> {
  const url = packageUrl(raw);
  const allowPrivate = options.allowPrivate ?? allowPrivateByDefault();
  const refused = () => new AppError('framework_url_refused', 422, { url: url.href });
  const failed = (reason: string) => new AppError('framework_url_unreachable', 502, { url: url.href, reason });
  // A literal address is never looked up by the socket: it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !allowPrivate && isInternalAddress(host)) throw refused();
  const signal = AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS);
  let response: IncomingMessage;
  try {
    response = await get(url, guardedLookup(options.resolve ?? systemResolve, allowPrivate), signal);
  } catch (err) {
    if (err instanceof RefusedAddressError) throw refused();
    throw failed((err as Error).message);
  }
  if (response.statusCode !== 200) {
    response.resume();
    const redirect = response.statusCode && response.statusCode >= 300 && response.statusCode < 400;
    throw failed(redirect ? `HTTP ${response.statusCode}: redirects are not followed` : `HTTP ${response.statusCode}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > MAX_FETCH_BYTES) {
        response.destroy();
        throw failed(`larger than ${MAX_FETCH_BYTES} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw failed((err as Error).message);
  }
  return Buffer.concat(chunks);
}

/** One GET on a fresh socket (no shared agent: no connection made under another lookup is reused). */
function get(url: URL, lookup: ReturnType<typeof guardedLookup>, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, { method: 'GET', headers: { accept: 'application/json' }, lookup, agent: false, signal }, resolve);
    request.on('error', reject);
    request.end();
  });
}
