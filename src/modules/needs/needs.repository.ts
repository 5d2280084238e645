import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import type { Actor } from '../../platform/auth/actor.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import { escapeLike } from '../../platform/text/like.js';

/**
 * Read side of training needs. Every query reads the pre-aggregated summaries
 * (never raw ratings) and is limited to the caller's agency subtree.
 */

/** Summed measures of a cell; averages are derived by the caller (see needs.figures.ts). */
export interface SummaryMeasures {
  people: number;
  needs: number;
  sumGap: number;
  sumWeightedNeed: number;
  sumAssessed: number;
  sumRequired: number;
}

const measures = sql`
  sum(s.people)::int AS people, sum(s.needs)::int AS needs,
  sum(s.sum_gap)::float8 AS "sumGap", sum(s.sum_weighted_need)::float8 AS "sumWeightedNeed",
  sum(s.sum_assessed)::float8 AS "sumAssessed", sum(s.sum_required)::float8 AS "sumRequired"`;

const scope = (actor: Actor) => scopeCondition(actor, 's.agency_path');

export type Geography = 'current' | 'historical';

/**
 * Province x competency. Each agency's rows sit under the unit it served when
 * the cycle opened; `current` rolls that unit up into today's province (after
 * the 2025 reorganisation), `historical` keeps the province of its own era.
 */
export async function provinceCompetencyTable(db: Db, actor: Actor, cycleId: string, geography: Geography) {
  // The whole country is read from the province summary; a narrower scope from its agencies' rows.
  if (actor.role === 'national_admin') {
    const { rows } = await sql<SummaryMeasures & { provinceId: string | null; competencyId: string }>`
      SELECT s.province_id AS "provinceId", s.competency_id AS "competencyId", ${measures}
      FROM needs_summary_province s
      WHERE s.cycle_id = ${cycleId} AND s.geography = ${geography}
      GROUP BY 1, 2`.execute(db);
    return rows;
  }
  const province = sql.ref(geography === 'current' ? 's.current_province_id' : 's.province_id');
  const { rows } = await sql<SummaryMeasures & { provinceId: string | null; competencyId: string }>`
    SELECT ${province} AS "provinceId", s.competency_id AS "competencyId", ${measures}
    FROM needs_summary_agency s
    WHERE s.cycle_id = ${cycleId} AND ${scope(actor)}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** One province's gaps per competency (the provincial headline table). */
export async function provinceTotals(db: Db, actor: Actor, cycleId: string, provinceId: string, geography: Geography) {
  if (actor.role === 'national_admin') {
    const { rows } = await sql<SummaryMeasures & { competencyId: string }>`
      SELECT s.competency_id AS "competencyId", ${measures}
      FROM needs_summary_province s
      WHERE s.cycle_id = ${cycleId} AND s.geography = ${geography} AND s.province_id = ${provinceId}
      GROUP BY 1`.execute(db);
    return rows;
  }
  const { rows } = await sql<SummaryMeasures & { competencyId: string }>`
    SELECT s.competency_id AS "competencyId", ${measures}
    FROM needs_summary_agency s
    WHERE s.cycle_id = ${cycleId} AND ${sql.ref(geography === 'current' ? 's.current_province_id' : 's.province_id')} = ${provinceId}
      AND ${scope(actor)}
    GROUP BY 1`.execute(db);
  return rows;
}

/** One province's agencies x competencies (the provincial drill-down). */
export async function oneProvinceTable(db: Db, actor: Actor, cycleId: string, provinceId: string, geography: Geography) {
  const { rows } = await sql<SummaryMeasures & { agencyId: string; competencyId: string }>`
    SELECT s.agency_id AS "agencyId", s.competency_id AS "competencyId", ${measures}
    FROM needs_summary_agency s
    WHERE s.cycle_id = ${cycleId} AND ${sql.ref(geography === 'current' ? 's.current_province_id' : 's.province_id')} = ${provinceId}
      AND ${scope(actor)}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/**
 * One level of the agency tree: each child of `parentPath` with its whole
 * subtree summed, found from the summary's own path (the segment after the
 * parent's path names the child) so no tree walk is needed. Rows of the
 * parent's own staff come back with childId = null.
 */
export async function childAgencyTable(db: Db, actor: Actor, cycleId: string, parentPath: string) {
  const child = sql`NULLIF(split_part(substr(s.agency_path, ${parentPath.length + 1}), '/', 1), '')`;
  const { rows } = await sql<SummaryMeasures & { childId: string | null; competencyId: string }>`
    SELECT ${child} AS "childId", s.competency_id AS "competencyId", ${measures}
    FROM needs_summary_agency s
    WHERE s.cycle_id = ${cycleId} AND s.agency_path LIKE ${escapeLike(parentPath) + '%'} AND ${scope(actor)}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** By role category or position within a subtree (the finer summary). */
export async function dimensionTable(db: Db, actor: Actor, cycleId: string, subtreePath: string, dimension: 'role_category' | 'position_id') {
  const { rows } = await sql<SummaryMeasures & { key: string | null; competencyId: string }>`
    SELECT s.${sql.ref(dimension)}::text AS key, s.competency_id AS "competencyId", ${measures}
    FROM needs_summary s
    WHERE s.cycle_id = ${cycleId} AND s.agency_path LIKE ${escapeLike(subtreePath) + '%'} AND ${scope(actor)}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** Share of assessed staff who meet their whole profile, per cycle, in a subtree: the trend. */
export async function profileTrend(db: Db, actor: Actor, subtreePath: string) {
  const { rows } = await sql<{ cycleId: string; people: number; meetingProfile: number }>`
    SELECT s.cycle_id AS "cycleId", sum(s.people)::int AS people, sum(s.meeting_profile)::int AS "meetingProfile"
    FROM needs_summary_people s
    WHERE s.agency_path LIKE ${escapeLike(subtreePath) + '%'} AND ${scope(actor)}
    GROUP BY 1`.execute(db);
  return rows;
}

/** Per-cycle competency totals of a subtree, for the gap trend across cycles. */
export async function competencyTrend(db: Db, actor: Actor, subtreePath: string) {
  const { rows } = await sql<SummaryMeasures & { cycleId: string; competencyId: string }>`
    SELECT s.cycle_id AS "cycleId", s.competency_id AS "competencyId", ${measures}
    FROM needs_summary_agency s
    WHERE s.agency_path LIKE ${escapeLike(subtreePath) + '%'} AND ${scope(actor)}
    GROUP BY 1, 2`.execute(db);
  return rows;
}
