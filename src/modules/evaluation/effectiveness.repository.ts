import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { escapeLike } from '../../platform/text/like.js';
import { differenceFromMoments, type EffectEstimate } from './effectiveness.js';
import { comparisonIndex, matchComparison, type Cell, type CellSums, type ComparisonIndex } from './comparison-group.js';
import { COMPARISON_COURSE, NATIONAL_SCOPE, ROLLUP_DEPTH } from './effectiveness.refresh.js';
import type { EvaluationEffectCellsTable } from './followups.tables.js';

/**
 * The effectiveness figures, read from the summary cells only (kept current by
 * effectiveness.refresh.ts): cells are summed over the reader's agencies in
 * SQL down to one row per stratum and course, and each estimate is a
 * difference in differences against the comparison cells of its trainees'
 * strata (comparison-group.ts).
 */

export const EFFECT_DIMENSIONS = ['course', 'institution', 'competency', 'format'] as const;
export type EffectDimension = (typeof EFFECT_DIMENSIONS)[number];

/** Whose figures: an agency's subtree (HR; null = the whole country) and, for an institution, only its own courses. */
export interface EffectScope {
  agencyPath: string | null;
  institutionId: string | null;
}

interface TreatedCell extends Cell {
  courseId: string;
  institutionId: string;
  format: string;
}

export interface GroupMeans {
  n: number;
  before: number | null;
  after: number | null;
}

export interface EffectRow extends EffectEstimate {
  key: string;
  treated: GroupMeans;
  comparison: GroupMeans;
}

/** A cell summed over the reader's agencies (one row per stratum and course). */
type CellRow = Omit<EvaluationEffectCellsTable, 'agency_id'>;

function toCell(r: CellRow): Cell {
  return {
    agencyId: '',
    competencyId: r.competency_id,
    gapBand: Number(r.gap_band),
    roleCategory: r.role_category,
    tier: r.tier,
    courseId: r.course_id === COMPARISON_COURSE ? null : r.course_id,
    n: Number(r.n),
    sumBefore: Number(r.sum_before),
    sumAfter: Number(r.sum_after),
    sumChange: Number(r.sum_change),
    sumChangeSq: Number(r.sum_change_sq),
  };
}

/** How the figures are read: from the roll-up of the scope when it has one (the default), or summed from the cells. */
interface ReadOptions {
  fromCells?: boolean;
}

/** The roll-up that holds exactly the scope's cells, if any: the country's, or a top agency's or the one below it. */
function rollupOf(scope: EffectScope): string | null {
  // An institution's trainees come from many agencies: its figures are the country's, limited to its courses.
  if (!scope.agencyPath || scope.institutionId) return NATIONAL_SCOPE;
  const ids = scope.agencyPath.split('/').filter(Boolean);
  return ids.length <= ROLLUP_DEPTH ? ids.at(-1)! : null;
}

async function loadCells(
  db: Kysely<Database>,
  scope: EffectScope,
  courseIds?: readonly string[],
  options: ReadOptions = {},
): Promise<{ treated: TreatedCell[]; comparison: Cell[] }> {
  const institutionFilter = scope.institutionId ? sql`AND (x.course_id = ${COMPARISON_COURSE}::uuid OR co.institution_id = ${scope.institutionId})` : sql``;
  const rollup = options.fromCells ? null : rollupOf(scope);
  const courseFilter = (source: 'evaluation_effect_rollups' | 'evaluation_effect_cells') =>
    courseIds
      ? // Only the comparison cells of the competencies these courses teach: the rest cannot match (matchComparison).
        sql`AND (x.course_id = ANY(${courseIds}::uuid[]) OR (x.course_id = ${COMPARISON_COURSE}::uuid AND x.competency_id IN (
            SELECT competency_id FROM ${sql.table(source)} WHERE course_id = ANY(${courseIds}::uuid[]))))`
      : sql``;
  const { rows } = rollup
    ? await sql<CellRow & { institution_id: string | null; format: string | null }>`
        SELECT x.competency_id, x.gap_band, x.role_category, x.tier, x.course_id, co.institution_id, co.format,
               x.n, x.sum_before, x.sum_after, x.sum_change, x.sum_change_sq
        FROM evaluation_effect_rollups x
        LEFT JOIN training_courses co ON co.id = x.course_id
        WHERE x.scope_id = ${rollup}::uuid ${institutionFilter}
          ${courseFilter('evaluation_effect_rollups')}`.execute(db)
    : await sql<CellRow & { institution_id: string | null; format: string | null }>`
        SELECT x.competency_id, x.gap_band, x.role_category, x.tier, x.course_id, co.institution_id, co.format,
               sum(x.n)::int AS n, sum(x.sum_before) AS sum_before, sum(x.sum_after) AS sum_after,
               sum(x.sum_change) AS sum_change, sum(x.sum_change_sq) AS sum_change_sq
        FROM evaluation_effect_cells x
        JOIN agencies a ON a.id = x.agency_id
        LEFT JOIN training_courses co ON co.id = x.course_id
        WHERE true ${scope.agencyPath && !scope.institutionId ? sql`AND a.path LIKE ${escapeLike(scope.agencyPath) + '%'}` : sql``} ${institutionFilter}
          ${courseFilter('evaluation_effect_cells')}
        GROUP BY x.competency_id, x.gap_band, x.role_category, x.tier, x.course_id, co.institution_id, co.format`.execute(db);
  const treated: TreatedCell[] = [];
  const comparison: Cell[] = [];
  for (const r of rows) {
    if (r.course_id === COMPARISON_COURSE) comparison.push(toCell(r));
    else treated.push({ ...toCell(r), courseId: r.course_id, institutionId: r.institution_id ?? '', format: r.format ?? '' });
  }
  return { treated, comparison };
}

