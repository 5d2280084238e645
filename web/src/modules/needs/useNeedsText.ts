import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import type { Language } from '../../i18n';
import type { NeedsMessages } from './needs.i18n';

export type NeedsKey = Leaves<NeedsMessages>;

/** `tn(key)` for the module's own texts, and `pick()` for the API's `{ vi, en }` names. */
export function useNeedsText() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const tn = useCallback((key: NeedsKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`needs.${key}`, options), [t]);
  const pick = useCallback((name: { vi: string; en: string } | null | undefined) => (name ? name[language] || name.vi : ''), [language]);
  return { tn, pick, language };
}
