import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { foldForSearch } from '../../../platform/text/vietnamese.js';
import type { GeographyView, NewUnit, UnitView } from './unit-changes.model.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Every unit and succession link (about 14,000 units): the planners work on this snapshot in memory. */
export async function loadGeography(db: Executor): Promise<GeographyView> {
  const [units, links] = await Promise.all([
    db
      .selectFrom('admin_units')
      .select([
        'id',
        'code',
        'tier',
        'era',
        'kind',
        'name',
        'full_name as fullName',
        'parent_id as parentId',
        'province_id as provinceId',
        'valid_from as validFrom',
        'valid_to as validTo',
      ])
      .execute(),
    db.selectFrom('admin_unit_links').select(['predecessor_id', 'successor_id']).orderBy('predecessor_id').orderBy('successor_id').execute(),
  ]);
  const successors = new Map<string, string[]>();
  for (const l of links) successors.set(l.predecessor_id, [...(successors.get(l.predecessor_id) ?? []), l.successor_id]);
  return { units: new Map(units.map((u) => [u.id, u as UnitView])), successors };
}

export async function insertUnit(trx: Executor, u: NewUnit): Promise<void> {
  await trx
    .insertInto('admin_units')
    .values({
      id: u.id,
      code: u.code,
      tier: u.tier,
      era: 'later',
      kind: u.kind,
      name: u.name,
      full_name: u.fullName,
      name_en: null,
      full_name_en: null,
      search_name: foldForSearch(u.fullName),
      parent_id: u.parentId,
      province_id: u.provinceId,
      valid_from: u.validFrom,
      valid_to: null,
      current_unit_id: u.id,
      current_province_id: u.provinceId,
    })
    .execute();
}

export async function renameUnit(trx: Executor, id: string, to: { kind: string; name: string; fullName: string }): Promise<void> {
  await trx
    .updateTable('admin_units')
    .set({ kind: to.kind, name: to.name, full_name: to.fullName, search_name: foldForSearch(to.fullName) })
    .where('id', '=', id)
    .execute();
}

/** A succession link in the event of its successor on that date (the event is made when missing). */
export async function link(
  trx: Executor,
  e: { date: string; kind: 'merge' | 'split' | 'rename' | 'continue'; basis: string },
  predecessorId: string,
  successorId: string,
) {
  const eventId = `${e.date}:${successorId}`;
  await trx
    .insertInto('admin_unit_events')
    .values({ id: eventId, effective_date: e.date, kind: e.kind, legal_basis: e.basis })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await trx
    .insertInto('admin_unit_links')
    .values({ event_id: eventId, predecessor_id: predecessorId, successor_id: successorId })
    .onConflict((oc) => oc.columns(['predecessor_id', 'successor_id']).doNothing())
    .execute();
}

export async function unlink(trx: Executor, date: string, predecessorId: string, successorIds: string[]) {
  if (successorIds.length === 0) return;
  await trx.deleteFrom('admin_unit_links').where('predecessor_id', '=', predecessorId).where('successor_id', 'in', successorIds).execute();
  // An event left without links described a succession that no longer holds.
  const eventIds = successorIds.map((s) => `${date}:${s}`);
  await sql`DELETE FROM admin_unit_events e WHERE e.id = ANY(${eventIds}::text[])
    AND NOT EXISTS (SELECT 1 FROM admin_unit_links l WHERE l.event_id = e.id)`.execute(trx);
}

/** Units whose roll-up pointed at `fromId` (itself and every predecessor rolled into it) now roll up into `to`. */
export async function moveRollUp(trx: Executor, fromId: string, to: { id: string; provinceId: string }) {
  await trx.updateTable('admin_units').set({ current_unit_id: to.id, current_province_id: to.provinceId }).where('current_unit_id', '=', fromId).execute();
}

/**
 * A commune of a merged or split province, and every older unit rolled up into
 * it, now count in `toProvinceId` (only what still counted in the old province).
 */
export async function moveProvinceRollUp(trx: Executor, communeId: string, fromProvinceId: string, toProvinceId: string) {
  await trx
    .updateTable('admin_units')
    .set({ current_province_id: toProvinceId })
    .where('current_unit_id', '=', communeId)
    .where('current_province_id', '=', fromProvinceId)
    .execute();
}

export async function moveProvinceRest(trx: Executor, fromProvinceId: string, toProvinceId: string) {
  await trx.updateTable('admin_units').set({ current_province_id: toProvinceId }).where('current_province_id', '=', fromProvinceId).execute();
}

export async function setRollUp(trx: Executor, id: string, to: { id: string; provinceId: string }) {
  await trx.updateTable('admin_units').set({ current_unit_id: to.id, current_province_id: to.provinceId }).where('id', '=', id).execute();
}

export async function closeUnit(trx: Executor, id: string, date: string) {
  await trx.updateTable('admin_units').set({ valid_to: date }).where('id', '=', id).execute();
}

export function listChangeSets(db: Executor) {
  return db
    .selectFrom('admin_unit_change_sets as s')
    .leftJoin('users as u', 'u.id', 's.imported_by')
    .select([
      's.id',
      's.kind',
      's.effective_date as effectiveDate',
      's.legal_basis as legalBasis',
      's.file_name as fileName',
      's.file_sha256 as fileSha256',
      's.rows_read as rowsRead',
      's.changes',
      's.imported_at as importedAt',
      'u.display_name as importedBy',
    ])
    .orderBy('s.imported_at', 'desc')
    .execute();
}

export function changesOf(db: Executor, changeSetId: string) {
  return db
    .selectFrom('admin_unit_changes as c')
    .innerJoin('admin_units as u', 'u.id', 'c.unit_id')
    .select(['c.position', 'c.kind', 'c.unit_id as unitId', 'u.code as unitCode', 'c.effective_date as effectiveDate', 'c.before', 'c.after'])
    .where('c.change_set_id', '=', changeSetId)
    .orderBy('c.position')
    .execute();
}

/** The history of one unit: every imported change that touched it, oldest first. */
export function historyOfUnit(db: Executor, unitId: string) {
  return db
    .selectFrom('admin_unit_changes as c')
    .innerJoin('admin_unit_change_sets as s', 's.id', 'c.change_set_id')
    .select(['c.change_set_id as changeSetId', 'c.kind', 'c.effective_date as effectiveDate', 'c.before', 'c.after', 's.imported_at as importedAt'])
    .where('c.unit_id', '=', unitId)
    .orderBy('s.imported_at')
    .orderBy('c.position')
    .execute();
}
