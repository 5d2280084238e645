import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import { escapeLike } from '../../platform/text/like.js';
import type { Database } from '../../platform/db/schema.js';
import { foldForSearch } from '../../platform/text/vietnamese.js';
import type { PositionAnswer } from './positions.schema.js';
import type { AdminTier, RoleCategory } from './positions.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** SQL of the positions module; who may do what is positions.policy.ts and positions.service.ts. */

/** The answer's position (positions.schema.ts) and the agency path its scope is checked against. */
export type PositionRow = PositionAnswer & { agencyPath: string };

function positionQuery(db: Executor) {
  return db
    .selectFrom('positions as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select((eb) => [
      'p.id',
      'p.agency_id as agencyId',
      'a.name as agencyName',
      'a.path as agencyPath',
      'p.code',
      'p.title_vi as titleVi',
      'p.title_en as titleEn',
      'p.role_category as roleCategory',
      'p.tier',
      eb
        .selectFrom('position_requirements as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.position_id', '=', 'p.id')
        .as('requirementCount'),
    ]);
}

export async function findPosition(db: Executor, id: string): Promise<PositionRow | undefined> {
  return (await positionQuery(db).where('p.id', '=', id).executeTakeFirst()) as PositionRow | undefined;
}

export async function listPositions(db: Executor, actor: Actor, filter: { search?: string; agencyId?: string; limit: number; offset: number }) {
  let query = positionQuery(db).where(scopeCondition(actor, 'a.path'));
  if (filter.agencyId) query = query.where('p.agency_id', '=', filter.agencyId);
  if (filter.search) {
    const term = `%${escapeLike(foldForSearch(filter.search))}%`;
    query = query.where((eb) => eb.or([eb('p.search_title', 'like', term), eb(sql`lower(p.code)`, 'like', term)]));
  }
  const rows = (await query.orderBy('a.path').orderBy('p.code').limit(filter.limit).offset(filter.offset).execute()) as PositionRow[];
  // Vietnamese collation for titles within an agency, as users expect (the server's collation may be C).
  const collator = new Intl.Collator('vi');
  return rows.sort((x, y) => (x.agencyPath === y.agencyPath ? collator.compare(x.titleVi, y.titleVi) : 0));
}

