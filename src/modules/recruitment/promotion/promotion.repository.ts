/**
 * The reads of a promotion round. The standings of a whole subtree (a province: 20,000 people) come from one
 * set-based statement, one row a person, never a query a person (issue 17's 500 ms). The assessed levels are
 * the gap profile's: the newest closed full cycle the person has results in, follow-ups after training
 * excluded (they rate only the trained competencies), read from the row a person the consolidations keep
 * (current-levels.ts, levels packed as text) rather than chosen again from every person's cycles.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { escapeLike } from '../../../platform/text/like.js';
import { QUALITY_LEVELS, type QualityLevel } from '../../evaluation/quality-classification.js';
import type { ProfileRequirement } from '../fit-score.js';
import { isDigitalGroup } from './digital-groups.js';
import { qualityYears, trainingSince, type PromotionRules } from './eligibility.js';
import { PackedLevelsReader } from './packed-levels.js';
import type { PersonEvidence, Standing } from './standing.js';

type Executor = Kysely<Database>;

export interface ProfileEntry extends ProfileRequirement {
  digital: boolean;
  code: string;
  nameVi: string;
  nameEn: string;
  groupCode: string;
}

/** The position's profile, with each competency's code, names and whether its group is a digital-government one. */
export async function positionProfile(db: Executor, positionId: string): Promise<ProfileEntry[]> {
  const rows = await db
    .selectFrom('position_requirements as r')
    .innerJoin('competencies as k', 'k.id', 'r.competency_id')
    .innerJoin('competency_groups as g', 'g.id', 'k.group_id')
    .select(['r.competency_id', 'r.required_level', 'r.criticality', 'k.code', 'k.name_vi', 'k.name_en', 'g.code as group_code'])
    .where('r.position_id', '=', positionId)
    .orderBy('g.position')
    .orderBy('k.position')
    .execute();
  return rows.map((r) => ({
    competencyId: r.competency_id,
    requiredLevel: r.required_level,
    criticality: r.criticality,
    digital: isDigitalGroup(r.group_code),
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    groupCode: r.group_code,
  }));
}

interface EvidenceRow {
  id: string;
  staff_code: string;
  full_name: string;
  agency_name: string;
  position_id: string | null;
  cycle_id: string | null;
  cycle_name: string | null;
  levels: string | null;
  competency_key: string | null;
  /** The competency list of competency_key, on one row of each key only. */
  competency_ids: string | null;
  quality: string | null;
  hours: number | null;
  codes: string[] | null;
}

const NO_LEVELS: ReadonlyMap<string, number> = new Map();
const isLevel = (value: string): value is QualityLevel => (QUALITY_LEVELS as readonly string[]).includes(value);

/**
 * Everything the rules need for every active person of the subtree under `agencyPath`, in one statement:
 * the newest full cycle and its packed levels (each distinct competency list once; the profile's competencies
 * picked out here, packed-levels.ts), the classifications of the rule's
 * years, the hours completed in the rule's window and which of the named courses were completed.
 */
export async function subtreeEvidence(
  db: Executor,
  o: { agencyPath: string; positionId: string; profileIds: readonly string[]; rules: PromotionRules; asOf: string },
): Promise<PersonEvidence[]> {
  const prefix = escapeLike(o.agencyPath) + '%';
  const years = o.rules.quality ? qualityYears(o.rules.quality) : [];
  const training = o.rules.training;
  const { rows } = await sql<EvidenceRow>`
    WITH staff AS (
      SELECT p.id, p.staff_code, p.full_name, p.position_id, a.name AS agency_name
      FROM people p JOIN agencies a ON a.id = p.agency_id
      WHERE a.path LIKE ${prefix} AND p.status = 'active'),
    latest AS (
      SELECT l.person_id, l.cycle_id, c.name AS cycle_name, l.levels, l.competency_key
      FROM recruitment_current_cycles l JOIN staff ON staff.id = l.person_id JOIN assessment_cycles c ON c.id = l.cycle_id),
    -- Each distinct competency list once, on the row of the first person who has it (same snapshot as the levels).
    lists AS (
      SELECT DISTINCT ON (competency_key) competency_key, person_id FROM latest ORDER BY competency_key, person_id),
    quality AS (
      SELECT q.person_id, string_agg(q.year || ':' || q.level, ',') AS quality
      FROM evaluation_quality_records q JOIN staff ON staff.id = q.person_id
      WHERE q.year = ANY(${years}::int[])
      GROUP BY q.person_id),
    training AS (
      SELECT e.person_id,
             sum(co.hours) FILTER (WHERE COALESCE(e.completed_at::date, s.ends_on) >= ${training ? trainingSince(o.asOf, training.withinYears) : o.asOf}::date)::float8 AS hours,
             array_agg(DISTINCT co.code) FILTER (WHERE co.code = ANY(${training?.courseCodes ?? []}::text[])) AS codes
      FROM training_enrolments e JOIN staff ON staff.id = e.person_id
      JOIN training_sessions s ON s.id = e.session_id JOIN training_courses co ON co.id = s.course_id
      WHERE e.status = 'completed' AND ${training !== null}
      GROUP BY e.person_id)
    SELECT staff.id, staff.staff_code, staff.full_name, staff.agency_name, staff.position_id,
           l.cycle_id, l.cycle_name, l.levels, l.competency_key, li.competency_ids, q.quality, t.hours, t.codes
    FROM staff
    LEFT JOIN latest l ON l.person_id = staff.id
    LEFT JOIN lists k ON k.person_id = staff.id
    LEFT JOIN recruitment_current_cycles li ON li.person_id = k.person_id
    LEFT JOIN quality q ON q.person_id = staff.id
    LEFT JOIN training t ON t.person_id = staff.id`.execute(db);
  const reader = new PackedLevelsReader(o.profileIds);
  for (const r of rows) if (r.competency_ids !== null) reader.addList(r.competency_key!, r.competency_ids);
  return rows.map((r) => {
    const quality = new Map<number, QualityLevel>();
    for (const entry of r.quality?.split(',') ?? []) {
      const [year, level] = entry.split(':');
      if (level && isLevel(level)) quality.set(Number(year), level);
    }
    return {
      personId: r.id,
      staffCode: r.staff_code,
      fullName: r.full_name,
      agencyName: r.agency_name,
      holdsPosition: r.position_id === o.positionId,
      cycle: r.cycle_id ? { id: r.cycle_id, name: r.cycle_name! } : null,
      levels: r.levels === null ? NO_LEVELS : reader.levels(r.competency_key!, r.levels),
      quality,
      trainingHours: r.hours ?? 0,
      completedCourseCodes: new Set(r.codes ?? []),
    };
  });
}

