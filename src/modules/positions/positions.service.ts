import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { normalizeVietnamese } from '../../platform/text/vietnamese.js';
import { positionsPolicy } from './positions.policy.js';
import * as repo from './positions.repository.js';
import type { AdminTier, RoleCategory } from './positions.tables.js';
import { templateRequirement } from './profile-templates.js';

/** Job positions and their competency profiles: each change one transaction with its audit record. */

type Executor = Db | Transaction<Database>;

async function writablePosition(db: Executor, actor: Actor, id: string) {
  const position = await repo.findPosition(db, id);
  // Out of scope answers like absent: an HR officer of Đà Nẵng learns nothing about Hà Nội.
  if (!position || !positionsPolicy.canRead(actor, position)) throw notFound();
  if (!positionsPolicy.canWrite(actor, position)) throw new AppError('forbidden', 403);
  return position;
}

/** Every requirement must name a competency of a published version the caller may use, within its scale. */
async function checkRequirements(db: Executor, actor: Actor | null, requirements: repo.RequirementInput[]): Promise<void> {
  const allowed = new Map((await repo.profileCompetencies(db, actor)).map((c) => [c.id, c.levelCount]));
  const bad = requirements.filter((r) => {
    const levels = allowed.get(r.competencyId);
    return levels === undefined || r.requiredLevel > levels;
  });
  if (bad.length > 0) throw new AppError('position_competency_invalid', 422, { competencyIds: bad.map((r) => r.competencyId) });
}

export interface PositionInput {
  agencyId?: string;
  code: string;
  title: { vi: string; en: string };
  roleCategory: RoleCategory;
  tier: AdminTier;
  fromTemplate?: boolean;
}

export async function createPosition(db: Db, actor: Actor, input: PositionInput): Promise<{ id: string }> {
  const agency = await repo.findAgency(db, input.agencyId ?? actor.agencyId);
  if (!agency || !positionsPolicy.canRead(actor, { agencyPath: agency.path })) throw notFound();
  if (!positionsPolicy.canWrite(actor, { agencyPath: agency.path })) throw new AppError('forbidden', 403);
  return db.transaction().execute(async (trx) => {
    const values = {
      agencyId: agency.id,
      code: normalizeVietnamese(input.code).toUpperCase(),
      titleVi: normalizeVietnamese(input.title.vi),
      titleEn: normalizeVietnamese(input.title.en),
      roleCategory: input.roleCategory,
      tier: input.tier,
    };
    const id = await repo.insertPosition(trx, values);
    const requirements = input.fromTemplate ? await repo.templateRequirements(trx, input.roleCategory, input.tier) : [];
    await repo.replaceRequirements(trx, id, requirements);
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'position',
      entityId: id,
      agencyPath: agency.path,
      after: { ...values, requirements: requirements.length },
    });
    return { id };
  });
}

export async function updatePosition(db: Db, actor: Actor, id: string, input: Omit<PositionInput, 'agencyId' | 'code' | 'fromTemplate'>): Promise<void> {
  const position = await writablePosition(db, actor, id);
  await db.transaction().execute(async (trx) => {
    const values = {
      titleVi: normalizeVietnamese(input.title.vi),
      titleEn: normalizeVietnamese(input.title.en),
      roleCategory: input.roleCategory,
      tier: input.tier,
    };
    await repo.updatePosition(trx, id, values);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'position',
      entityId: id,
      agencyPath: position.agencyPath,
      before: { titleVi: position.titleVi, titleEn: position.titleEn, roleCategory: position.roleCategory, tier: position.tier },
      after: values,
    });
  });
}

export async function deletePosition(db: Db, actor: Actor, id: string): Promise<void> {
  const position = await writablePosition(db, actor, id);
  await db.transaction().execute(async (trx) => {
    const before = await repo.requirementsOf(trx, [id]);
    await trx.deleteFrom('positions').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'delete',
      entity: 'position',
      entityId: id,
      agencyPath: position.agencyPath,
      before: { code: position.code, titleVi: position.titleVi, requirements: before },
    });
  });
}

