import { describe, expect, it } from 'vitest';
import { placeAndDateLine, viDate, viDecimal, viInteger, viPercent } from './vietnamese-document.js';

describe('Vietnamese report formats', () => {
  it('writes the place and date line with the leading zeros of Decree 30/2020', () => {
    expect(placeAndDateLine('Hà Nội', '2026-12-02')).toBe('Hà Nội, ngày 02 tháng 12 năm 2026');
    expect(placeAndDateLine('Đà Nẵng', '2026-02-15')).toBe('Đà Nẵng, ngày 15 tháng 02 năm 2026');
    expect(placeAndDateLine('Huế', '2026-03-09')).toBe('Huế, ngày 09 tháng 3 năm 2026');
  });

  it('uses "." for thousands and "," for decimals', () => {
    expect(viInteger(3011)).toBe('3.011');
    expect(viDecimal(0.833)).toBe('0,83');
    expect(viPercent(0.255)).toBe('25,5 %');
    expect(viDate('2026-01-31')).toBe('31/01/2026');
  });
});
