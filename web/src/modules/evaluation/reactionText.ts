import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import i18n, { intlLocale } from '../../i18n';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { reactionMessages, registerReactionMessages } from './reaction.i18n';

registerReactionMessages(i18n);

export type ReactionKey = Leaves<(typeof reactionMessages)['vi']>;

/** `tr(key)` for the surveys' and tests' texts, a number format (4,25) and a date format. */
export function useReactionText() {
  const { t, i18n: current } = useTranslation();
  const tr = useCallback((key: ReactionKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`reaction.${key}`, options), [t]);
  const num = (n: number) => new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 2 }).format(n);
  const date = (iso: string) => new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
  /** The English text where there is one. */
  const pick = (vi: string, en: string | null | undefined) => (current.language === 'en' && en ? en : vi);
  return { tr, num, date, pick };
}
