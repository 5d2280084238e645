/**
 * Who counts as trained and who as the comparison group (issue 16, item 5).
 * Pure: the refresh service loads one person's consolidated results and
 * completed courses, this decides which changes of level they contribute.
 *
 * - Trained in course K for competency c: the latest result of c before the
 *   completion (its cycle closed on or before the completion day) and the
 *   latest result after it (its cycle opened on or after that day, within
 *   FOLLOW_UP_HORIZON_MONTHS): a 6-month follow-up replaces the 3-month one
 *   when it arrives, so each trainee counts once per course and competency.
 * - Comparison for c: someone never trained in c (by any course) up to their
 *   latest result: the change between their last two results of c.
 * - Both are filed under a stratum of the *before* result: the gap band
 *   (required minus assessed level, rounded up, 0–3), the role category
 *   (leader, manager, professional, support) and the tier of the position
 *   (central, province, commune). A course is compared only with people of
 *   the strata its trainees came from (matchComparison).
 */

export interface ResultPoint {
  cycleId: string;
  /** YYYY-MM-DD */
  opensOn: string;
  closesOn: string;
  level: number;
  requiredLevel: number | null;
  roleCategory: string | null;
  tier: string | null;
  agencyId: string;
}

export interface CourseCompletion {
  courseId: string;
  competencyIds: readonly string[];
  /** YYYY-MM-DD */
  completedOn: string;
}

export interface Stratum {
  competencyId: string;
  gapBand: number;
  roleCategory: string;
  tier: string;
}

export interface Observation extends Stratum {
  /** null: comparison (not trained in the competency). */
  courseId: string | null;
  agencyId: string;
  beforeCycleId: string;
  afterCycleId: string;
  beforeLevel: number;
  afterLevel: number;
}

export const FOLLOW_UP_HORIZON_MONTHS = 12;
/** The band of a person without a required level (no position profile): compared only with others like them. */
export const NO_REQUIREMENT_BAND = -1;

export function gapBand(requiredLevel: number | null, level: number): number {
  if (requiredLevel === null) return NO_REQUIREMENT_BAND;
  return Math.min(3, Math.max(0, Math.ceil(requiredLevel - level - 1e-9)));
}

export function stratumKey(s: Stratum): string {
  return `${s.competencyId}|${s.gapBand}|${s.roleCategory}|${s.tier}`;
}

export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  // The 31st three months on is the last day of a shorter month.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const byTime = (a: ResultPoint, b: ResultPoint) => (a.closesOn < b.closesOn ? -1 : a.closesOn > b.closesOn ? 1 : a.opensOn < b.opensOn ? -1 : 1);

function observation(competencyId: string, courseId: string | null, before: ResultPoint, after: ResultPoint): Observation {
  return {
    competencyId,
    courseId,
    gapBand: gapBand(before.requiredLevel, before.level),
    roleCategory: before.roleCategory ?? '',
    tier: before.tier ?? '',
    agencyId: after.agencyId,
    beforeCycleId: before.cycleId,
    afterCycleId: after.cycleId,
    beforeLevel: before.level,
    afterLevel: after.level,
  };
}

/** One person's observations: `results` by competency id, `completions` their completed courses. */
export function personObservations(results: ReadonlyMap<string, readonly ResultPoint[]>, completions: readonly CourseCompletion[]): Observation[] {
  const out: Observation[] = [];
  for (const [competencyId, unsorted] of results) {
    const points = [...unsorted].sort(byTime);
    const trainings = completions
      .filter((k) => k.competencyIds.includes(competencyId))
      .sort((a, b) => (a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : 0));
    const counted = new Set<string>();
    for (const k of trainings) {
      if (counted.has(k.courseId)) continue;
      counted.add(k.courseId);
      const before = points.filter((p) => p.closesOn <= k.completedOn).at(-1);
      const horizon = addMonths(k.completedOn, FOLLOW_UP_HORIZON_MONTHS);
      const after = points.filter((p) => p.opensOn >= k.completedOn && p.opensOn <= horizon).at(-1);
      if (before && after) out.push(observation(competencyId, k.courseId, before, after));
    }
    if (points.length < 2) continue;
    const [before, after] = points.slice(-2) as [ResultPoint, ResultPoint];
    // Trained in it at any time up to the latest result: not a comparison (before or after, it was taught).
    if (trainings.some((k) => k.completedOn <= after.closesOn)) continue;
    if (after.opensOn < before.closesOn) continue;
    out.push(observation(competencyId, null, before, after));
  }
  return out;
}

export interface CellSums {
  n: number;
  sumBefore: number;
  sumAfter: number;
  sumChange: number;
  sumChangeSq: number;
}

export interface Cell extends Stratum, CellSums {
  agencyId: string;
  courseId: string | null;
}

export const emptySums = (): CellSums => ({ n: 0, sumBefore: 0, sumAfter: 0, sumChange: 0, sumChangeSq: 0 });

export function addSums(into: CellSums, from: CellSums, sign = 1): CellSums {
  into.n += sign * from.n;
  into.sumBefore += sign * from.sumBefore;
  into.sumAfter += sign * from.sumAfter;
  into.sumChange += sign * from.sumChange;
  into.sumChangeSq += sign * from.sumChangeSq;
  return into;
}

export function sumsOfObservation(o: Pick<Observation, 'beforeLevel' | 'afterLevel'>): CellSums {
  const change = o.afterLevel - o.beforeLevel;
  return { n: 1, sumBefore: o.beforeLevel, sumAfter: o.afterLevel, sumChange: change, sumChangeSq: change * change };
}

/**
 * The comparison cells by stratum, built once for many estimates (a ranking makes one per course): each
 * estimate then looks up its own strata instead of scanning every comparison cell. `order` keeps the
 * cells' order so the sums are added as matchComparison adds them (the same figures to the last bit).
 */
export type ComparisonIndex = ReadonlyMap<string, { order: number; sums: CellSums }>;

export function comparisonIndex(comparison: readonly Cell[]): ComparisonIndex {
  const index = new Map<string, { order: number; sums: CellSums }>();
  comparison.forEach((c, order) => {
    const key = stratumKey(c);
    const entry = index.get(key);
    if (entry) addSums(entry.sums, c);
    else index.set(key, { order, sums: addSums(emptySums(), c) });
  });
  return index;
}

/**
 * The two groups of one estimate: the trained cells given, against the
 * comparison cells of the same strata only (same competency, gap band, role
 * category and tier), whatever agency of the reader's scope they are in.
 */
export function matchComparison(treated: readonly Cell[], comparison: readonly Cell[] | ComparisonIndex): { treated: CellSums; comparison: CellSums } {
  const index = Array.isArray(comparison) ? comparisonIndex(comparison as readonly Cell[]) : (comparison as ComparisonIndex);
  const strata = [...new Set(treated.filter((c) => c.n > 0).map(stratumKey))]
    .map((key) => index.get(key))
    .filter((e) => e !== undefined)
    .sort((a, b) => a.order - b.order);
  const t = treated.reduce((acc, c) => addSums(acc, c), emptySums());
  const k = strata.reduce((acc, e) => addSums(acc, e.sums), emptySums());
  return { treated: t, comparison: k };
}
