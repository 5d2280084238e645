import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { useFormat } from '../../format/useFormat';
import type { qualityMessages } from './quality.i18n';

export type QualityKey = Leaves<(typeof qualityMessages)['vi']>;

export const LEVELS = ['excellent', 'good', 'completed', 'not_completed'] as const;

/** `tq(key)` for the classification page's texts, and its number format (90,5). */
export function useQualityText() {
  const { t } = useTranslation();
  const tq = useCallback((key: QualityKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`quality.${key}`, options), [t]);
  // The shared formats (web/src/format): dd/mm/yyyy, a decimal comma in Vietnamese.
  const format = useFormat();
  const score = (n: number) => format.number(n, 1);
  return { tq, score, date: format.date };
}
