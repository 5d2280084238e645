import type { Db } from '../../platform/db/engine.js';

type Executor = Pick<Db, 'selectFrom'>;

export type SignInProblem = 'no_account' | 'inactive';

/**
 * Which of these people cannot sign in, and why: no account linked to their
 * staff record, or only disabled ones. Used before raters are assigned, so HR
 * creates the accounts first instead of learning it from a reminder that
 * reached 2 of 8 raters.
 */
export async function peopleWhoCannotSignIn(db: Executor, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('users as u', 'u.person_id', 'p.id')
    .select(['p.id as personId', 'p.full_name as fullName', 'p.staff_code as staffCode', 'u.id as userId', 'u.active'])
    .where('p.id', 'in', [...new Set(personIds)])
    .execute();
  const problems = new Map<string, { personId: string; fullName: string; staffCode: string; reason: SignInProblem }>();
  const fine = new Set(rows.filter((r) => r.active === true).map((r) => r.personId));
  for (const r of rows)
    if (!fine.has(r.personId))
      problems.set(r.personId, { personId: r.personId, fullName: r.fullName, staffCode: r.staffCode, reason: r.userId ? 'inactive' : 'no_account' });
  return [...problems.values()].sort((a, b) => a.staffCode.localeCompare(b.staffCode));
}
