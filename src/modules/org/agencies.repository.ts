import { sql, type Insertable, type Transaction } from 'kysely';
import type { AgencyHistoryTable } from './agencies.tables.js';
import { emit } from '../events.js';
import { escapeLike } from '../../platform/text/like.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';

type Executor = Db | Transaction<Database>;

export const agencyColumns = [
  'a.id',
  'a.code',
  'a.name',
  'a.name_en as nameEn',
  'a.kind',
  'a.parent_id as parentId',
  'a.path',
  'a.admin_unit_id as adminUnitId',
  'a.valid_from as validFrom',
  'a.valid_to as validTo',
  'a.successor_id as successorId',
] as const;

const agencyQuery = (db: Executor, id: string) =>
  db
    .selectFrom('agencies as a')
    .leftJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
    .select([...agencyColumns, 'u.full_name as adminUnitName', 'u.tier as adminUnitTier'])
    .where('a.id', '=', id);

export function findAgency(db: Executor, id: string) {
  return agencyQuery(db, id).executeTakeFirst();
}

/** An agency that must exist (one just written in the same transaction). */
export function getAgency(db: Executor, id: string) {
  return agencyQuery(db, id).executeTakeFirstOrThrow();
}

export function agencyHistory(db: Executor, agencyId: string) {
  return db
    .selectFrom('agency_history as h')
    .leftJoin('agencies as fp', 'fp.id', 'h.from_parent_id')
    .leftJoin('agencies as tp', 'tp.id', 'h.to_parent_id')
    .leftJoin('agencies as m', 'm.id', 'h.merged_into_id')
    .leftJoin('admin_units as fu', 'fu.id', 'h.from_admin_unit_id')
    .leftJoin('admin_units as tu', 'tu.id', 'h.to_admin_unit_id')
    .select([
      'h.id',
      'h.kind',
      'h.effective_date as effectiveDate',
      'h.from_name as fromName',
      'h.to_name as toName',
      'fp.name as fromParentName',
      'tp.name as toParentName',
      'm.name as mergedIntoName',
      'fu.full_name as fromUnitName',
      'tu.full_name as toUnitName',
      'h.recorded_at as recordedAt',
    ])
    .where('h.agency_id', '=', agencyId)
    .orderBy('h.effective_date')
    .orderBy('h.id')
    .execute();
}

/**
 * Rewrites the materialised path of an agency and its whole subtree in one
 * statement, then lets the tables that copy paths for subtree filters (the
 * training-needs summaries) follow, so the subtree's figures move with it.
 */
export async function rewriteSubtreePaths(trx: Executor, oldPrefix: string, newPrefix: string) {
  await sql`UPDATE agencies SET path = ${newPrefix} || substr(path, ${oldPrefix.length + 1}), updated_at = now()
            WHERE path LIKE ${likePrefix(oldPrefix)}`.execute(trx);
  await emit(trx, 'org.agencyPathsRewritten', { newPathsLike: likePrefix(newPrefix) });
}

const likePrefix = (prefix: string) => escapeLike(prefix) + '%';

export function insertHistory(trx: Executor, row: Insertable<AgencyHistoryTable>) {
  return trx.insertInto('agency_history').values(row).execute();
}
