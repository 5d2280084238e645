import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { fetchCasePackage, packageUrl } from './case-fetch.js';
import { guardedLookup, isInternalAddress, RefusedAddressError, type Resolve, type ResolvedAddress } from './case-fetch.addresses.js';

describe('which addresses a CASE import may fetch', () => {
  it('refuses loopback, private, link-local, carrier-grade NAT, multicast and IPv4-mapped internal addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.8',
      '172.20.1.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'not-an-ip',
    ]) {
      expect(isInternalAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '203.113.131.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
      expect(isInternalAddress(address), address).toBe(false);
    }
  });

  it('reads a CFDocuments address as its CFPackages one, and accepts only http(s)', () => {
    expect(packageUrl('https://case.example.org/ims/case/v1p1/CFDocuments/abc').href).toBe('https://case.example.org/ims/case/v1p1/CFPackages/abc');
    expect(packageUrl('https://case.example.org/ims/case/v1p1/CFPackages/abc').pathname).toBe('/ims/case/v1p1/CFPackages/abc');
    for (const bad of ['file:///etc/passwd', 'ftp://x.example/a', 'gopher://x', 'nonsense']) expect(() => packageUrl(bad), bad).toThrow();
  });
});

/**
 * DNS rebinding: a name that answers a public address when it is checked and
 * 127.0.0.1 when the client connects. The stub resolver plays that DNS server;
 * a real HTTP server on 127.0.0.1 counts what reaches it.
 */
describe('a CASE import cannot be rebound to an internal address', () => {
  let server: Server;
  let port = 0;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"secret":true}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  /** Public (TEST-NET-2, never routed) on the first question, loopback on every later one. */
  const rebinding = () => {
    const asked: string[] = [];
    const resolve: Resolve = async (hostname) => {
      asked.push(hostname);
      return asked.length === 1 ? [{ address: '198.51.100.7', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
    };
    return { resolve, asked };
  };
  const lookupOnce = (lookup: ReturnType<typeof guardedLookup>, all: boolean) =>
    new Promise<ResolvedAddress[]>((done, fail) =>
      lookup('case.rebind.test', { all }, (err, address, family) => {
        if (err) fail(err);
        else done(Array.isArray(address) ? address : [{ address, family: family! }]);
      }),
    );

  it('refuses the second, internal answer of a name that answered a public address first', async () => {
    const dns = rebinding();
    const lookup = guardedLookup(dns.resolve, false);
    expect(await lookupOnce(lookup, true)).toEqual([{ address: '198.51.100.7', family: 4 }]);
    await expect(lookupOnce(lookup, false)).rejects.toBeInstanceOf(RefusedAddressError);
    expect(dns.asked).toEqual(['case.rebind.test', 'case.rebind.test']);
  });

  it('resolves once and connects to the checked address: the loopback server is never reached', async () => {
    const dns = rebinding();
    const before = hits;
    const err = await fetchCasePackage(`http://case.rebind.test:${port}/ims/case/v1p1/CFPackages/x`, {
      resolve: dns.resolve,
      allowPrivate: false,
      timeoutMs: 400,
    }).catch((e: unknown) => e);
    // The public answer is not routable here, so the fetch fails to connect; it never asks again and never reaches 127.0.0.1.
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('framework_url_unreachable');
    expect(dns.asked).toHaveLength(1);
    expect(hits).toBe(before);
  });

  it('refuses a name whose answers include an internal address, even beside a public one, without connecting', async () => {
    const before = hits;
    for (const answers of [
      [{ address: '127.0.0.1', family: 4 }],
      [
        { address: '8.8.8.8', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
      [],
    ]) {
      const err = await fetchCasePackage(`http://case.rebind.test:${port}/x`, { resolve: async () => answers, allowPrivate: false }).catch((e: unknown) => e);
      expect((err as AppError).code, JSON.stringify(answers)).toBe('framework_url_refused');
    }
    expect(hits).toBe(before);
  });

  it('connects to the address the resolver gave (the setting allows 127.0.0.1), and follows no redirect', async () => {
    const body = await fetchCasePackage(`http://case.rebind.test:${port}/x`, {
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      allowPrivate: true,
    });
    expect(JSON.parse(body.toString())).toEqual({ secret: true });
    const redirecting = createServer((_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/x` }).end());
    await new Promise<void>((done) => redirecting.listen(0, '127.0.0.1', done));
    try {
      const before = hits;
      const other = (redirecting.address() as AddressInfo).port;
      const err = await fetchCasePackage(`http://case.rebind.test:${other}/x`, {
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
        allowPrivate: true,
      }).catch((e: unknown) => e);
      expect((err as AppError).code).toBe('framework_url_unreachable');
      expect(hits).toBe(before);
    } finally {
      await new Promise<void>((done) => redirecting.close(() => done()));
    }
  });
});
