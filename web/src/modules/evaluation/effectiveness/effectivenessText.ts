import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../../i18n/moduleTexts';
import { intlLocale } from '../../../i18n';
import type { effectivenessMessages } from './effectiveness.i18n';

export type EffectivenessKey = Leaves<(typeof effectivenessMessages)['vi']>;

/** `te(key)` for the effectiveness pages, and a signed level format (+0,45). */
export function useEffectivenessText() {
  const { t, i18n } = useTranslation();
  const te = useCallback((key: EffectivenessKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`effectiveness.${key}`, options), [t]);
  const levels = useCallback(
    (n: number | null | undefined, signed = true) =>
      n === null || n === undefined
        ? '—'
        : new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: signed ? 'exceptZero' : 'auto' }).format(n),
    [],
  );
  return { te, levels, language: i18n.language };
}
