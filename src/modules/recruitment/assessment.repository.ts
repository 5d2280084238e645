import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ProfileRequirement } from './fit-score.js';
import type { StageKind } from './recruitment.tables.js';

type Executor = Kysely<Database>;

/** The five digital-government groups of the national framework (MISSION.md); the sixth, HC, is the traditional one. */
export const DIGITAL_GROUP_CODES = ['CN', 'QT', 'DM', 'DD', 'PV'];
/** Applications out of the race: not rated, tested or ranked. */
export const OUT_OF_RACE = ['screened_out', 'withdrawn'] as const;

export async function campaignOf(db: Executor, campaignId: string) {
  return db
    .selectFrom('recruitment_campaigns as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(['c.id', 'c.code', 'c.title', 'c.status', 'c.tie_break as tieBreak', 'c.results_published_at as resultsPublishedAt'])
    .select(['c.agency_id as agencyId', 'a.path as agencyPath'])
    .where('c.id', '=', campaignId)
    .executeTakeFirst();
}
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof campaignOf>>>;

export async function panelMember(db: Executor, campaignId: string, userId: string) {
  return db
    .selectFrom('recruitment_panel_members')
    .select(['user_id', 'declared_at', 'panel_role'])
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function applicationOf(db: Executor, applicationId: string) {
  return db
    .selectFrom('recruitment_applications as p')
    .innerJoin('recruitment_candidates as k', 'k.id', 'p.candidate_id')
    .select(['p.id', 'p.campaign_id as campaignId', 'p.position_id as positionId', 'p.status', 'p.submitted_at as submittedAt'])
    .select(['k.id as candidateId', 'k.user_id as candidateUserId', 'k.person_id as candidatePersonId', 'k.full_name as fullName'])
    .select(['k.email', 'k.phone', 'k.date_of_birth as dateOfBirth', 'k.gender', 'k.erased_at as erasedAt', 'k.identity_number as identityNumber'])
    .where('p.id', '=', applicationId)
    .executeTakeFirst();
}

export interface ProfileCompetency extends ProfileRequirement {
  code: string;
  nameVi: string;
  nameEn: string;
  levelCount: number;
  versionId: string;
  order: number;
}

/** The profiles of the positions, with each competency's scale and whether it is a digital-government one. */
export async function profilesOf(db: Executor, positionIds: readonly string[]): Promise<Map<string, ProfileCompetency[]>> {
  const out = new Map<string, ProfileCompetency[]>(positionIds.map((p) => [p, []]));
  if (positionIds.length === 0) return out;
  const rows = await db
    .selectFrom('position_requirements as r')
    .innerJoin('competencies as k', 'k.id', 'r.competency_id')
    .innerJoin('competency_groups as g', 'g.id', 'k.group_id')
    .innerJoin('framework_versions as v', 'v.id', 'k.version_id')
    .select(['r.position_id as positionId', 'r.competency_id as competencyId', 'r.required_level as requiredLevel', 'r.criticality'])
    .select(['k.code', 'k.name_vi as nameVi', 'k.name_en as nameEn', 'v.level_count as levelCount', 'v.id as versionId', 'g.code as groupCode'])
    .select(sql<number>`g.position * 1000 + k.position`.as('order'))
    .where('r.position_id', 'in', [...positionIds])
    .orderBy('order')
    .execute();
  for (const r of rows) {
    out.get(r.positionId)!.push({
      competencyId: r.competencyId,
      requiredLevel: r.requiredLevel,
      criticality: r.criticality,
      digital: DIGITAL_GROUP_CODES.includes(r.groupCode),
      code: r.code,
      nameVi: r.nameVi,
      nameEn: r.nameEn,
      levelCount: r.levelCount,
      versionId: r.versionId,
      order: r.order,
    });
  }
  return out;
}

export async function stagesOf(db: Executor, campaignId: string) {
  return db
    .selectFrom('recruitment_stages')
    .select(['id', 'ordinal', 'kind', 'name', 'weight'])
    .where('campaign_id', '=', campaignId)
    .orderBy('ordinal')
    .execute() as Promise<Array<{ id: string; ordinal: number; kind: StageKind; name: string; weight: number }>>;
}

export async function stageOf(db: Executor, campaignId: string, stageId: string) {
  return (await stagesOf(db, campaignId)).find((s) => s.id === stageId);
}

/** Every submitted rating and test score of a campaign's applications still in the race, in two statements. */
export async function campaignEvidence(db: Executor, campaignId: string) {
  const [applications, ratings, scores] = await Promise.all([
    db
      .selectFrom('recruitment_applications as p')
      .innerJoin('recruitment_candidates as k', 'k.id', 'p.candidate_id')
      .select(['p.id', 'p.position_id as positionId', 'p.status', 'p.submitted_at as submittedAt', 'k.priority', 'k.full_name as fullName'])
      .where('p.campaign_id', '=', campaignId)
      .where('p.status', 'not in', [...OUT_OF_RACE])
      .execute(),
    db
      .selectFrom('recruitment_rating_sheets as s')
      .innerJoin('recruitment_ratings as r', 'r.sheet_id', 's.id')
      .select(['s.application_id as applicationId', 's.stage_id as stageId', 's.user_id as userId', 'r.competency_id as competencyId', 'r.level'])
      .where('s.campaign_id', '=', campaignId)
      .where('s.submitted_at', 'is not', null)
      .execute(),
    db
      .selectFrom('recruitment_test_results as t')
      .innerJoin('recruitment_test_scores as x', 'x.result_id', 't.id')
      .select(['t.application_id as applicationId', 't.stage_id as stageId', 'x.competency_id as competencyId', 'x.level', 'x.score'])
      .where('t.campaign_id', '=', campaignId)
      .where('t.submitted_at', 'is not', null)
      .execute(),
  ]);
  return { applications, ratings, scores };
}

export interface StageLevelsRow {
  id: string;
  positionId: string;
  status: string;
  submittedAt: Date;
  priority: boolean;
  fullName: string;
  /**
   * Every submitted piece of evidence as `stage:competency:level:kind`, comma-separated, in no order: stage and
   * competency as 1-based indexes into the arrays given (stage 0: one not given; a competency outside them by its
   * id); kind `r` a panel member's rating, `t` a test level.
   */
  evidence: string | null;
}

/**
 * The ranking's evidence, one row an application still in the race, its submitted ratings and test levels packed
 * in one string: 5,000 rows rather than the ~100,000 single ratings as objects (issue 17's 200 ms for 5,000
 * candidates), hashed by application without a sort.
 */
export async function campaignStageLevels(
  db: Executor,
  campaignId: string,
  stageIds: readonly string[],
  competencyIds: readonly string[],
  /** Only these applications, whatever their status (a standing kept current); default: every one in the race. */
  applicationIds?: readonly string[],
) {
  const which = applicationIds ? sql`p.id = ANY(${[...applicationIds]}::uuid[])` : sql`p.status NOT IN (${sql.join(OUT_OF_RACE.map((s) => sql.lit(s)))})`;
  const only = (column: string) => (applicationIds ? sql`AND ${sql.ref(column)} = ANY(${[...applicationIds]}::uuid[])` : sql``);
  const { rows } = await sql<StageLevelsRow>`
    WITH evidence AS (
      SELECT s.application_id, s.stage_id, r.competency_id, r.level, 'r' AS kind
      FROM recruitment_rating_sheets s JOIN recruitment_ratings r ON r.sheet_id = s.id
      WHERE s.campaign_id = ${campaignId} AND s.submitted_at IS NOT NULL ${only('s.application_id')}
        -- A member who declares a conflict with a candidate they had rated recuses: their sheet no longer counts.
        AND NOT EXISTS (SELECT 1 FROM recruitment_conflicts c
                        WHERE c.campaign_id = s.campaign_id AND c.user_id = s.user_id AND c.application_id = s.application_id)
      UNION ALL
      SELECT t.application_id, t.stage_id, x.competency_id, x.level, 't'
      FROM recruitment_test_results t JOIN recruitment_test_scores x ON x.result_id = t.id
      WHERE t.campaign_id = ${campaignId} AND t.submitted_at IS NOT NULL ${only('t.application_id')}),
    packed AS (
      SELECT e.application_id,
             string_agg(COALESCE(array_position(${stageIds}::uuid[], e.stage_id), 0) || ':' ||
                        COALESCE(array_position(${competencyIds}::uuid[], e.competency_id)::text, e.competency_id::text) || ':' || e.level || ':' || e.kind, ',')
               AS evidence
      FROM evidence e
      GROUP BY e.application_id)
    SELECT p.id, p.position_id AS "positionId", p.status, p.submitted_at AS "submittedAt", k.priority, k.full_name AS "fullName", x.evidence
    FROM recruitment_applications p
    JOIN recruitment_candidates k ON k.id = p.candidate_id
    LEFT JOIN packed x ON x.application_id = p.id
    WHERE p.campaign_id = ${campaignId} AND ${which}`.execute(db);
  return rows;
}
