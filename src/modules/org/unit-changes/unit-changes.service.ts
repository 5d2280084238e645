import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/engine.js';
import { AppError } from '../../../platform/errors.js';
import { REFORM_2025_DATE } from '../admin-units.model.js';
import { planChangeSet } from './change-set.plan.js';
import { planCrosswalk, sameUnitName } from './crosswalk.plan.js';
import { readSheetRows } from './sheet-rows.js';
import type { ChangePlan, GeographyView, PlannedChange } from './unit-changes.model.js';
import * as repo from './unit-changes.repository.js';
import { emit } from '../../events.js';

export type ChangeFileKind = 'crosswalk' | 'changes';
const CROSSWALK_BASIS = 'Bảng chuyển đổi ĐVHC mới – cũ (Cục Thống kê)';

async function plan(
  executor: Db | Parameters<typeof repo.loadGeography>[0],
  kind: ChangeFileKind,
  bytes: Buffer,
): Promise<ChangePlan & { legalBasis: string }> {
  const read = await readSheetRows(bytes);
  if (!read.ok) return { effectiveDate: '', rowsRead: 0, changes: [], unchanged: 0, errors: [read.issue], warnings: [], legalBasis: '' };
  const geo = await repo.loadGeography(executor);
  return kind === 'crosswalk' ? { ...planCrosswalk(read.rows, geo), legalBasis: CROSSWALK_BASIS } : planChangeSet(read.rows, geo);
}

/** What the file would change, row by row, without changing anything; a file with errors is refused as the import would refuse it. */
export async function previewUnitChanges(db: Db, kind: ChangeFileKind, bytes: Buffer) {
  const planned = await plan(db, kind, bytes);
  if (planned.errors.length > 0) throw new AppError('admin_unit_changes_invalid', 422, { issues: planned.errors });
  return planned;
}

/**
 * Applies a crosswalk or change set: all or nothing, planned again inside the
 * transaction (what is applied is what the file says against the data of that moment),
 * each change kept with its before and after, one audit event for the set.
 */
export async function importUnitChanges(db: Db, actor: Actor, kind: ChangeFileKind, bytes: Buffer, fileName: string) {
  return db.transaction().execute(async (trx) => {
    const planned = await plan(trx, kind, bytes);
    if (planned.errors.length > 0) throw new AppError('admin_unit_changes_invalid', 422, { issues: planned.errors });
    if (planned.changes.length === 0) throw new AppError('admin_unit_changes_empty', 422, { unchanged: planned.unchanged });
    const geo = await repo.loadGeography(trx);
    const set = await trx
      .insertInto('admin_unit_change_sets')
      .values({
        kind,
        effective_date: planned.effectiveDate,
        legal_basis: planned.legalBasis,
        file_name: fileName,
        file_sha256: createHash('sha256').update(bytes).digest('hex'),
        rows_read: planned.rowsRead,
        changes: planned.changes.length,
        imported_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let position = 0;
    for (const change of planned.changes) {
      await apply(trx, geo, change, planned);
      await trx
        .insertInto('admin_unit_changes')
        .values({
          change_set_id: set.id,
          position: ++position,
          kind: change.kind,
          unit_id: change.unitId,
          effective_date: change.kind === 'relink' ? REFORM_2025_DATE : effectiveDateOf(change, planned),
          before: JSON.stringify(change.before),
          after: JSON.stringify(change.after),
        })
        .execute();
    }
    await recordAudit(trx, actor, {
      action: `admin_units.import:${kind}`,
      entity: 'admin_unit_change_set',
      entityId: set.id,
      agencyPath: actor.agencyPath,
      before: null,
      after: {
        fileName,
        rowsRead: planned.rowsRead,
        changes: planned.changes.map((c) => ({ kind: c.kind, unit: c.unitCode, before: c.before, after: c.after })),
      },
    });
    return { changeSetId: set.id, ...planned };
  });
}

const effectiveDateOf = (change: PlannedChange, planned: ChangePlan) =>
  change.after.validTo && change.after.validTo !== change.before.validTo ? change.after.validTo : planned.effectiveDate;

type Trx = Parameters<typeof repo.loadGeography>[0];

async function apply(trx: Trx, geo: GeographyView, change: PlannedChange, planned: ChangePlan & { legalBasis: string }) {
  const basis = planned.legalBasis || CROSSWALK_BASIS;
  switch (change.kind) {
    case 'rename':
    case 'upgrade':
      // In place: the code and id stay, so every agency, person and report on the unit shows the new name; the old one is in the history.
      await repo.renameUnit(trx, change.unitId, { kind: change.after.kind!, name: change.after.name!, fullName: change.after.fullName! });
      return;
    case 'relink': {
      const before = change.before.successors!.map((s) => s.id);
      const after = change.after.successors!.map((s) => s.id);
      await repo.unlink(
        trx,
        REFORM_2025_DATE,
        change.unitId,
        before.filter((id) => !after.includes(id)),
      );
      for (const id of after) await repo.link(trx, { date: REFORM_2025_DATE, kind: after.length > 1 ? 'split' : 'merge', basis }, change.unitId, id);
      const primary = primaryOf(geo, change.unitName, after);
      await repo.setRollUp(trx, change.unitId, { id: primary, provinceId: geo.units.get(primary)!.provinceId });
      return;
    }
    case 'merge':
    case 'split': {
      for (const unit of change.creates ?? []) {
        await repo.insertUnit(trx, unit);
        geo.units.set(unit.id, { ...unit, era: 'later', validTo: null });
      }
      const date = change.after.validTo ?? planned.effectiveDate;
      const added = change.after.successors!.filter((s) => !change.before.successors!.some((b) => b.id === s.id)).map((s) => s.id);
      for (const id of added) await repo.link(trx, { date, kind: change.kind, basis }, change.unitId, id);
      // A province's communes stay the units they are; today's geography counts them in the province they went to.
      for (const move of change.communeMoves ?? []) await repo.moveProvinceRollUp(trx, move.unitId, change.unitId, move.toProvinceId);
      if (change.after.validTo !== change.before.validTo) {
        await repo.closeUnit(trx, change.unitId, date);
        const primary = primaryOf(geo, change.unitName, added);
        await repo.moveRollUp(trx, change.unitId, { id: primary, provinceId: geo.units.get(primary)!.provinceId });
        // What else still counted in a closed province (its districts, before 2025) goes with its name.
        if (change.communeMoves) await repo.moveProvinceRest(trx, change.unitId, geo.units.get(primary)!.provinceId);
      }
      if (change.communeMoves) await emit(trx, 'org.provincesReassigned', { provinceIds: [change.unitId, ...added] });
      return;
    }
  }
}

/** The successor that keeps the old name, else the first the file lists (as the shipped succession does). */
function primaryOf(geo: GeographyView, oldName: string, successorIds: string[]): string {
  return successorIds.find((id) => sameUnitName(geo.units.get(id)?.fullName ?? '', oldName)) ?? successorIds[0]!;
}
