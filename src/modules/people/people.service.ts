import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { foldForSearch, nameSortKey, normalizeVietnamese } from '../../platform/text/vietnamese.js';
import { openAssignment } from './people.assignments.js';
import { positionFitsAgency } from './positions.lookup.js';
import { peoplePolicy } from './people.policy.js';
import { findPerson, getPerson } from './people.repository.js';
import type { personCreateBody, personTransferBody, personUpdateBody } from './people.schema.js';
import type { PersonStatus } from './people.tables.js';

type Trx = Transaction<Database>;

/** An agency the actor may place people in: existing, not dissolved, in scope (else 404). */
async function writableAgency(trx: Trx, actor: Actor, agencyId: string) {
  const agency = await trx.selectFrom('agencies').select(['id', 'path', 'valid_to']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency || !isInScope(actor, agency.path)) throw notFound({ agencyId });
  if (!peoplePolicy.canWrite(actor, { agencyPath: agency.path })) throw new AppError('forbidden', 403);
  if (agency.valid_to) throw new AppError('agency_dissolved', 409, { agencyId });
  return agency;
}

/** A post the person may hold in an agency: the agency's own or one above it. */
async function checkedPosition(trx: Trx, positionId: string | null | undefined, agencyPath: string): Promise<string | null> {
  if (!positionId) return null;
  const { rows } = await sql<{ path: string }>`
    SELECT a.path FROM positions p JOIN agencies a ON a.id = p.agency_id WHERE p.id = ${positionId}::uuid`.execute(trx);
  if (!rows[0]) throw new AppError('unknown_position', 400, { positionId });
  if (!positionFitsAgency({ agencyPath: rows[0].path }, agencyPath)) throw new AppError('position_not_in_agency', 400, { positionId });
  return positionId;
}

async function personForWrite(trx: Trx, actor: Actor, id: string) {
  const person = await findPerson(trx, id);
  if (!person || !peoplePolicy.canRead(actor, person)) throw notFound();
  if (!peoplePolicy.canWrite(actor, person)) throw new AppError('forbidden', 403);
  return person;
}

export type NewPerson = z.infer<typeof personCreateBody>;

export function createPerson(db: Db, actor: Actor, input: NewPerson) {
  return db.transaction().execute(async (trx) => {
    const agency = await writableAgency(trx, actor, input.agencyId);
    const fullName = normalizeVietnamese(input.fullName);
    const staffCode = input.staffCode.trim().toUpperCase();
    const taken = await trx.selectFrom('people').select('id').where('staff_code', '=', staffCode).executeTakeFirst();
    if (taken) throw new AppError('staff_code_exists', 409, { staffCode });
    const row = {
      staff_code: staffCode,
      full_name: fullName,
      search_name: foldForSearch(fullName),
      name_sort_key: nameSortKey(fullName),
      date_of_birth: input.dateOfBirth ?? null,
      gender: input.gender ?? null,
      agency_id: agency.id,
      position_id: await checkedPosition(trx, input.positionId, agency.path),
      role_category: input.roleCategory ?? null,
      rank: input.rank ? normalizeVietnamese(input.rank) : null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      status: input.status,
    };
    const { id } = await trx.insertInto('people').values(row).returning('id').executeTakeFirstOrThrow();
    await openAssignment(trx, id, {
      agencyId: agency.id,
      positionId: row.position_id,
      roleCategory: row.role_category,
      rank: row.rank,
      status: row.status,
      effectiveDate: input.startDate ?? today(),
      reason: 'hired',
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'person', entityId: id, agencyPath: agency.path, after: row });
    return getPerson(trx, id);
  });
}

export type PersonUpdate = z.infer<typeof personUpdateBody>;

/** Personal details; posts, ranks and statuses change through transfers and status changes (they keep history). */
export function updatePerson(db: Db, actor: Actor, id: string, input: PersonUpdate) {
  return db.transaction().execute(async (trx) => {
    const before = await personForWrite(trx, actor, id);
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (input.fullName !== undefined) {
      const fullName = normalizeVietnamese(input.fullName);
      Object.assign(set, { full_name: fullName, search_name: foldForSearch(fullName), name_sort_key: nameSortKey(fullName) });
    }
    if (input.dateOfBirth !== undefined) set.date_of_birth = input.dateOfBirth;
    if (input.gender !== undefined) set.gender = input.gender;
    if (input.email !== undefined) set.email = input.email;
    if (input.phone !== undefined) set.phone = input.phone;
    await trx.updateTable('people').set(set).where('id', '=', id).execute();
    const after = await getPerson(trx, id);
    await recordAudit(trx, actor, { action: 'update', entity: 'person', entityId: id, agencyPath: before.agencyPath, before, after });
    return after;
  });
}

export type Transfer = z.infer<typeof personTransferBody>;

export function transferPerson(db: Db, actor: Actor, id: string, input: Transfer) {
  return db.transaction().execute(async (trx) => {
    const before = await personForWrite(trx, actor, id);
    const agency = await writableAgency(trx, actor, input.agencyId);
    // Without a new post, the old one is kept only if it exists in the new agency too.
    let positionId: string | null;
    if (input.positionId !== undefined) positionId = await checkedPosition(trx, input.positionId, agency.path);
    else positionId = await checkedPosition(trx, before.positionId, agency.path).catch(() => null);
    const next = {
      agency_id: agency.id,
      position_id: positionId,
      role_category: input.roleCategory === undefined ? before.roleCategory : input.roleCategory,
      rank: input.rank === undefined ? before.rank : input.rank,
      status: 'active' as const,
    };
    await trx
      .updateTable('people')
      .set({ ...next, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await openAssignment(trx, id, {
      agencyId: agency.id,
      positionId: next.position_id,
      roleCategory: next.role_category,
      rank: next.rank,
      status: 'active',
      effectiveDate: input.effectiveDate,
      reason: 'transfer',
    });
    await recordAudit(trx, actor, {
      action: 'transfer',
      entity: 'person',
      entityId: id,
      agencyPath: agency.path,
      relatedAgencyPaths: [before.agencyPath],
      before: { agencyId: before.agencyId, agencyPath: before.agencyPath },
      after: { ...next, effectiveDate: input.effectiveDate },
    });
    return getPerson(trx, id);
  });
}

export function changePersonStatus(db: Db, actor: Actor, id: string, status: PersonStatus, effectiveDate: string) {
  return db.transaction().execute(async (trx) => {
    const before = await personForWrite(trx, actor, id);
    await trx.updateTable('people').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
    await openAssignment(trx, id, {
      agencyId: before.agencyId,
      positionId: before.positionId,
      roleCategory: before.roleCategory,
      rank: before.rank,
      status,
      effectiveDate,
      reason: 'status_change',
    });
    await recordAudit(trx, actor, {
      action: 'status',
      entity: 'person',
      entityId: id,
      agencyPath: before.agencyPath,
      before: { status: before.status },
      after: { status, effectiveDate },
    });
    return getPerson(trx, id);
  });
}
