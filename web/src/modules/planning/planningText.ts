import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { intlLocale } from '../../i18n';
import type { planningMessages } from './planning.i18n';

export type PlanningKey = Leaves<(typeof planningMessages)['vi']>;

/** `tp(key)` for the annual plan's texts, and its number formats. */
export function usePlanningText() {
  const { t } = useTranslation();
  const tp = useCallback((key: PlanningKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`planning.${key}`, options), [t]);
  const num = (n: number | null | undefined, digits = 2) =>
    n === null || n === undefined ? '–' : new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: digits }).format(n);
  const pct = (n: number | null | undefined) =>
    n === null || n === undefined ? '–' : new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 2 }).format(n);
  return { tp, num, pct };
}
