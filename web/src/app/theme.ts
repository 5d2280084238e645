import { createTheme } from '@mantine/core';
import { accessibleColorVariables, FILLED_LUMINANCE_THRESHOLD } from './accessibleColors';

// Be Vietnam Pro was drawn for Vietnamese: stacked diacritics (ễ, ặ, ở) keep
// their spacing and weight, which generic system fonts often do not.
const fontFamily = '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const PRIMARY_SHADE = 8;

export const theme = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  primaryColor: 'blue',
  primaryShade: PRIMARY_SHADE,
  defaultRadius: 'md',
  // Vietnamese lines carry marks above and below; a little more leading keeps them apart.
  lineHeights: { md: '1.6' },
  // Filled green, orange or yellow under white text is below 4.5:1: such colours get dark text instead.
  autoContrast: true,
  luminanceThreshold: FILLED_LUMINANCE_THRESHOLD,
});

/** Given to MantineProvider beside the theme: readable coloured and dimmed text (accessibleColors.ts). */
export const cssVariablesResolver = accessibleColorVariables(PRIMARY_SHADE);
