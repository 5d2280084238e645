import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import type { recruitmentAssessmentMessages } from './assessment.i18n';

export type RecruitmentAssessmentKey = Leaves<(typeof recruitmentAssessmentMessages)['vi']>;

/** `tr(key)` for the campaign assessment pages' texts. */
export function useRecruitmentAssessmentText() {
  const { t, i18n } = useTranslation();
  const tr = useCallback(
    (key: RecruitmentAssessmentKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`recruitmentAssessment.${key}`, options),
    [t],
  );
  return { tr, en: i18n.language === 'en' };
}
