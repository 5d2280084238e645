import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatNumber, formatPercent } from '../../web/src/format/format';
import * as server from '../../src/platform/text/formats.js';

describe('web formats', () => {
  it('writes 3.011 and 25,5 % in Vietnamese, 3,011 and 25.5% in English', () => {
    expect(formatCount(3011, 'vi')).toBe('3.011');
    expect(formatCount(3011, 'en')).toBe('3,011');
    expect(formatPercent(0.255, 'vi')).toBe('25,5\u00a0%');
    expect(formatPercent(0.255, 'en')).toBe('25.5%');
    expect(formatNumber(2.345, 'vi')).toBe('2,35');
    expect(formatNumber(2.5, 'en', 2, true)).toBe('2.50');
  });

  it('writes calendar dates dd/mm/yyyy without shifting the day', () => {
    expect(formatDate('2026-12-02')).toBe('02/12/2026');
    expect(formatDate(new Date(2026, 11, 2, 23, 30))).toBe('02/12/2026');
    expect(formatDateTime(new Date(2026, 11, 2, 9, 5))).toBe('02/12/2026 09:05');
    expect(formatDate(null)).toBe('—');
  });

  it('agrees with the server, so a page and its export read the same', () => {
    for (const language of ['vi', 'en'] as const) {
      for (const n of [0, 7, 3011, 1234567.891]) {
        expect(formatCount(n, language)).toBe(server.formatCount(n, language));
        expect(formatNumber(n, language)).toBe(server.formatNumber(n, language));
      }
      for (const share of [0, 0.255, 0.5, 1]) expect(formatPercent(share, language)).toBe(server.formatPercent(share, language));
    }
    expect(formatDate('2026-12-02')).toBe(server.formatDate('2026-12-02', 'vi'));
  });
});
