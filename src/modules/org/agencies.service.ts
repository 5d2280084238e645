import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { normalizeVietnamese } from '../../platform/text/vietnamese.js';
import { emit } from '../events.js';
import { agencyPolicy } from './agencies.policy.js';
import { findAgency, getAgency, insertHistory, rewriteSubtreePaths } from './agencies.repository.js';
import type { agencyCreateBody } from './org.schema.js';

type Trx = Transaction<Database>;

async function loadForWrite(trx: Trx, actor: Actor, id: string) {
  const agency = await findAgency(trx, id);
  if (!agency || !agencyPolicy.canRead(actor, agency)) throw notFound();
  if (!agencyPolicy.canWrite(actor, agency)) throw new AppError('forbidden', 403);
  if (agency.validTo) throw new AppError('agency_dissolved', 409, { id });
  return agency;
}

/** An agency the actor can see that still exists (404 outside scope, 409 once dissolved): a target for moves, merges, accounts. */
export async function liveAgencyInScope(trx: Trx, actor: Actor, id: string) {
  const target = await findAgency(trx, id);
  if (!target || !agencyPolicy.canRead(actor, target)) throw notFound({ id });
  if (target.validTo) throw new AppError('agency_dissolved', 409, { id });
  return target;
}

async function assertUnitExists(trx: Trx, adminUnitId: string) {
  const unit = await trx.selectFrom('admin_units').select('id').where('id', '=', adminUnitId).executeTakeFirst();
  if (!unit) throw new AppError('unknown_admin_unit', 400, { adminUnitId });
}

export type NewAgency = z.infer<typeof agencyCreateBody>;

export function createAgency(db: Db, actor: Actor, input: NewAgency) {
  return db.transaction().execute(async (trx) => {
    const parent = input.parentId ? await findAgency(trx, input.parentId) : null;
    if (input.parentId && (!parent || !agencyPolicy.canRead(actor, parent))) throw notFound({ parentId: input.parentId });
    if (!agencyPolicy.canAddChild(actor, parent ?? null)) throw new AppError('forbidden', 403);
    if (input.adminUnitId) await assertUnitExists(trx, input.adminUnitId);
    const id = crypto.randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    const row = {
      id,
      code: input.code.toUpperCase(),
      name: normalizeVietnamese(input.name),
      name_en: input.nameEn ?? null,
      kind: input.kind,
      parent_id: parent?.id ?? null,
      path,
      admin_unit_id: input.adminUnitId ?? null,
      valid_from: input.validFrom ?? null,
    };
    await trx.insertInto('agencies').values(row).execute();
    await insertHistory(trx, {
      agency_id: id,
      kind: 'created',
      effective_date: input.validFrom ?? today(),
      to_parent_id: row.parent_id,
      to_name: row.name,
      to_admin_unit_id: row.admin_unit_id,
      recorded_by: actor.userId,
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'agency', entityId: id, agencyPath: path, after: row });
    return getAgency(trx, id);
  });
}

/** Moves an agency (with its subtree) under another parent; people follow because scope reads the path. */
export function moveAgency(db: Db, actor: Actor, id: string, parentId: string, effectiveDate: string) {
  return db.transaction().execute(async (trx) => {
    const agency = await loadForWrite(trx, actor, id);
    const parent = await liveAgencyInScope(trx, actor, parentId);
    if (parent.path.startsWith(agency.path)) throw new AppError('agency_cycle', 400, { parentId });
    const newPath = `${parent.path}${agency.id}/`;
    await rewriteSubtreePaths(trx, agency.path, newPath);
    await trx.updateTable('agencies').set({ parent_id: parent.id, updated_at: new Date() }).where('id', '=', id).execute();
    await insertHistory(trx, {
      agency_id: id,
      kind: 'moved',
      effective_date: effectiveDate,
      from_parent_id: agency.parentId,
      to_parent_id: parent.id,
      recorded_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'move',
      entity: 'agency',
      entityId: id,
      agencyPath: newPath,
      relatedAgencyPaths: [agency.path],
      before: { parentId: agency.parentId, path: agency.path },
      after: { parentId: parent.id, path: newPath },
    });
    return getAgency(trx, id);
  });
}

/**
 * Merges an agency into another: it stops on the effective date, its staff are
 * transferred (their old assignments stay as history) and its sub-agencies move
 * under the successor.
 */
