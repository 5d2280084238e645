import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import type { UnitTier } from './admin-units.model.js';

export const unitColumns = [
  'u.id',
  'u.code',
  'u.tier',
  'u.era',
  'u.kind',
  'u.name',
  'u.full_name as fullName',
  'u.name_en as nameEn',
  'u.parent_id as parentId',
  'u.province_id as provinceId',
  'u.valid_from as validFrom',
  'u.valid_to as validTo',
  'u.current_unit_id as currentUnitId',
  'u.current_province_id as currentProvinceId',
] as const;

/** Half-open validity test on a unit alias, for "as of" queries. */
export const validOn = (alias: string, date: string) =>
  sql<boolean>`(${sql.ref(`${alias}.valid_from`)} IS NULL OR ${sql.ref(`${alias}.valid_from`)} <= ${date}::date)
    AND (${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} > ${date}::date)`;

export interface UnitListFilter {
  asOf: string;
  tier?: UnitTier;
  parentId?: string;
  provinceId?: string;
  search?: string;
  limit: number;
  offset: number;
}

export function listUnits(db: Db, f: UnitListFilter) {
  let query = db.selectFrom('admin_units as u').where(validOn('u', f.asOf));
  if (f.tier) query = query.where('u.tier', '=', f.tier);
  if (f.parentId) query = query.where('u.parent_id', '=', f.parentId);
  if (f.provinceId) query = query.where('u.province_id', '=', f.provinceId);
  if (f.search) query = query.where('u.search_name', 'like', f.search);
  return Promise.all([
    query.select(unitColumns).orderBy('u.code').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]).then(([items, { n }]) => ({ items, total: Number(n) }));
}

export function findUnit(db: Db, id: string) {
  return db.selectFrom('admin_units as u').select(unitColumns).where('u.id', '=', id).executeTakeFirst();
}

export function findUnitByCode(db: Db, code: string, tier: UnitTier, onDate: string) {
  return db
    .selectFrom('admin_units as u')
    .select(unitColumns)
    .where('u.code', '=', code)
    .where('u.tier', '=', tier)
    .where(validOn('u', onDate))
    .executeTakeFirst();
}

/** Ancestors of a unit, nearest first (province last). */
export async function ancestorsOf(db: Db, id: string) {
  const { rows } = await sql<{ id: string; code: string; tier: UnitTier; name: string; fullName: string; depth: number }>`
    WITH RECURSIVE up AS (
      SELECT parent_id, 0 AS depth FROM admin_units WHERE id = ${id}
      UNION ALL
      SELECT u.parent_id, up.depth + 1 FROM admin_units u JOIN up ON u.id = up.parent_id
    )
    SELECT u.id, u.code, u.tier, u.name, u.full_name AS "fullName", up.depth::int AS depth
    FROM up JOIN admin_units u ON u.id = up.parent_id ORDER BY up.depth`.execute(db);
  return rows;
}

/** Direct succession links of a unit, both ways, with the event that made them. */
export async function linksOf(db: Db, id: string) {
  const base = db
    .selectFrom('admin_unit_links as l')
    .innerJoin('admin_unit_events as e', 'e.id', 'l.event_id')
    .select(['e.kind as eventKind', 'e.effective_date as effectiveDate', 'e.legal_basis as legalBasis']);
  const [predecessors, successors] = await Promise.all([
    base.innerJoin('admin_units as u', 'u.id', 'l.predecessor_id').select(unitColumns).where('l.successor_id', '=', id).orderBy('u.code').execute(),
    base.innerJoin('admin_units as u', 'u.id', 'l.successor_id').select(unitColumns).where('l.predecessor_id', '=', id).orderBy('u.code').execute(),
  ]);
  return { predecessors, successors };
}

/**
 * Units that carry a unit's territory on a date: the unit itself while it exists,
 * otherwise its successors, followed through as many reorganisations as happened.
 */
export async function successorsOn(db: Db, id: string, date: string) {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE chain AS (
      SELECT id FROM admin_units WHERE id = ${id}
      UNION
      SELECT l.successor_id FROM admin_unit_links l
      JOIN chain c ON l.predecessor_id = c.id
      JOIN admin_units p ON p.id = c.id
      WHERE NOT ((p.valid_from IS NULL OR p.valid_from <= ${date}::date) AND (p.valid_to IS NULL OR p.valid_to > ${date}::date))
    )
    SELECT c.id FROM chain c JOIN admin_units u ON u.id = c.id
    WHERE (u.valid_from IS NULL OR u.valid_from <= ${date}::date) AND (u.valid_to IS NULL OR u.valid_to > ${date}::date)`.execute(db);
  if (rows.length === 0) return [];
  return db
    .selectFrom('admin_units as u')
    .select(unitColumns)
    .where(
      'u.id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('u.code')
    .execute();
}
