import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../platform/errors.js';

/**
 * Fetching a CASE package from another system's CASE service, for import.
 * The address is the user's, so the server must not become a way to reach
 * what only it can reach (SSRF): only http(s), no redirects, and no host that
 * resolves to a loopback, private, link-local or otherwise internal address,
 * unless CASE_IMPORT_ALLOW_PRIVATE_HOSTS=true (the tests read the app's own
 * service on 127.0.0.1; an intranet deployment may need it too). Node's own
 * BlockList holds the ranges: no library needed.
 */
export const MAX_FETCH_BYTES = 25 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
// No ::ffff:0:0/96 here: BlockList matches IPv4 addresses against it (every one); mapped addresses are unwrapped below.
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1]!, 'ipv4');
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const allowPrivate = () => process.env['CASE_IMPORT_ALLOW_PRIVATE_HOSTS'] === 'true';

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

export async function fetchCasePackage(raw: string): Promise<Buffer> {
  const url = packageUrl(raw);
  if (!allowPrivate()) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
    if (addresses.length === 0 || addresses.some(isInternalAddress)) throw new AppError('framework_url_refused', 422, { url: url.href });
  }
  const failed = (reason: string) => new AppError('framework_url_unreachable', 502, { url: url.href, reason });
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (err) {
    throw failed((err as Error).message);
  }
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel();
    throw failed(`HTTP ${response.status}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch((err: Error) => {
      throw failed(err.message);
    });
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FETCH_BYTES) {
      await reader.cancel();
      throw failed(`larger than ${MAX_FETCH_BYTES} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