const means = (s: CellSums): GroupMeans => ({ n: s.n, before: s.n ? s.sumBefore / s.n : null, after: s.n ? s.sumAfter / s.n : null });

function estimate(key: string, treated: readonly Cell[], comparison: ComparisonIndex): EffectRow {
  const groups = matchComparison(treated, comparison);
  const moments = (s: CellSums) => ({ n: s.n, sum: s.sumChange, sumSq: s.sumChangeSq });
  return {
    key,
    ...differenceFromMoments(moments(groups.treated), moments(groups.comparison)),
    treated: means(groups.treated),
    comparison: means(groups.comparison),
  };
}

const keyOf: Record<EffectDimension, (c: TreatedCell) => string> = {
  course: (c) => c.courseId,
  institution: (c) => c.institutionId,
  competency: (c) => c.competencyId,
  format: (c) => c.format,
};

/** One estimate per course, institution, competency or format of the scope, best first (too-small groups last). */
export async function effectEstimates(db: Kysely<Database>, scope: EffectScope, by: EffectDimension, options: ReadOptions = {}): Promise<EffectRow[]> {
  const { treated, comparison } = await loadCells(db, scope, undefined, options);
  const groups = new Map<string, TreatedCell[]>();
  for (const c of treated) {
    const k = keyOf[by](c);
    const group = groups.get(k);
    if (group) group.push(c);
    else groups.set(k, [c]);
  }
  // Indexed once for all the estimates: matching each course against every comparison cell was most of a ranking's CPU.
  const index = comparisonIndex(comparison);
  const rows = [...groups].map(([key, cells]) => estimate(key, cells, index));
  return rows.sort(
    (a, b) =>
      Number(a.verdict === 'too_small') - Number(b.verdict === 'too_small') ||
      (b.low ?? b.effect ?? -Infinity) - (a.low ?? a.effect ?? -Infinity) ||
      b.treatedN - a.treatedN ||
      (a.key < b.key ? -1 : 1),
  );
}

/** One course: overall, and per competency it teaches. */
export async function courseEffect(
  db: Kysely<Database>,
  scope: EffectScope,
  courseId: string,
  options: ReadOptions = {},
): Promise<{ overall: EffectRow; byCompetency: EffectRow[] }> {
  const { treated, comparison } = await loadCells(db, scope, [courseId], options);
  const competencies = [...new Set(treated.map((c) => c.competencyId))];
  const index = comparisonIndex(comparison);
  return {
    overall: estimate(courseId, treated, index),
    byCompetency: competencies.map((id) =>
      estimate(
        id,
        treated.filter((c) => c.competencyId === id),
        index,
      ),
    ),
  };
}

export interface ExpectedCourseGain {
  /** Measured gain in levels per trainee and trained competency (difference in differences); null when never measured. */
  gain: number | null;
  /** 95 % interval; null when the groups are too small to conclude. */
  low: number | null;
  high: number | null;
  treatedN: number;
  comparisonN: number;
  verdict: EffectEstimate['verdict'];
}

/**
 * The measured gain of courses across the country, for the annual-plan
 * optimiser (issue 15) to use as a course's expected benefit instead of its
 * nominal levels: `verdict === 'too_small'` (or `gain === null`) means "not
 * measured yet, keep the nominal figure"; otherwise `gain` with its interval
 * [low, high]. Courses without any trainee cell are absent from the map.
 */
export async function expectedCourseGains(db: Kysely<Database>, courseIds: readonly string[]): Promise<Map<string, ExpectedCourseGain>> {
  if (courseIds.length === 0) return new Map();
  const { treated, comparison } = await loadCells(db, { agencyPath: null, institutionId: null }, courseIds);
  const byCourse = new Map<string, TreatedCell[]>();
  for (const c of treated) byCourse.set(c.courseId, [...(byCourse.get(c.courseId) ?? []), c]);
  const index = comparisonIndex(comparison);
  return new Map(
    [...byCourse].map(([courseId, cells]) => {
      const e = estimate(courseId, cells, index);
      return [courseId, { gain: e.effect, low: e.low, high: e.high, treatedN: e.treatedN, comparisonN: e.comparisonN, verdict: e.verdict }];
    }),
  );
}
