import { describe, expect, it } from 'vitest';
import { isInternalAddress, packageUrl } from './case-fetch.js';

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
