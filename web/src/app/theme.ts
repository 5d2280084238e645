import { createTheme } from '@mantine/core';

// Be Vietnam Pro was drawn for Vietnamese: stacked diacritics (ễ, ặ, ở) keep
// their spacing and weight, which generic system fonts often do not.
const fontFamily = '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'md',
  // Vietnamese lines carry marks above and below; a little more leading keeps them apart.
  lineHeights: { md: '1.6' },
});
