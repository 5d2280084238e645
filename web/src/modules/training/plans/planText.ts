import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../../i18n/moduleTexts';
import { currentLanguage, intlLocale } from '../../../i18n';
import type { plansMessages } from './plans.i18n';

export type PlansKey = Leaves<(typeof plansMessages)['vi']>;

/** `tp(key)` for the plan pages' texts, and the Vietnamese formats they use (dd/mm/yyyy, 1.500.000 ₫, 2,5). */
export function usePlansText() {
  const { t } = useTranslation();
  const tp = useCallback((key: PlansKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`trainingPlans.${key}`, options), [t]);
  const locale = intlLocale();
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const money = (dong: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(dong);
  const level = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  const name = (n: { nameVi: string; nameEn: string }) => (currentLanguage() === 'en' ? n.nameEn || n.nameVi : n.nameVi);
  return { tp, date, money, level, name };
}
