import { describe, expect, it } from 'vitest';
import { checkEligibility, NO_RULES, qualityPoints, qualityYears, trainingSince, type EligibilityEvidence, type PromotionRules } from './eligibility.js';

const evidence: EligibilityEvidence = {
  assessed: true,
  holdsPosition: false,
  quality: new Map([
    [2023, 'excellent'],
    [2024, 'good'],
    [2025, 'excellent'],
  ]),
  trainingHours: 32,
  completedCourseCodes: new Set(['QLNN-CV', 'CDS-01']),
  fit: 81.5,
  digitalLevels: [
    { competencyId: 'CN.1', assessedLevel: 3 },
    { competencyId: 'QT.3', assessedLevel: 2 },
  ],
};

const rules = (over: Partial<PromotionRules>): PromotionRules => ({ ...NO_RULES, ...over });
const byRule = (checks: ReturnType<typeof checkEligibility>['checks']) => Object.fromEntries(checks.map((c) => [c.rule, c]));

describe('promotion eligibility rules', () => {
  it('with no rules set, only the holder and the never-assessed are out', () => {
    expect(checkEligibility(NO_RULES, evidence, '2026-06-01')).toEqual({
      eligible: true,
      checks: [
        { rule: 'not_holder', passed: true },
        { rule: 'assessed', passed: true },
      ],
    });
    expect(checkEligibility(NO_RULES, { ...evidence, holdsPosition: true }, '2026-06-01').eligible).toBe(false);
    expect(checkEligibility(NO_RULES, { ...evidence, assessed: false, fit: null }, '2026-06-01').eligible).toBe(false);
  });

  it('quality: each of the last N years at or above the grade, naming the year and level that fails', () => {
    // 2023–2025 at least "good": excellent, good, excellent → passes.
    expect(byRule(checkEligibility(rules({ quality: { years: 3, toYear: 2025, minLevel: 'good' } }), evidence, '2026-06-01').checks).quality).toEqual({
      rule: 'quality',
      passed: true,
      minLevel: 'good',
      years: [
        { year: 2023, level: 'excellent', passed: true },
        { year: 2024, level: 'good', passed: true },
        { year: 2025, level: 'excellent', passed: true },
      ],
    });
    // At least "excellent": 2024 (good) fails.
    const strict = checkEligibility(rules({ quality: { years: 3, toYear: 2025, minLevel: 'excellent' } }), evidence, '2026-06-01');
    expect(strict.eligible).toBe(false);
    expect((byRule(strict.checks).quality as { years: unknown[] }).years[1]).toEqual({ year: 2024, level: 'good', passed: false });
    // Four years back to 2022, which has no classification: a missing year fails.
    const missing = checkEligibility(rules({ quality: { years: 4, toYear: 2025, minLevel: 'completed' } }), evidence, '2026-06-01');
    expect((byRule(missing.checks).quality as { years: unknown[] }).years[0]).toEqual({ year: 2022, level: null, passed: false });
  });

  it('training: hours in the window and the named courses, listing what is missing', () => {
    const checks = byRule(
      checkEligibility(rules({ training: { minHours: 40, withinYears: 3, courseCodes: ['CDS-01', 'LD-02'] } }), evidence, '2026-06-01').checks,
    );
    expect(checks.training_hours).toEqual({ rule: 'training_hours', passed: false, hours: 32, minHours: 40, since: '2023-06-01' });
    expect(checks.training_courses).toEqual({ rule: 'training_courses', passed: false, required: ['CDS-01', 'LD-02'], missing: ['LD-02'] });
    const enough = checkEligibility(rules({ training: { minHours: 32, withinYears: 3, courseCodes: ['CDS-01'] } }), evidence, '2026-06-01');
    expect(enough.eligible).toBe(true);
  });

  it('minimum fit and minimum digital level name the score and the competencies below', () => {
    const checks = byRule(checkEligibility(rules({ minFit: 85, digital: { weight: 2, minLevel: 3 } }), evidence, '2026-06-01').checks);
    expect(checks.min_fit).toEqual({ rule: 'min_fit', passed: false, fit: 81.5, minFit: 85 });
    expect(checks.digital_level).toEqual({ rule: 'digital_level', passed: false, minLevel: 3, below: [{ competencyId: 'QT.3', assessedLevel: 2 }] });
    expect(checkEligibility(rules({ minFit: 81.5, digital: { weight: 1, minLevel: 2 } }), evidence, '2026-06-01').eligible).toBe(true);
    // No evidence in a digital competency counts as below any minimum.
    const none = checkEligibility(
      rules({ digital: { weight: 1, minLevel: 1 } }),
      { ...evidence, digitalLevels: [{ competencyId: 'PV.1', assessedLevel: null }] },
      '2026-06-01',
    );
    expect(none.eligible).toBe(false);
  });

  it('windows and tie-break points (hand-computed)', () => {
    expect(qualityYears({ years: 3, toYear: 2025, minLevel: 'good' })).toEqual([2023, 2024, 2025]);
    expect(trainingSince('2026-02-28', 2)).toBe('2024-02-28');
    expect(trainingSince('2028-02-29', 1)).toBe('2027-03-01');
    // excellent 3 + good 2 + missing 0 + not completed 0 + completed 1 = 6.
    expect(qualityPoints(['excellent', 'good', null, 'not_completed', 'completed'])).toBe(6);
  });
});
