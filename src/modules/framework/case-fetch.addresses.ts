import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Which addresses a CASE import may connect to, and the DNS lookup that
 * enforces it at the moment of connecting. Checking a name first and letting
 * the HTTP client resolve it again leaves a gap (DNS rebinding: a public
 * answer for the check, 127.0.0.1 for the connection), so the name is resolved
 * once per connection, inside the socket's own lookup, every answer is
 * checked, and the socket connects to the checked answer.
 */
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

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** A name's addresses; the system resolver in production, a stub in tests (a rebinding DNS server is a stub that changes its answer). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;
export const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Raised inside the socket's lookup; the fetch turns it into framework_url_refused. */
export class RefusedAddressError extends Error {
  constructor(readonly hostname: string) {
    super(`${hostname} resolves to an internal address`);
    this.name = 'RefusedAddressError';
  }
}

/**
 * net.connect's `lookup` option: one resolution per connection, refused if any
 * answer is internal (an attacker's name may mix a public and a private one),
 * and only checked answers handed to the socket.
 */
export function guardedLookup(resolve: Resolve, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((answers) => {
        if (answers.length === 0 || (!allowPrivate && answers.some((a) => isInternalAddress(a.address)))) throw new RefusedAddressError(hostname);
        const wanted = options.family === 4 || options.family === 6 ? answers.filter((a) => a.family === options.family) : answers;
        if (wanted.length === 0) throw new RefusedAddressError(hostname);
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, '', 0));
  };
}
