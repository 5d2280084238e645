import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import { useFormat } from '../../format/useFormat';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { reactionMessages, registerReactionMessages } from './reaction.i18n';

registerReactionMessages(i18n);

export type ReactionKey = Leaves<(typeof reactionMessages)['vi']>;

/** `tr(key)` for the surveys' and tests' texts, a number format (4,25) and a date format. */
export function useReactionText() {
  const { t, i18n: current } = useTranslation();
  const tr = useCallback((key: ReactionKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`reaction.${key}`, options), [t]);
  // The shared formats (web/src/format): dd/mm/yyyy, a decimal comma in Vietnamese.
  const format = useFormat();
  const num = (n: number) => format.number(n, 2);
  const date = format.date;
  /** The English text where there is one. */
  const pick = (vi: string, en: string | null | undefined) => (current.language === 'en' && en ? en : vi);
  return { tr, num, date, pick };
}
