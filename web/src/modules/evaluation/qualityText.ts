import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { intlLocale } from '../../i18n';
import type { qualityMessages } from './quality.i18n';

export type QualityKey = Leaves<(typeof qualityMessages)['vi']>;

export const LEVELS = ['excellent', 'good', 'completed', 'not_completed'] as const;

/** `tq(key)` for the classification page's texts, and its number format (90,5). */
export function useQualityText() {
  const { t } = useTranslation();
  const tq = useCallback((key: QualityKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`quality.${key}`, options), [t]);
  const score = (n: number) => new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(n);
  const date = (iso: string) => new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
  return { tq, score, date };
}
