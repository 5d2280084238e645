import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { useFormat } from '../../format/useFormat';
import type { planningMessages } from './planning.i18n';

export type PlanningKey = Leaves<(typeof planningMessages)['vi']>;

/** `tp(key)` for the annual plan's texts, and its number formats. */
export function usePlanningText() {
  const { t } = useTranslation();
  const tp = useCallback((key: PlanningKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`planning.${key}`, options), [t]);
  // The shared formats (web/src/format): 1.234,5 and the one percent style, 12,5 %.
  const format = useFormat();
  const num = (n: number | null | undefined, digits = 2) => format.number(n, digits);
  const pct = (n: number | null | undefined) => format.percent(n, 2);
  const pctWhole = (n: number | null | undefined) => format.percent(n, 0);
  return { tp, num, pct, pctWhole };
}
