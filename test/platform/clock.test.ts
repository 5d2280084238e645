import { afterEach, describe, expect, it } from 'vitest';
import { dateInZone, now, setClock, setTimeZone, timeZone, today } from '../../src/platform/clock.js';

afterEach(() => {
  setClock(null);
  setTimeZone('Asia/Ho_Chi_Minh');
});

describe('clock', () => {
  it('answers the Hanoi date, not the UTC one, between 00:00 and 07:00 in Vietnam', () => {
    expect(timeZone()).toBe('Asia/Ho_Chi_Minh');
    setClock('2026-01-01T18:30:00Z'); // 01:30 on 2 January in Hà Nội
    expect(today()).toBe('2026-01-02');
    setClock('2026-01-01T16:59:59Z'); // 23:59:59 on 1 January in Hà Nội
    expect(today()).toBe('2026-01-01');
    setClock('2025-12-31T17:00:00Z'); // midnight of the new year in Hà Nội
    expect(today()).toBe('2026-01-01');
  });

  it('holds now() at the fixed instant and lets real time run again', () => {
    setClock(new Date('2026-03-04T05:06:07Z'));
    expect(now().toISOString()).toBe('2026-03-04T05:06:07.000Z');
    // A copy: a caller changing it does not move the clock.
    now().setUTCFullYear(2000);
    expect(now().toISOString()).toBe('2026-03-04T05:06:07.000Z');
    setClock(null);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('follows the configured zone and refuses an unknown one', () => {
    setClock('2026-01-01T18:30:00Z');
    setTimeZone('UTC');
    expect(today()).toBe('2026-01-01');
    setTimeZone('America/New_York');
    expect(today()).toBe('2026-01-01');
    expect(dateInZone(new Date('2026-01-02T04:59:00Z'))).toBe('2026-01-01');
    expect(() => setTimeZone('Mars/Olympus')).toThrow(RangeError);
    expect(timeZone()).toBe('America/New_York');
    expect(() => setClock('not a date')).toThrow(RangeError);
  });
});
