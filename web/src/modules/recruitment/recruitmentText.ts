import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { intlLocale } from '../../i18n';
import type { recruitmentMessages } from './recruitment.i18n';

export type RecruitmentKey = Leaves<(typeof recruitmentMessages)['vi']>;

/** `tr(key)` for recruitment's texts, and its date format. */
export function useRecruitmentText() {
  const { t } = useTranslation();
  const tr = useCallback((key: RecruitmentKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`recruitment.${key}`, options), [t]);
  const when = (value: string | null | undefined) =>
    value ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(value)) : '–';
  return { tr, when };
}
