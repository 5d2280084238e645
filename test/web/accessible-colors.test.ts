import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { blend, contrastRatio, FILLED_LUMINANCE_THRESHOLD, lightTint, readableShade } from '../../web/src/app/accessibleColors.js';
import { luminance } from '@mantine/core';

/** Issue 18, item 12: coloured text, badges and filled buttons reach WCAG AA (4.5:1) in every palette. */
const palettes = Object.entries(DEFAULT_THEME.colors).filter(([name]) => name !== 'dark' && name !== 'gray');

describe('accessible colours', () => {
  it('computes the WCAG ratio: black on white is 21, a colour on itself 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1971c2', '#1971c2')).toBe(1);
    expect(blend('#000000', 0.5, '#ffffff')).toBe('#808080');
  });

  it('Mantine’s own light badge text is below 4.5:1, which is what was reported', () => {
    const blue = DEFAULT_THEME.colors.blue;
    expect(contrastRatio(blue[8], lightTint(blue, 8))).toBeLessThan(4.5);
  });

  for (const [name, shades] of palettes) {
    it(`${name}: text reads at 4.5:1 on its light tint, on white and on the page grey`, () => {
      const text = readableShade(shades, lightTint(shades, 8));
      for (const background of [lightTint(shades, 8), '#ffffff', DEFAULT_THEME.colors.gray[0]]) {
        expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`${name}: a filled button's text (white or dark by the luminance threshold) reads at 4.5:1`, () => {
      const fill = shades[8];
      const text = luminance(fill) > FILLED_LUMINANCE_THRESHOLD ? DEFAULT_THEME.black : DEFAULT_THEME.white;
      expect(contrastRatio(text, fill)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('the dimmed grey reads on white and on the page grey', () => {
    for (const background of ['#ffffff', DEFAULT_THEME.colors.gray[0]]) expect(contrastRatio(DEFAULT_THEME.colors.gray[7], background)).toBeGreaterThan(4.5);
  });
});
