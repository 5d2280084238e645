import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatNumber, formatPercent, placeAndDate, shortPlaceName } from './formats.js';

describe('formats for what the server produces', () => {
  it('writes counts with "." for thousands in Vietnamese and "," in English', () => {
    expect(formatCount(3011, 'vi')).toBe('3.011');
    expect(formatCount(1_234_567, 'vi')).toBe('1.234.567');
    expect(formatCount(3011, 'en')).toBe('3,011');
    expect(formatCount(null, 'vi')).toBe('—');
  });

  it('writes decimals with "," in Vietnamese and "." in English', () => {
    expect(formatNumber(2.5, 'vi')).toBe('2,5');
    expect(formatNumber(2.5, 'en')).toBe('2.5');
    expect(formatNumber(2.5, 'vi', 2, true)).toBe('2,50');
    expect(formatNumber(1234.567, 'vi')).toBe('1.234,57');
  });

  it('has one percent style: 25,5 % and 25.5%', () => {
    expect(formatPercent(0.255, 'vi')).toBe('25,5\u00a0%');
    expect(formatPercent(0.255, 'en')).toBe('25.5%');
    expect(formatPercent(1, 'vi')).toBe('100\u00a0%');
    expect(formatPercent(undefined, 'en')).toBe('—');
  });

  it('writes dates dd/mm/yyyy in both languages, calendar dates without a time-zone shift', () => {
    expect(formatDate('2026-12-02', 'vi')).toBe('02/12/2026');
    expect(formatDate('2026-12-02', 'en')).toBe('02/12/2026');
    // 20:00 UTC on 1 December is already 2 December in Hà Nội.
    expect(formatDate(new Date('2026-12-01T20:00:00Z'), 'vi')).toBe('02/12/2026');
    expect(formatDateTime('2026-12-01T20:05:00Z', 'vi')).toBe('02/12/2026 03:05');
    expect(formatDate(null)).toBe('—');
  });

  it('closes a report with its place and date as the decree writes them', () => {
    expect(placeAndDate('Hà Nội', '2026-12-02', 'vi')).toBe('Hà Nội, ngày 02 tháng 12 năm 2026');
    expect(placeAndDate('Đà Nẵng', '2026-03-05', 'vi')).toBe('Đà Nẵng, ngày 05 tháng 3 năm 2026');
    expect(placeAndDate('Hà Nội', '2026-02-15', 'vi')).toBe('Hà Nội, ngày 15 tháng 02 năm 2026');
    expect(placeAndDate('Hà Nội', '2026-12-02', 'en')).toBe('Hà Nội, 2 December 2026');
    expect(placeAndDate(null, '2026-12-02', 'vi')).toBe('Ngày 02 tháng 12 năm 2026');
    expect(shortPlaceName('Thành phố Hà Nội')).toBe('Hà Nội');
    expect(shortPlaceName('Tỉnh Quảng Ninh')).toBe('Quảng Ninh');
  });
});
