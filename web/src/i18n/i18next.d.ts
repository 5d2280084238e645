import 'i18next';
import type vi from './vi.json';

// Typed keys: `t('nav.overveiw')` is a compile error, so a missing or
// misspelt key is caught by `tsc`, not by a user seeing a raw key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
