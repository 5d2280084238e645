/**
 * Eligibility for appointment or promotion to a leadership position (issue 17, item 5): the rules an HR
 * officer sets for a round, and each person's outcome rule by rule with the evidence behind it, so the
 * standing can be explained ("2024: good, below excellent"; "32 of 40 hours since 2023-06-01"). Pure rules.
 */
import { levelRank, type QualityLevel } from '../../evaluation/quality-classification.js';

export type MinimumQuality = Exclude<QualityLevel, 'not_completed'>;

export interface PromotionRules {
  /** The last `years` annual classifications up to `toYear`, each at or above `minLevel`; a year without one fails. */
  quality: { years: number; toYear: number; minLevel: MinimumQuality } | null;
  /** At least `minHours` of completed training in the `withinYears` years before the round's day, and every named course completed (at any time). */
  training: { minHours: number; withinYears: number; courseCodes: string[] } | null;
  /** The fit against the position's profile (0–100) a candidate must reach. */
  minFit: number | null;
  /**
   * Digital-government competencies as an explicit criterion: `weight` multiplies their weight in the fit
   * (fit-score.ts's digitalWeight), `minLevel` is the level every digital competency of the profile must reach.
   */
  digital: { weight: number; minLevel: number | null };
}

export const NO_RULES: PromotionRules = { quality: null, training: null, minFit: null, digital: { weight: 1, minLevel: null } };

/** What is known of one person, read for the round (the service reads it set-based for the whole subtree). */
export interface EligibilityEvidence {
  /** Has results from a full consolidated cycle (follow-ups excluded): without them there is no fit to rank on. */
  assessed: boolean;
  holdsPosition: boolean;
  quality: ReadonlyMap<number, QualityLevel>;
  /** Hours of training completed inside the rule's window. */
  trainingHours: number;
  completedCourseCodes: ReadonlySet<string>;
  fit: number | null;
  /** The profile's digital-government competencies and the person's assessed level in each (null: no evidence). */
  digitalLevels: ReadonlyArray<{ competencyId: string; assessedLevel: number | null }>;
}

export type RuleCheck =
  | { rule: 'assessed'; passed: boolean }
  | { rule: 'not_holder'; passed: boolean }
  | { rule: 'quality'; passed: boolean; minLevel: MinimumQuality; years: Array<{ year: number; level: QualityLevel | null; passed: boolean }> }
  | { rule: 'training_hours'; passed: boolean; hours: number; minHours: number; since: string }
  | { rule: 'training_courses'; passed: boolean; required: string[]; missing: string[] }
  | { rule: 'min_fit'; passed: boolean; fit: number | null; minFit: number }
  | { rule: 'digital_level'; passed: boolean; minLevel: number; below: Array<{ competencyId: string; assessedLevel: number | null }> };

/** The years the quality rule looks at, oldest first. */
export function qualityYears(rule: NonNullable<PromotionRules['quality']>): number[] {
  return Array.from({ length: rule.years }, (_, i) => rule.toYear - rule.years + 1 + i);
}

/** The last day computed: a shortlist asks for the same window once a person, 19,000 times a read. */
let lastSince = { asOf: '', withinYears: NaN, since: '' };

/** The first day of the training window: `withinYears` years before `asOf` (29 February falls to 1 March). */
export function trainingSince(asOf: string, withinYears: number): string {
  if (lastSince.asOf === asOf && lastSince.withinYears === withinYears) return lastSince.since;
  const day = new Date(`${asOf}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() - withinYears);
  lastSince = { asOf, withinYears, since: day.toISOString().slice(0, 10) };
  return lastSince.since;
}

/** Points a classification earns in the tie-break (excellent 3 … not completed or missing 0). */
export function qualityPoints(levels: ReadonlyArray<QualityLevel | null>): number {
  return levels.reduce((sum, level) => sum + (level === null ? 0 : 3 - levelRank(level)), 0);
}

/**
 * Every rule's outcome for one person, in a fixed order; eligible when all pass. The holder of the position
 * and people never assessed in a full cycle are ineligible whatever the rules (there is no promotion to one's
 * own post, and no fit without evidence).
 */
export function checkEligibility(rules: PromotionRules, evidence: EligibilityEvidence, asOf: string): { eligible: boolean; checks: RuleCheck[] } {
  const checks: RuleCheck[] = [
    { rule: 'not_holder', passed: !evidence.holdsPosition },
    { rule: 'assessed', passed: evidence.assessed },
  ];
  if (rules.quality) {
    const minRank = levelRank(rules.quality.minLevel);
    const years = qualityYears(rules.quality).map((year) => {
      const level = evidence.quality.get(year) ?? null;
      return { year, level, passed: level !== null && levelRank(level) <= minRank };
    });
    checks.push({ rule: 'quality', passed: years.every((y) => y.passed), minLevel: rules.quality.minLevel, years });
  }
  if (rules.training) {
    const { minHours, withinYears, courseCodes } = rules.training;
    if (minHours > 0) {
      const hours = Math.round(evidence.trainingHours * 100) / 100;
      checks.push({ rule: 'training_hours', passed: hours >= minHours, hours, minHours, since: trainingSince(asOf, withinYears) });
    }
    if (courseCodes.length > 0) {
      const missing = courseCodes.filter((code) => !evidence.completedCourseCodes.has(code));
      checks.push({ rule: 'training_courses', passed: missing.length === 0, required: [...courseCodes], missing });
    }
  }
  if (rules.minFit !== null)
    checks.push({ rule: 'min_fit', passed: evidence.fit !== null && evidence.fit >= rules.minFit, fit: evidence.fit, minFit: rules.minFit });
  if (rules.digital.minLevel !== null) {
    const minLevel = rules.digital.minLevel;
    const below = evidence.digitalLevels.filter((d) => (d.assessedLevel ?? 0) < minLevel).map((d) => ({ ...d }));
    checks.push({ rule: 'digital_level', passed: below.length === 0, minLevel, below });
  }
  return { eligible: checks.every((c) => c.passed), checks };
}
