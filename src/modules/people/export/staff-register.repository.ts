import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { scopeCondition } from '../../../platform/auth/scope.js';
import type { Db } from '../../../platform/db/engine.js';
import { escapeLike } from '../../../platform/text/like.js';
import type { RegisterPerson } from './staff-register.xlsx.js';
import type { CodeLists } from './staff-sheet.lists.js';

/** The people of an agency subtree (the caller's scope already applied), by staff code. */
export async function registerPeople(db: Db, actor: Actor, agencyPath: string | null): Promise<RegisterPerson[]> {
  let query = db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .leftJoin('positions as pos', 'pos.id', 'p.position_id')
    .where(scopeCondition(actor, 'a.path'));
  if (agencyPath) query = query.where('a.path', 'like', escapeLike(agencyPath) + '%');
  return query
    .select([
      'p.staff_code as staffCode',
      'p.full_name as fullName',
      sql<string | null>`to_char(p.date_of_birth, 'YYYY-MM-DD')`.as('dateOfBirth'),
      'p.gender',
      'a.code as agencyCode',
      'pos.code as positionCode',
      'p.role_category as roleCategory',
      'p.rank',
      'p.email',
      'p.phone',
      'p.status',
    ])
    .orderBy('p.staff_code')
    .execute();
}

/**
 * The codes a staff sheet's dropdowns offer: the open agencies of the
 * caller's scope, and the posts those agencies' people may hold (their own
 * agencies' and those above them, as the importer checks).
 */
export async function staffCodeLists(db: Db, actor: Actor): Promise<CodeLists> {
  const agencies = await db
    .selectFrom('agencies as a')
    .select(['a.code', 'a.path'])
    .where(scopeCondition(actor, 'a.path'))
    .where('a.valid_to', 'is', null)
    .orderBy('a.code')
    .execute();
  const { rows: positions } = await sql<{ code: string }>`
    SELECT DISTINCT p.code FROM positions p JOIN agencies a ON a.id = p.agency_id
    WHERE ${scopeCondition(actor, 'a.path')} OR ${actor.agencyPath} LIKE a.path || '%'
    ORDER BY p.code`.execute(db);
  return { agencyCodes: agencies.map((a) => a.code), positionCodes: positions.map((p) => p.code) };
}