export async function findAgency(db: Executor, id: string) {
  return db.selectFrom('agencies').select(['id', 'path', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function insertPosition(
  trx: Transaction<Database>,
  values: { agencyId: string; code: string; titleVi: string; titleEn: string; roleCategory: RoleCategory; tier: AdminTier },
): Promise<string> {
  const row = await trx
    .insertInto('positions')
    .values({
      agency_id: values.agencyId,
      code: values.code,
      title_vi: values.titleVi,
      title_en: values.titleEn,
      search_title: foldForSearch(`${values.titleVi} ${values.titleEn}`),
      role_category: values.roleCategory,
      tier: values.tier,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePosition(
  trx: Transaction<Database>,
  id: string,
  values: { titleVi: string; titleEn: string; roleCategory: RoleCategory; tier: AdminTier },
): Promise<void> {
  await trx
    .updateTable('positions')
    .set({
      title_vi: values.titleVi,
      title_en: values.titleEn,
      search_title: foldForSearch(`${values.titleVi} ${values.titleEn}`),
      role_category: values.roleCategory,
      tier: values.tier,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function requirementsOf(db: Executor, positionIds: string[]) {
  if (positionIds.length === 0) return [];
  return db
    .selectFrom('position_requirements as r')
    .innerJoin('competencies as c', 'c.id', 'r.competency_id')
    .select(['r.position_id as positionId', 'r.competency_id as competencyId', 'c.code', 'r.required_level as requiredLevel', 'r.criticality'])
    .where('r.position_id', 'in', positionIds)
    .orderBy('c.code')
    .execute();
}

export interface RequirementInput {
  competencyId: string;
  requiredLevel: number;
  criticality: number;
}

export async function setRequirement(trx: Transaction<Database>, positionId: string, r: RequirementInput): Promise<void> {
  await trx
    .insertInto('position_requirements')
    .values({ position_id: positionId, competency_id: r.competencyId, required_level: r.requiredLevel, criticality: r.criticality })
    .onConflict((oc) => oc.columns(['position_id', 'competency_id']).doUpdateSet({ required_level: r.requiredLevel, criticality: r.criticality }))
    .execute();
}

export async function removeRequirement(trx: Transaction<Database>, positionId: string, competencyId: string): Promise<void> {
  await trx.deleteFrom('position_requirements').where('position_id', '=', positionId).where('competency_id', '=', competencyId).execute();
}

export async function replaceRequirements(trx: Transaction<Database>, positionId: string, requirements: RequirementInput[]): Promise<void> {
  await trx.deleteFrom('position_requirements').where('position_id', '=', positionId).execute();
  if (requirements.length === 0) return;
  await trx
    .insertInto('position_requirements')
    .values(requirements.map((r) => ({ position_id: positionId, competency_id: r.competencyId, required_level: r.requiredLevel, criticality: r.criticality })))
    .execute();
}

/**
 * Competencies a profile may require: those of published versions of national
 * frameworks, and of published extensions within the caller's scope.
 */
export async function profileCompetencies(db: Executor, actor: Actor | null) {
  return (
    db
      .selectFrom('competencies as c')
      .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
      .innerJoin('framework_versions as v', 'v.id', 'c.version_id')
      .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
      .innerJoin('agencies as a', 'a.id', 'f.agency_id')
      .select([
        'c.id',
        'c.code',
        'c.name_vi as nameVi',
        'c.name_en as nameEn',
        'g.code as groupCode',
        'g.name_vi as groupNameVi',
        'g.name_en as groupNameEn',
        'f.code as frameworkCode',
        'f.scope',
        'v.id as versionId',
        'v.level_count as levelCount',
      ])
      .where('v.status', '=', 'published')
      .where((eb) => eb.or([eb('f.scope', '=', 'national'), actor ? scopeCondition(actor, 'a.path') : sql<boolean>`false`]))
      .orderBy(sql`f.scope = 'national'`, 'desc')
      // The oldest framework first: the national framework before anything imported later.
      .orderBy('f.created_at')
      .orderBy('f.code')
      .orderBy('g.position')
      .orderBy('c.position')
      .execute()
  );
}

export async function templateRequirements(db: Executor, role: RoleCategory, tier: AdminTier) {
  return db
    .selectFrom('profile_templates as t')
    .innerJoin('competencies as c', 'c.id', 't.competency_id')
    .select(['t.competency_id as competencyId', 'c.code', 't.required_level as requiredLevel', 't.criticality'])
    .where('t.role_category', '=', role)
    .where('t.tier', '=', tier)
    .orderBy('c.code')
    .execute();
}

export async function replaceTemplate(trx: Transaction<Database>, role: RoleCategory, tier: AdminTier, requirements: RequirementInput[]): Promise<void> {
  await trx.deleteFrom('profile_templates').where('role_category', '=', role).where('tier', '=', tier).execute();
  if (requirements.length === 0) return;
  await trx
    .insertInto('profile_templates')
    .values(
      requirements.map((r) => ({ role_category: role, tier, competency_id: r.competencyId, required_level: r.requiredLevel, criticality: r.criticality })),
    )
    .execute();
}

/**
 * When a new version of a framework is published, profiles and templates move
 * to the new version's competency of the same code (required level capped to
 * the new scale). Requirements on competencies the new version dropped stay on
 * the old ones, visible as such, for HR to decide. Assessments are untouched:
 * they keep the version they were made against.
 */
export async function repointProfiles(trx: Kysely<Database>, fromVersionId: string, toVersionId: string): Promise<number> {
  const moved = await sql`
    UPDATE position_requirements AS r
       SET competency_id = n.id, required_level = LEAST(r.required_level, v.level_count)
      FROM competencies AS o, competencies AS n, framework_versions AS v
     WHERE o.id = r.competency_id AND o.version_id = ${fromVersionId}
       AND n.version_id = ${toVersionId} AND n.code = o.code AND v.id = n.version_id`.execute(trx);
  await sql`
    UPDATE profile_templates AS t
       SET competency_id = n.id, required_level = LEAST(t.required_level, v.level_count)
      FROM competencies AS o, competencies AS n, framework_versions AS v
     WHERE o.id = t.competency_id AND o.version_id = ${fromVersionId}
       AND n.version_id = ${toVersionId} AND n.code = o.code AND v.id = n.version_id`.execute(trx);
  return Number(moved.numAffectedRows ?? 0);
}