/** Rows a statement when the standings are stored: one array parameter a column, whatever the count. */
const CHUNK = 5000;

/**
 * The explanations go as one JSON text a chunk, split by jsonb_array_elements and paired with the other columns
 * by position: as a jsonb[] parameter, pg's array literal (every quote of 18,988 explanations escaped, ~60 MB)
 * cost 5.3 s of the client's CPU and tripled the freeze (27.5 s against 9.2 s at load 12, PERFORMANCE.md r17d).
 */
export async function storeStandings(trx: Executor, roundId: string, standings: readonly Standing[]): Promise<void> {
  await trx.deleteFrom('recruitment_promotion_standings').where('round_id', '=', roundId).execute();
  for (let i = 0; i < standings.length; i += CHUNK) {
    const chunk = standings.slice(i, i + CHUNK);
    await sql`
      INSERT INTO recruitment_promotion_standings (round_id, person_id, eligible, rank, fit, explanation)
      SELECT ${roundId}, u.person_id, u.eligible, u.rank, u.fit, x.explanation FROM unnest(
        ${chunk.map((s) => s.personId)}::uuid[], ${chunk.map((s) => s.eligible)}::boolean[], ${chunk.map((s) => s.rank)}::int[],
        ${chunk.map((s) => s.explanation.fit)}::numeric[]) WITH ORDINALITY u(person_id, eligible, rank, fit, n)
      JOIN jsonb_array_elements(${JSON.stringify(chunk.map((s) => s.explanation))}::jsonb) WITH ORDINALITY x(explanation, n) ON x.n = u.n`.execute(trx);
  }
}

export interface StoredStanding extends Standing {
  chosen: boolean;
}

/** The frozen standings: the eligible by rank, the ineligible by staff code; `limit` rows of each (null: all). */
export async function storedStandings(db: Executor, roundId: string, limit: number | null) {
  const base = () =>
    db
      .selectFrom('recruitment_promotion_standings as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['s.person_id', 'p.staff_code', 'p.full_name', 'a.name as agency_name', 's.eligible', 's.rank', 's.explanation', 's.chosen'])
      .where('s.round_id', '=', roundId);
  const view = (r: Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number]): StoredStanding => ({
    personId: r.person_id,
    staffCode: r.staff_code,
    fullName: r.full_name,
    agencyName: r.agency_name,
    eligible: r.eligible,
    rank: r.rank,
    explanation: r.explanation,
    chosen: r.chosen,
  });
  const limited = <Q extends { limit(n: number): Q }>(q: Q) => (limit === null ? q : q.limit(limit));
  const [eligible, ineligible, counts] = await Promise.all([
    limited(base().where('s.eligible', '=', true).orderBy('s.rank').orderBy('p.staff_code')).execute(),
    limited(base().where('s.eligible', '=', false).orderBy('p.staff_code')).execute(),
    db
      .selectFrom('recruitment_promotion_standings')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('eligible', '=', true).as('eligible'),
        eb.fn.countAll<number>().filterWhere('eligible', '=', false).as('ineligible'),
      ])
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    eligible: eligible.map(view),
    ineligible: ineligible.map(view),
    counts: { eligible: Number(counts.eligible), ineligible: Number(counts.ineligible) },
  };
}
