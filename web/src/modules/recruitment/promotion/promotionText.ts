import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Leaves, LooseT } from '../../../i18n/moduleTexts';
import type { promotionMessages } from './promotion.i18n';
import type { Round, RuleCheck } from './promotionApi';

export type PromotionKey = Leaves<(typeof promotionMessages)['vi']>;

/** `tr(key)` for the promotion rounds' texts, and each rule's outcome as a sentence with its evidence. */
export function usePromotionText() {
  const { t } = useTranslation();
  const tr = useCallback((key: PromotionKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`promotion.${key}`, options), [t]);
  const describe = useCallback(
    (check: RuleCheck, profile: Round['profile']) => {
      const code = (id: string) => profile.find((p) => p.competencyId === id)?.code ?? id;
      switch (check.rule) {
        case 'not_holder':
        case 'assessed':
          return tr(`check.${check.rule}`);
        case 'quality':
          return tr('check.quality', {
            min: tr(`levels.${check.minLevel}`),
            years: check.years.map((y) => `${y.year}: ${y.level ? tr(`levels.${y.level}`) : tr('noClassification')}`).join('; '),
          });
        case 'training_hours':
          return tr('check.training_hours', { hours: check.hours, min: check.minHours, since: check.since });
        case 'training_courses':
          return (
            tr('check.training_courses', { required: check.required.join(', ') }) +
            (check.missing.length ? ` — ${tr('check.training_missing', { missing: check.missing.join(', ') })}` : '')
          );
        case 'min_fit':
          return tr('check.min_fit', { fit: check.fit ?? '–', min: check.minFit });
        case 'digital_level':
          return (
            tr('check.digital_level', { min: check.minLevel }) +
            (check.below.length
              ? ` — ${tr('check.digital_below', { below: check.below.map((b) => `${code(b.competencyId)} ${b.assessedLevel ?? '–'}`).join(', ') })}`
              : '')
          );
      }
    },
    [tr],
  );
  return { tr, describe };
}
