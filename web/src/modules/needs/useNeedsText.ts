import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import type { NeedsMessages } from './needs.i18n';

// Every dotted path to a text of the module's catalogue: `tn('table.unitt')` fails `tsc`
// just as a misspelt key of the shared catalogue does.
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type NeedsKey = Leaves<NeedsMessages>;
type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** `tn(key)` for the module's own texts, and `pick()` for the API's `{ vi, en }` names. */
export function useNeedsText() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const tn = useCallback((key: NeedsKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`needs.${key}`, options), [t]);
  const pick = useCallback((name: { vi: string; en: string } | null | undefined) => (name ? name[language] || name.vi : ''), [language]);
  return { tn, pick, language };
}
