import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import { escapeLike } from '../../platform/text/like.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import type { PersonStatus } from './people.tables.js';

type Executor = Db | Transaction<Database>;

export const personColumns = [
  'p.id',
  'p.staff_code as staffCode',
  'p.full_name as fullName',
  'p.date_of_birth as dateOfBirth',
  'p.gender',
  'p.role_category as roleCategory',
  'p.rank',
  'p.email',
  'p.phone',
  'p.status',
  'p.position_id as positionId',
  'pos.code as positionCode',
  'pos.title_vi as positionTitle',
  'p.agency_id as agencyId',
  'a.name as agencyName',
  'a.path as agencyPath',
] as const;

export interface PeopleFilter {
  /** Accent-folded LIKE pattern on the name, or an upper-case staff-code prefix. */
  namePattern?: string;
  codePrefix?: string;
  agencyPath?: string;
  status?: PersonStatus;
  sort: 'name' | 'staffCode';
  limit: number;
  offset: number;
}

export async function listPeople(db: Executor, actor: Actor, f: PeopleFilter) {
  let query = db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .leftJoin('positions as pos', 'pos.id', 'p.position_id')
    .where(scopeCondition(actor, 'a.path'));
  if (f.namePattern) {
    const { namePattern, codePrefix } = f;
    query = query.where((eb) => eb.or([eb('p.search_name', 'like', namePattern), eb('p.staff_code', 'like', codePrefix ?? '')]));
  }
  if (f.agencyPath) query = query.where('a.path', 'like', escapeLike(f.agencyPath) + '%');
  if (f.status) query = query.where('p.status', '=', f.status);
  const ordered =
    f.sort === 'name'
      ? // Bytewise order of the precomputed Vietnamese key: given name, middle name, surname.
        query.orderBy(sql`p.name_sort_key COLLATE "C" NULLS LAST`).orderBy('p.staff_code')
      : query.orderBy('p.staff_code');
  const [items, total] = await Promise.all([
    ordered.select(personColumns).limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

const personQuery = (db: Executor, id: string) =>
  db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .leftJoin('positions as pos', 'pos.id', 'p.position_id')
    .select(personColumns)
    .where('p.id', '=', id);

export function findPerson(db: Executor, id: string) {
  return personQuery(db, id).executeTakeFirst();
}

/** A person who must exist (one just written in the same transaction). */
export function getPerson(db: Executor, id: string) {
  return personQuery(db, id).executeTakeFirstOrThrow();
}

/**
 * A person's posts over time. Each names the unit of its own date and, beside
 * it, the unit and province that unit has become today (for roll-up reports).
 */
export function assignmentsOf(db: Executor, personId: string) {
  return db
    .selectFrom('person_assignments as s')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .leftJoin('admin_units as u', 'u.id', 's.admin_unit_id')
    .leftJoin('admin_units as cu', 'cu.id', 'u.current_unit_id')
    .leftJoin('admin_units as cp', 'cp.id', 'u.current_province_id')
    .leftJoin('positions as pos', 'pos.id', 's.position_id')
    .select([
      'pos.title_vi as positionTitle',
      's.id',
      's.agency_id as agencyId',
      'a.name as agencyName',
      's.position_id as positionId',
      's.role_category as roleCategory',
      's.rank',
      's.status',
      's.valid_from as validFrom',
      's.valid_to as validTo',
      's.reason',
      's.admin_unit_id as adminUnitId',
      'u.full_name as adminUnitName',
      'cu.full_name as currentUnitName',
      'cp.full_name as currentProvinceName',
    ])
    .where('s.person_id', '=', personId)
    .orderBy('s.valid_from', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
}
