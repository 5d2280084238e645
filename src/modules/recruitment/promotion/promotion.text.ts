/**
 * The words of a standing in the printed decision and the shortlist workbook (the web app has its own in
 * web/src/i18n): each rule's outcome as a sentence with its evidence, in Vietnamese or English.
 */
import type { Language } from '../../../platform/i18n/language.js';
import type { QualityLevel } from '../../evaluation/quality-classification.js';
import type { RuleCheck } from './eligibility.js';
import type { RankCriterion } from './ranking.js';

export const QUALITY_LABELS: Record<QualityLevel, Record<Language, string>> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'good' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'completed' },
  not_completed: { vi: 'Không hoàn thành nhiệm vụ', en: 'not completed' },
};

export const CRITERION_LABELS: Record<RankCriterion, Record<Language, string>> = {
  fit: { vi: 'mức phù hợp', en: 'fit' },
  digital_fit: { vi: 'mức phù hợp năng lực số', en: 'digital fit' },
  quality: { vi: 'xếp loại chất lượng', en: 'quality classification' },
  training_hours: { vi: 'số giờ bồi dưỡng', en: 'training hours' },
};

const yes = (passed: boolean, language: Language) => (passed ? (language === 'vi' ? 'Đạt' : 'Met') : language === 'vi' ? 'Không đạt' : 'Not met');

/** One rule's outcome as a sentence; `code` names a competency by its code. */
export function describeCheck(check: RuleCheck, language: Language, code: (competencyId: string) => string): string {
  const vi = language === 'vi';
  const head = `${yes(check.passed, language)}: `;
  switch (check.rule) {
    case 'not_holder':
      return head + (vi ? (check.passed ? 'chưa giữ vị trí này' : 'đang giữ vị trí này') : check.passed ? 'does not hold the post' : 'already holds the post');
    case 'assessed':
      return (
        head +
        (vi
          ? check.passed
            ? 'đã có kết quả đánh giá năng lực'
            : 'chưa có kết quả đánh giá năng lực đầy đủ'
          : check.passed
            ? 'assessed'
            : 'no full assessment')
      );
    case 'quality':
      return (
        head +
        (vi ? `xếp loại từ “${QUALITY_LABELS[check.minLevel].vi}” trở lên: ` : `classified ${QUALITY_LABELS[check.minLevel].en} or better: `) +
        check.years
          .map(
            (y) =>
              `${y.year} ${y.level ? QUALITY_LABELS[y.level][language] : vi ? 'chưa xếp loại' : 'none'}${y.passed ? '' : vi ? ' (không đạt)' : ' (not met)'}`,
          )
          .join('; ')
      );
    case 'training_hours':
      return (
        head +
        (vi ? `${check.hours}/${check.minHours} giờ bồi dưỡng từ ${check.since}` : `${check.hours} of ${check.minHours} training hours since ${check.since}`)
      );
    case 'training_courses':
      return (
        head +
        (vi ? `khóa bắt buộc ${check.required.join(', ')}` : `required courses ${check.required.join(', ')}`) +
        (check.missing.length ? (vi ? ` — thiếu ${check.missing.join(', ')}` : ` — missing ${check.missing.join(', ')}`) : '')
      );
    case 'min_fit':
      return head + (vi ? `mức phù hợp ${check.fit ?? '—'} / tối thiểu ${check.minFit}` : `fit ${check.fit ?? '—'} / minimum ${check.minFit}`);
    case 'digital_level':
      return (
        head +
        (vi ? `năng lực số từ mức ${check.minLevel}` : `digital competencies at level ${check.minLevel} or above`) +
        (check.below.length ? ` — ${check.below.map((b) => `${code(b.competencyId)} ${b.assessedLevel ?? '—'}`).join(', ')}` : '')
      );
  }
}
