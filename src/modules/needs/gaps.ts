/**
 * Gap arithmetic (MISSION.md, step 4): the gap is the required level minus the
 * assessed level; only a positive gap is a training need. Criticality (1–3)
 * weights a gap so that a one-level gap in a critical competency ranks above
 * the same gap in a peripheral one.
 *
 * The same rules are written here once for SQL (`gapSql` and friends below),
 * for the summaries and the per-agency lists that sum gaps in the database:
 * one place says what a gap is, the constants shared.
 */
import { sql, type RawBuilder } from 'kysely';

export interface CompetencyStanding {
  competencyId: string;
  requiredLevel: number | null;
  assessedLevel: number | null;
  criticality: number | null;
}

export interface CompetencyGap {
  competencyId: string;
  requiredLevel: number;
  assessedLevel: number;
  /** required − assessed, rounded to 2 decimals; may be negative (exceeds the profile). */
  gap: number;
  /** max(gap, 0) × criticality: the size of the training need. */
  weightedNeed: number;
  isNeed: boolean;
}

/** Criticality when a profile leaves it blank: the middle of the 1–3 scale. */
export const DEFAULT_CRITICALITY = 2;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** SQL of a column reference or an expression: `sql\`r.required_level\``. */
type SqlValue = RawBuilder<unknown>;

/** SQL: the criticality weight, blank counted as DEFAULT_CRITICALITY. */
export const criticalitySql = (criticality: SqlValue) => sql`COALESCE(${criticality}, ${sql.lit(DEFAULT_CRITICALITY)})`;
/** SQL: whether a result is a training need (a positive gap); null when either level is. */
export const isNeedSql = (required: SqlValue, assessed: SqlValue) => sql`(${required} > ${assessed})`;
/** SQL: max(required − assessed, 0), unrounded (sums round once, at the end). */
export const positiveGapSql = (required: SqlValue, assessed: SqlValue) => sql`GREATEST(${required} - ${assessed}, 0)`;
/** SQL: the weighted need, positive gap × criticality (computeGaps' `weightedNeed`, unrounded). */
export const weightedNeedSql = (required: SqlValue, assessed: SqlValue, criticality: SqlValue) =>
  sql`(${positiveGapSql(required, assessed)} * ${criticalitySql(criticality)})`;

/**
 * Gaps of one person. Competencies without a requirement or without an
 * assessed level are no evidence either way and are left out.
 */
export function computeGaps(standings: readonly CompetencyStanding[]): CompetencyGap[] {
  const gaps: CompetencyGap[] = [];
  for (const s of standings) {
    if (s.requiredLevel === null || s.assessedLevel === null) continue;
    const gap = round2(s.requiredLevel - s.assessedLevel);
    const criticality = s.criticality ?? DEFAULT_CRITICALITY;
    gaps.push({
      competencyId: s.competencyId,
      requiredLevel: s.requiredLevel,
      assessedLevel: s.assessedLevel,
      gap,
      weightedNeed: round2(Math.max(gap, 0) * criticality),
      isNeed: gap > 0,
    });
  }
  return gaps;
}

/** A person meets their profile when no competency has a positive gap. */
export function meetsProfile(gaps: readonly CompetencyGap[]): boolean {
  return gaps.every((g) => !g.isNeed);
}

/** Needs, largest weighted need first (ties: larger raw gap, then code order for stability). */
export function rankNeeds(gaps: readonly CompetencyGap[]): CompetencyGap[] {
  return gaps.filter((g) => g.isNeed).sort((a, b) => b.weightedNeed - a.weightedNeed || b.gap - a.gap || a.competencyId.localeCompare(b.competencyId));
}
