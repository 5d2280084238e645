import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { isInScope, scopeCondition } from '../../platform/auth/scope.js';
import { escapeLike } from '../../platform/text/like.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/engine.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.js';
import { foldForSearch, normalizeVietnamese } from '../../platform/text/vietnamese.js';
import { foldedColumn } from '../../platform/text/vietnamese-sql.js';
import { liveAgencyInScope } from '../org/agencies.service.js';
import { accountsPolicy } from './accounts.policy.js';

type Executor = Pick<Db, 'selectFrom'>;

const columns = [
  'u.id',
  'u.username',
  'u.display_name as displayName',
  'u.role',
  'u.active',
  'u.last_login_at as lastLoginAt',
  'u.created_at as createdAt',
  'u.agency_id as agencyId',
  'a.name as agencyName',
  'a.path as agencyPath',
  'u.person_id as personId',
  'p.full_name as personName',
  'p.staff_code as staffCode',
] as const;

function accountQuery(db: Executor) {
  return db.selectFrom('users as u').innerJoin('agencies as a', 'a.id', 'u.agency_id').leftJoin('people as p', 'p.id', 'u.person_id');
}

export function findAccount(db: Executor, id: string) {
  return accountQuery(db).select(columns).where('u.id', '=', id).executeTakeFirst();
}

/** Accounts in the caller's subtree, by agency then name; `q` matches username or name, with or without diacritics. */
export async function listAccounts(db: Db, actor: Actor, filter: { q?: string; role?: Role; limit: number; offset: number }) {
  let query = accountQuery(db).where(scopeCondition(actor, 'a.path'));
  if (filter.role) query = query.where('u.role', '=', filter.role);
  if (filter.q) {
    const pattern = `%${escapeLike(foldForSearch(filter.q))}%`;
    query = query.where((eb) => eb.or([eb('u.username', 'like', pattern), eb(foldedColumn('u.display_name'), 'like', pattern)]));
  }
  const [items, count] = await Promise.all([
    query.select(columns).orderBy('a.path').orderBy('u.username').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total), assignableRoles: accountsPolicy.assignableRoles(actor) };
}

/** The person an account signs in as must be in the register, within the account's agency subtree, and not already linked. */
export async function linkablePerson(db: Executor, personId: string, agencyPath: string, userId: string | null) {
  const person = await db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'a.path'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person || !person.path.startsWith(agencyPath)) throw new AppError('invalid_value', 400, { fields: ['personId'] });
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('person_id', '=', personId)
    .$if(userId !== null, (q) => q.where('id', '<>', userId!))
    .executeTakeFirst();
  if (taken) throw conflict('already_exists', { fields: ['personId'] });
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  personId?: string | null;
  password: string;
}

export async function createAccount(db: Db, actor: Actor, input: NewAccount) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const agency = await liveAgencyInScope(trx, actor, input.agencyId);
    if (!accountsPolicy.canManage(actor, { role: input.role, agencyPath: agency.path })) throw forbidden({ role: input.role });
    if (input.personId) await linkablePerson(trx, input.personId, agency.path, null);
    if (await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst())
      throw conflict('already_exists', { fields: ['username'] });
    const row = {
      username: input.username,
      display_name: normalizeVietnamese(input.displayName),
      role: input.role,
      agency_id: agency.id,
      person_id: input.personId ?? null,
    };
    const { id } = await trx
      .insertInto('users')
      .values({ ...row, password_hash: passwordHash, password_must_change: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The password hash never enters the audit trail.
    await recordAudit(trx, actor, { action: 'create', entity: 'user', entityId: id, agencyPath: agency.path, after: row });
    return (await findAccount(trx, id))!;
  });
}

/** The account if the caller may manage it; absent and out-of-scope answer alike (404). */
async function manageable(db: Executor, actor: Actor, id: string) {
  const account = await findAccount(db, id);
  if (!account || !accountsPolicy.canList(actor) || !isInScope(actor, account.agencyPath)) throw notFound();
  if (!accountsPolicy.canManage(actor, { userId: account.id, role: account.role, agencyPath: account.agencyPath })) throw forbidden();
  return account;
}

export interface AccountChange {
  displayName?: string;
  role?: Role;
  agencyId?: string;
  personId?: string | null;
  active?: boolean;
}

/**
 * Changes an account. A new role or agency must also be one the caller may
 * manage. Deactivating ends the account's sessions at once; so does a change
 * of role or agency, so nobody keeps a screen drawn for their old rights.
 */
export async function updateAccount(db: Db, actor: Actor, id: string, change: AccountChange) {
  return db.transaction().execute(async (trx) => {
    const account = await manageable(trx, actor, id);
    const agency =
      change.agencyId && change.agencyId !== account.agencyId
        ? await liveAgencyInScope(trx, actor, change.agencyId)
        : { id: account.agencyId, path: account.agencyPath };
    const role = change.role ?? account.role;
    if (!accountsPolicy.canManage(actor, { userId: account.id, role, agencyPath: agency.path })) throw forbidden({ role });
    const personId = change.personId === undefined ? account.personId : change.personId;
    if (personId && (personId !== account.personId || agency.id !== account.agencyId)) await linkablePerson(trx, personId, agency.path, account.id);
    const before = { display_name: account.displayName, role: account.role, agency_id: account.agencyId, person_id: account.personId, active: account.active };
    const after = {
      display_name: change.displayName === undefined ? account.displayName : normalizeVietnamese(change.displayName),
      role,
      agency_id: agency.id,
      person_id: personId,
      active: change.active ?? account.active,
    };
    await trx
      .updateTable('users')
      .set({ ...after, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (!after.active || after.role !== before.role || after.agency_id !== before.agency_id)
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      agencyPath: agency.path,
      relatedAgencyPaths: [account.agencyPath],
      before,
      after,
    });
    return (await findAccount(trx, id))!;
  });
}

/** Sets a new password chosen by HR (the user should change it at first sign-in) and ends the account's sessions. */
export async function resetPassword(db: Db, actor: Actor, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const account = await manageable(trx, actor, id);
    await trx.updateTable('users').set({ password_hash: passwordHash, password_must_change: true, updated_at: new Date() }).where('id', '=', id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'reset_password', entity: 'user', entityId: id, agencyPath: account.agencyPath });
  });
}
