import { alpha, darken, DEFAULT_THEME, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * Text and small graphics must reach 4.5:1 against their background (WCAG 2.1 AA, 1.4.3). Mantine's
 * defaults do not for coloured text: a blue "light" badge measured 4.39:1 (issue 18, item 12), green and
 * orange text on white under 3.5:1. Here each palette gets the lightest of its own shades (then shade 9
 * darkened step by step) that clears the target on the palette's light tint over the page's grey, the
 * darkest place such text sits. The target keeps a margin over 4.5 for anti-aliased small text.
 */
const TEXT_CONTRAST = 4.6;

/** WCAG contrast ratio of two colours (hex or rgb). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `foreground` at `opacity` laid over `background` (both #rrggbb): what the eye gets from a tint. */
export function blend(foreground: string, opacity: number, background: string): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const mixed = [0, 1, 2].map((i) => Math.round(channel(foreground, i) * opacity + channel(background, i) * (1 - opacity)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The lightest text colour of the palette that reads on `background` at TEXT_CONTRAST. */
export function readableShade(shades: MantineColorsTuple, background: string): string {
  for (const shade of shades.slice(6)) if (contrastRatio(shade, background) >= TEXT_CONTRAST) return shade;
  for (let step = 1; step <= 20; step++) {
    const darker = darken(shades[9], step * 0.05);
    if (contrastRatio(darker, background) >= TEXT_CONTRAST) return darker;
  }
  return '#000000';
}

/** Where coloured text sits at its worst: the palette's light tint (Mantine's 10 % of the primary shade) over gray.0. */
export function lightTint(shades: MantineColorsTuple, primaryShade: number): string {
  return blend(shades[primaryShade]!, 0.1, DEFAULT_THEME.colors.gray[0]);
}

/** Filled buttons and badges switch to dark text once their colour is lighter than this (white then fails 4.5:1). */
export const FILLED_LUMINANCE_THRESHOLD = 0.18;

/**
 * Mantine's CSS variables with readable text colours: `-text` (Text c="green"), `-light-color` (light badges,
 * buttons, avatars, nav links), `-outline` (outline badges: border and text), and the dimmed grey.
 */
export function accessibleColorVariables(primaryShade: number): CSSVariablesResolver {
  return (theme) => {
    const light: Record<string, string> = { '--mantine-color-dimmed': theme.colors.gray[7] };
    for (const [name, shades] of Object.entries(theme.colors)) {
      if (name === 'dark' || name === 'gray') continue;
      const text = readableShade(shades, lightTint(shades, primaryShade));
      light[`--mantine-color-${name}-text`] = text;
      light[`--mantine-color-${name}-light-color`] = text;
      light[`--mantine-color-${name}-outline`] = text;
      light[`--mantine-color-${name}-outline-hover`] = alpha(text, 0.05);
    }
    return { variables: {}, light, dark: {} };
  };
}
