import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors.js';
import { foldForSearch, normalizeVietnamese } from '../../../platform/text/vietnamese.js';
import { liveAgencyInScope } from '../../org/agencies.service.js';
import { cataloguePolicy } from './catalogue.policy.js';
import type { InstitutionKind } from '../training.tables.js';

type Executor = Db | Transaction<Database>;

/** The institution the caller's account serves (training_institution_staff), or null. */
export async function staffInstitutionOf(db: Executor, actor: Actor): Promise<string | null> {
  if (actor.role !== 'trainer') return null;
  const row = await db.selectFrom('training_institution_staff').select('institution_id').where('user_id', '=', actor.userId).executeTakeFirst();
  return row?.institution_id ?? null;
}

const summaryColumns = [
  'i.id',
  'i.code',
  'i.name',
  'i.name_en as nameEn',
  'i.kind',
  'i.agency_id as agencyId',
  'a.name as agencyName',
  'a.path as agencyPath',
] as const;

function institutionQuery(db: Executor) {
  return db
    .selectFrom('training_institutions as i')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .select(summaryColumns)
    .select((eb) =>
      eb
        .selectFrom('training_courses as c')
        .whereRef('c.institution_id', '=', 'i.id')
        .where('c.status', '=', 'active')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('courses'),
    );
}

/** Every institution: the catalogue is national, so everyone signed in sees who offers training. */
export async function listInstitutions(db: Db, actor: Actor) {
  const rows = await institutionQuery(db).orderBy('i.name').execute();
  return {
    items: rows.map(({ agencyPath: _p, courses, ...r }) => ({ ...r, courses: Number(courses ?? 0) })),
    mine: await staffInstitutionOf(db, actor),
    canManage: cataloguePolicy.canManageInstitutions(actor),
  };
}

export async function findInstitution(db: Executor, id: string) {
  return institutionQuery(db).where('i.id', '=', id).executeTakeFirst();
}

export async function institutionDetail(db: Db, actor: Actor, id: string) {
  const found = await findInstitution(db, id);
  if (!found) throw notFound();
  const staffOf = await staffInstitutionOf(db, actor);
  const canManage = cataloguePolicy.canManageCatalogue(actor, found, staffOf);
  const clients = await db
    .selectFrom('training_institution_clients as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(['a.id', 'a.name', 'a.code'])
    .where('c.institution_id', '=', id)
    .orderBy('a.path')
    .execute();
  const staff = canManage
    ? await db
        .selectFrom('training_institution_staff as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['u.id as userId', 'u.username', 'u.display_name as displayName'])
        .where('s.institution_id', '=', id)
        .orderBy('u.username')
        .execute()
    : [];
  const { agencyPath: _p, courses, ...rest } = found;
  return {
    ...rest,
    courses: Number(courses ?? 0),
    clients: clients.map((c) => ({ ...c, code: c.code ?? '' })),
    staff,
    canManage,
    canManageInstitution: cataloguePolicy.canManageInstitutions(actor),
  };
}

export interface InstitutionInput {
  code: string;
  name: string;
  nameEn: string;
  kind: InstitutionKind;
  agencyId: string;
}

function assertAdmin(actor: Actor) {
  if (!cataloguePolicy.canManageInstitutions(actor)) throw forbidden();
}

export async function createInstitution(db: Db, actor: Actor, input: InstitutionInput) {
  assertAdmin(actor);
  return db.transaction().execute(async (trx) => {
    const agency = await liveAgencyInScope(trx, actor, input.agencyId);
    if (await trx.selectFrom('training_institutions').select('id').where('code', '=', input.code).executeTakeFirst())
      throw conflict('already_exists', { field: 'code' });
    const name = normalizeVietnamese(input.name);
    const row = {
      code: input.code,
      name,
      name_en: normalizeVietnamese(input.nameEn),
      search_name: foldForSearch(`${input.code} ${name}`),
      kind: input.kind,
      agency_id: agency.id,
    };
    const { id } = await trx.insertInto('training_institutions').values(row).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entity: 'training_institution', entityId: id, agencyPath: agency.path, after: row });
    return id;
  });
}

