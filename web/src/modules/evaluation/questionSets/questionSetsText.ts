import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../../i18n';
import type { Leaves, LooseT } from '../../../i18n/moduleTexts';
import { questionSetsMessages, registerQuestionSetsMessages } from './questionSets.i18n';

registerQuestionSetsMessages(i18n);

export type QuestionSetsKey = Leaves<(typeof questionSetsMessages)['vi']>;

/** `tq(key)` for the question-set editor's texts; `pick` the English text where there is one. */
export function useQuestionSetsText() {
  const { t, i18n: current } = useTranslation();
  const tq = useCallback((key: QuestionSetsKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`questionSets.${key}`, options), [t]);
  const pick = (vi: string, en: string | null | undefined) => (current.language === 'en' && en ? en : vi);
  return { tq, pick };
}
