/**
 * A civil servant's annual quality classification (issue 16, item 4), as
 * Decree 335/2025/NĐ-CP sets it from 1 January 2026: a score out of 100 — up
 * to 30 for the general criteria and up to 70 for the results of assigned
 * tasks, recorded monthly or quarterly — and a level by the score, with
 * "không hoàn thành" whatever the score when a disqualifying condition holds
 * (e.g. a disciplinary measure in the year). Earlier years use the same four
 * levels (Decree 90/2020/NĐ-CP), imported without a score. Pure rules.
 */

export const QUALITY_LEVELS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];

export const GENERAL_MAX = 30;
export const TASKS_MAX = 70;

/** One recorded period (a month or a quarter). */
export interface PeriodScore {
  general: number;
  tasks: number;
}

export type ScoreProblem = { field: 'general' | 'tasks'; index: number; max: number };

/** The periods' scores must each lie within their part's range; returns every problem, not only the first. */
export function scoreProblems(periods: readonly PeriodScore[]): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  periods.forEach((p, index) => {
    if (!(p.general >= 0 && p.general <= GENERAL_MAX)) problems.push({ field: 'general', index, max: GENERAL_MAX });
    if (!(p.tasks >= 0 && p.tasks <= TASKS_MAX)) problems.push({ field: 'tasks', index, max: TASKS_MAX });
  });
  return problems;
}

/**
 * The year's score: the mean of the periods' totals, to one decimal (periods
 * weigh alike, whether the agency records monthly or quarterly).
 */
export function annualScore(periods: readonly PeriodScore[]): number | null {
  if (periods.length === 0) return null;
  const total = periods.reduce((sum, p) => sum + p.general + p.tasks, 0) / periods.length;
  return Math.round(total * 10) / 10;
}

/** ≥ 90 excellent, 70–<90 good, 50–<70 completed, < 50 or disqualified: not completed. */
export function levelForScore(score: number, disqualified = false): QualityLevel {
  if (disqualified || score < 50) return 'not_completed';
  if (score >= 90) return 'excellent';
  if (score >= 70) return 'good';
  return 'completed';
}

/** At most this share of the number rated "good" may be rated "excellent", in one agency and year. */
export const EXCELLENT_SHARE_OF_GOOD = 0.2;

/**
 * How many "excellent" an agency may give for a year, given how many it rates
 * "good": 20 % of them, rounded down (a share of people is a whole number).
 */
export function excellentQuota(goodCount: number): number {
  return Math.floor(goodCount * EXCELLENT_SHARE_OF_GOOD + 1e-9);
}

/** Whether a set of levels for one agency and year keeps the quota; if not, by how many it exceeds it. */
export function checkExcellentQuota(levels: readonly QualityLevel[]): { ok: boolean; excellent: number; good: number; quota: number; excess: number } {
  const excellent = levels.filter((l) => l === 'excellent').length;
  const good = levels.filter((l) => l === 'good').length;
  const quota = excellentQuota(good);
  return { ok: excellent <= quota, excellent, good, quota, excess: Math.max(0, excellent - quota) };
}

/** The order of the levels, best first: a final level may be below what the score allows, never above. */
export function levelRank(level: QualityLevel): number {
  return QUALITY_LEVELS.indexOf(level);
}

/**
 * Periods of one year are all months (2026-01 … 2026-12) or all quarters
 * (2026-Q1 … 2026-Q4), each at most once. Returns the index of the first
 * period that breaks this, or null.
 */
export function periodProblem(year: number, periods: readonly string[]): number | null {
  const monthly = new RegExp(`^${year}-(0[1-9]|1[0-2])$`);
  const quarterly = new RegExp(`^${year}-Q[1-4]$`);
  const kind = periods[0] !== undefined && quarterly.test(periods[0]) ? quarterly : monthly;
  const seen = new Set<string>();
  for (const [index, period] of periods.entries()) {
    if (!kind.test(period) || seen.has(period)) return index;
    seen.add(period);
  }
  return null;
}