export async function updateInstitution(db: Db, actor: Actor, id: string, change: Partial<InstitutionInput>) {
  assertAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('training_institutions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound();
    const agency = change.agencyId ? await liveAgencyInScope(trx, actor, change.agencyId) : null;
    if (
      change.code &&
      change.code !== before.code &&
      (await trx.selectFrom('training_institutions').select('id').where('code', '=', change.code).executeTakeFirst())
    ) {
      throw conflict('already_exists', { field: 'code' });
    }
    const code = change.code ?? before.code;
    const name = change.name === undefined ? before.name : normalizeVietnamese(change.name);
    const after = {
      code,
      name,
      name_en: change.nameEn === undefined ? before.name_en : normalizeVietnamese(change.nameEn),
      search_name: foldForSearch(`${code} ${name}`),
      kind: change.kind ?? before.kind,
      agency_id: agency?.id ?? before.agency_id,
    };
    await trx
      .updateTable('training_institutions')
      .set({ ...after, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const path = await agencyPath(trx, after.agency_id);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'training_institution',
      entityId: id,
      agencyPath: path,
      before: { code: before.code, name: before.name, name_en: before.name_en, kind: before.kind, agency_id: before.agency_id },
      after,
    });
  });
}

async function agencyPath(trx: Executor, agencyId: string): Promise<string> {
  return (await trx.selectFrom('agencies').select('path').where('id', '=', agencyId).executeTakeFirstOrThrow()).path;
}

/** Replaces the accounts that act for the institution: active trainer accounts, each serving one institution. */
export async function replaceStaff(db: Db, actor: Actor, id: string, userIds: readonly string[]) {
  assertAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const institution = await findInstitution(trx, id);
    if (!institution) throw notFound();
    const wanted = [...new Set(userIds)];
    const users = wanted.length ? await trx.selectFrom('users').select(['id', 'role', 'active']).where('id', 'in', wanted).execute() : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const links = wanted.length ? await trx.selectFrom('training_institution_staff').selectAll().where('user_id', 'in', wanted).execute() : [];
    wanted.forEach((userId, i) => {
      const user = byId.get(userId);
      if (!user || user.role !== 'trainer' || !user.active) throw new AppError('training_staff_not_trainer', 422, { field: `userIds.${i}` });
      if (links.some((l) => l.user_id === userId && l.institution_id !== id)) throw conflict('training_staff_elsewhere', { field: `userIds.${i}` });
    });
    const before = (await trx.selectFrom('training_institution_staff').select('user_id').where('institution_id', '=', id).execute())
      .map((r) => r.user_id)
      .sort();
    await trx.deleteFrom('training_institution_staff').where('institution_id', '=', id).execute();
    if (wanted.length)
      await trx
        .insertInto('training_institution_staff')
        .values(wanted.map((user_id) => ({ user_id, institution_id: id })))
        .execute();
    await recordAudit(trx, actor, {
      action: 'replace_staff',
      entity: 'training_institution',
      entityId: id,
      agencyPath: institution.agencyPath,
      before: { userIds: before },
      after: { userIds: [...wanted].sort() },
    });
  });
}

/** Replaces the client agencies: the institution then sees their aggregated, anonymous needs. */
export async function replaceClients(db: Db, actor: Actor, id: string, agencyIds: readonly string[]) {
  assertAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const institution = await findInstitution(trx, id);
    if (!institution) throw notFound();
    const wanted = [...new Set(agencyIds)];
    const found = wanted.length ? await trx.selectFrom('agencies').select(['id', 'path']).where('id', 'in', wanted).execute() : [];
    wanted.forEach((agencyId, i) => {
      if (!found.some((a) => a.id === agencyId)) throw new AppError('invalid_value', 422, { field: `agencyIds.${i}` });
    });
    const before = (await trx.selectFrom('training_institution_clients').select('agency_id').where('institution_id', '=', id).execute())
      .map((r) => r.agency_id)
      .sort();
    await trx.deleteFrom('training_institution_clients').where('institution_id', '=', id).execute();
    if (wanted.length)
      await trx
        .insertInto('training_institution_clients')
        .values(wanted.map((agency_id) => ({ agency_id, institution_id: id })))
        .execute();
    await recordAudit(trx, actor, {
      action: 'replace_clients',
      entity: 'training_institution',
      entityId: id,
      agencyPath: institution.agencyPath,
      relatedAgencyPaths: found.map((a) => a.path),
      before: { agencyIds: before },
      after: { agencyIds: [...wanted].sort() },
    });
  });
}

/** The institution if the caller keeps its catalogue; otherwise 404 (another institution's answers like a missing one). */
export async function managedInstitution(db: Executor, actor: Actor, id: string) {
  const institution = await findInstitution(db, id);
  if (!institution || !cataloguePolicy.canManageCatalogue(actor, institution, await staffInstitutionOf(db, actor))) throw notFound();
  return institution;
}