export async function replaceProfile(db: Db, actor: Actor, id: string, requirements: repo.RequirementInput[]): Promise<void> {
  const position = await writablePosition(db, actor, id);
  await checkRequirements(db, actor, requirements);
  await db.transaction().execute(async (trx) => {
    const before = await repo.requirementsOf(trx, [id]);
    await repo.replaceRequirements(trx, id, requirements);
    await recordAudit(trx, actor, { action: 'update_profile', entity: 'position', entityId: id, agencyPath: position.agencyPath, before, after: requirements });
  });
}

/** Reset a profile to the template of the position's role and tier. */
export async function applyTemplate(db: Db, actor: Actor, id: string): Promise<void> {
  const position = await writablePosition(db, actor, id);
  const template = await repo.templateRequirements(db, position.roleCategory, position.tier);
  await replaceProfile(
    db,
    actor,
    id,
    template.map((t) => ({ competencyId: t.competencyId, requiredLevel: t.requiredLevel, criticality: t.criticality })),
  );
}

export interface MatrixChange {
  positionId: string;
  competencyId: string;
  /** null removes the requirement. */
  requiredLevel: number | null;
  criticality: number;
}

/**
 * The matrix editor saves many cells at once: all of them or none. Any
 * position out of the caller's reach fails the whole batch.
 */
export async function applyMatrixChanges(db: Db, actor: Actor, changes: MatrixChange[]): Promise<{ changed: number }> {
  const positions = new Map<string, repo.PositionRow>();
  for (const id of new Set(changes.map((c) => c.positionId))) positions.set(id, await writablePosition(db, actor, id));
  const setting = changes
    .filter((c) => c.requiredLevel !== null)
    .map((c) => ({ competencyId: c.competencyId, requiredLevel: c.requiredLevel!, criticality: c.criticality }));
  await checkRequirements(db, actor, setting);
  await db.transaction().execute(async (trx) => {
    for (const [id, position] of positions) {
      const mine = changes.filter((c) => c.positionId === id);
      const before = await repo.requirementsOf(trx, [id]);
      for (const change of mine) {
        if (change.requiredLevel === null) await repo.removeRequirement(trx, id, change.competencyId);
        else await repo.setRequirement(trx, id, { competencyId: change.competencyId, requiredLevel: change.requiredLevel, criticality: change.criticality });
      }
      await recordAudit(trx, actor, { action: 'update_profile', entity: 'position', entityId: id, agencyPath: position.agencyPath, before, after: mine });
    }
  });
  return { changed: changes.length };
}

export async function replaceTemplate(db: Db, actor: Actor, role: RoleCategory, tier: AdminTier, requirements: repo.RequirementInput[]): Promise<void> {
  if (!positionsPolicy.canEditTemplates(actor)) throw new AppError('forbidden', 403);
  await checkRequirements(db, null, requirements);
  await db.transaction().execute(async (trx) => {
    const before = await repo.templateRequirements(trx, role, tier);
    await repo.replaceTemplate(trx, role, tier, requirements);
    await recordAudit(trx, actor, { action: 'update', entity: 'profile_template', entityId: `${role}/${tier}`, agencyPath: null, before, after: requirements });
  });
}

/** Seed hook: the national templates for every role x tier from the competencies of a published version. */
export async function seedProfileTemplates(trx: Transaction<Database>, versionId: string): Promise<void> {
  const competencies = await trx
    .selectFrom('competencies as c')
    .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
    .select(['c.id', 'c.code', 'g.code as groupCode'])
    .where('c.version_id', '=', versionId)
    .where('c.parent_id', 'is', null)
    .execute();
  const roles: RoleCategory[] = ['leader', 'manager', 'professional', 'support'];
  const tiers: AdminTier[] = ['central', 'province', 'commune', 'district'];
  for (const role of roles) {
    for (const tier of tiers) {
      await repo.replaceTemplate(
        trx,
        role,
        tier,
        competencies.map((c) => ({ competencyId: c.id, ...templateRequirement(role, tier, c.groupCode, c.code) })),
      );
    }
  }
}
