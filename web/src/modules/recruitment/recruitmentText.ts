import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { formatDateTime } from '../../format/format';
import type { recruitmentMessages } from './recruitment.i18n';

export type RecruitmentKey = Leaves<(typeof recruitmentMessages)['vi']>;

/** `tr(key)` for recruitment's texts, and its date format. */
export function useRecruitmentText() {
  const { t } = useTranslation();
  const tr = useCallback((key: RecruitmentKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`recruitment.${key}`, options), [t]);
  // dd/mm/yyyy hh:mm in both languages (vi-VN's short style wrote "14:08 3/12/26").
  const when = (value: string | null | undefined) => (value ? formatDateTime(value) : '–');
  return { tr, when };
}
