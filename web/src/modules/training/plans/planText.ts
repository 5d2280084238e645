import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../../i18n/moduleTexts';
import { currentLanguage } from '../../../i18n';
import { useFormat } from '../../../format/useFormat';
import type { plansMessages } from './plans.i18n';

export type PlansKey = Leaves<(typeof plansMessages)['vi']>;

/** `tp(key)` for the plan pages' texts, and the Vietnamese formats they use (dd/mm/yyyy, 1.500.000 ₫, 2,5). */
export function usePlansText() {
  const { t } = useTranslation();
  const tp = useCallback((key: PlansKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`trainingPlans.${key}`, options), [t]);
  const format = useFormat();
  const date = format.date;
  const money = format.dong;
  const level = (n: number) => format.number(n, 2);
  const name = (n: { nameVi: string; nameEn: string }) => (currentLanguage() === 'en' ? n.nameEn || n.nameVi : n.nameVi);
  return { tp, date, money, level, name };
}