export function mergeAgency(db: Db, actor: Actor, id: string, intoId: string, effectiveDate: string) {
  return db.transaction().execute(async (trx) => {
    const agency = await loadForWrite(trx, actor, id);
    const into = await liveAgencyInScope(trx, actor, intoId);
    if (into.id === agency.id || into.path.startsWith(agency.path)) throw new AppError('agency_cycle', 400, { intoId });
    const children = await trx.selectFrom('agencies').select(['id', 'path']).where('parent_id', '=', id).where('valid_to', 'is', null).execute();
    for (const child of children) {
      const newPath = `${into.path}${child.id}/`;
      await rewriteSubtreePaths(trx, child.path, newPath);
      await trx.updateTable('agencies').set({ parent_id: into.id }).where('id', '=', child.id).execute();
      await insertHistory(trx, {
        agency_id: child.id,
        kind: 'moved',
        effective_date: effectiveDate,
        from_parent_id: id,
        to_parent_id: into.id,
        recorded_by: actor.userId,
      });
    }
    // Members move with the agency: the modules holding them react (people: staff transferred).
    const tally: Record<string, number> = {};
    await emit(trx, 'org.agencyMerged', { fromAgencyId: id, intoAgencyId: into.id, intoAdminUnitId: into.adminUnitId, effectiveDate, moved: tally });
    const moved = tally.people ?? 0;
    await trx.updateTable('agencies').set({ valid_to: effectiveDate, successor_id: into.id, updated_at: new Date() }).where('id', '=', id).execute();
    await insertHistory(trx, { agency_id: id, kind: 'merged', effective_date: effectiveDate, merged_into_id: into.id, recorded_by: actor.userId });
    await recordAudit(trx, actor, {
      action: 'merge',
      entity: 'agency',
      entityId: id,
      agencyPath: agency.path,
      relatedAgencyPaths: [into.path],
      after: { intoId: into.id, effectiveDate, peopleTransferred: moved, childrenMoved: children.length },
    });
    return { agency: await getAgency(trx, id), peopleTransferred: moved, childrenMoved: children.length };
  });
}

/** Re-ties an agency to another administrative unit (e.g. its commune after the 2025 merger). */
export function changeAgencyUnit(db: Db, actor: Actor, id: string, adminUnitId: string, effectiveDate: string) {
  return db.transaction().execute(async (trx) => {
    const agency = await loadForWrite(trx, actor, id);
    await assertUnitExists(trx, adminUnitId);
    await trx.updateTable('agencies').set({ admin_unit_id: adminUnitId, updated_at: new Date() }).where('id', '=', id).execute();
    await insertHistory(trx, {
      agency_id: id,
      kind: 'unit_changed',
      effective_date: effectiveDate,
      from_admin_unit_id: agency.adminUnitId,
      to_admin_unit_id: adminUnitId,
      recorded_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'agency',
      entityId: id,
      agencyPath: agency.path,
      before: { adminUnitId: agency.adminUnitId },
      after: { adminUnitId, effectiveDate },
    });
    return getAgency(trx, id);
  });
}

/** Renames an agency from a date; the old name stays in its history, so old records can still be read under it. */
export function renameAgency(db: Db, actor: Actor, id: string, input: { name: string; nameEn?: string | null; effectiveDate: string }) {
  return db.transaction().execute(async (trx) => {
    const agency = await loadForWrite(trx, actor, id);
    const name = normalizeVietnamese(input.name);
    const nameEn = input.nameEn === undefined ? agency.nameEn : input.nameEn;
    await trx.updateTable('agencies').set({ name, name_en: nameEn, updated_at: new Date() }).where('id', '=', id).execute();
    await insertHistory(trx, {
      agency_id: id,
      kind: 'renamed',
      effective_date: input.effectiveDate,
      from_name: agency.name,
      to_name: name,
      recorded_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'agency',
      entityId: id,
      agencyPath: agency.path,
      before: { name: agency.name, nameEn: agency.nameEn },
      after: { name, nameEn, effectiveDate: input.effectiveDate },
    });
    return getAgency(trx, id);
  });
}

/**
 * Dissolves an agency that no longer has work: it stops on the effective date
 * and stays in history. One that still has active staff or sub-agencies is
 * refused, since dissolving it would leave them nowhere; merge it instead.
 */
export function dissolveAgency(db: Db, actor: Actor, id: string, effectiveDate: string) {
  return db.transaction().execute(async (trx) => {
    const agency = await loadForWrite(trx, actor, id);
    const { staff } = await trx
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('staff'))
      .where('agency_id', '=', id)
      .where('status', 'in', ['active', 'on_leave'])
      .executeTakeFirstOrThrow();
    const { children } = await trx
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll<string>().as('children'))
      .where('parent_id', '=', id)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(staff) > 0 || Number(children) > 0) throw new AppError('agency_not_empty', 409, { staff: Number(staff), children: Number(children) });
    await trx.updateTable('agencies').set({ valid_to: effectiveDate, updated_at: new Date() }).where('id', '=', id).execute();
    await insertHistory(trx, { agency_id: id, kind: 'dissolved', effective_date: effectiveDate, recorded_by: actor.userId });
    await recordAudit(trx, actor, {
      action: 'delete',
      entity: 'agency',
      entityId: id,
      agencyPath: agency.path,
      before: { validTo: null },
      after: { validTo: effectiveDate },
    });
    return getAgency(trx, id);
  });
}
