import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { scopeCondition } from '../../../platform/auth/scope.js';
import type { Database } from '../../../platform/db/schema.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, conflict, notFound } from '../../../platform/errors.js';
import { credentialsPolicy } from './credentials.policy.js';
import { summariseCredential, type CredentialSummary } from './open-badge.js';
import { verifyCredential, type VerificationOutcome } from './verify.js';

/** The institution a trainer account acts for (null for everyone else). */
export async function actorInstitution(db: Kysely<Database>, actor: Actor): Promise<string | null> {
  if (actor.role !== 'trainer') return null;
  const row = await db.selectFrom('training_institution_staff').where('user_id', '=', actor.userId).select('institution_id').executeTakeFirst();
  return row?.institution_id ?? null;
}

const listColumns = [
  'c.id',
  'c.status',
  'c.person_id as personId',
  'p.full_name as personName',
  'co.code as courseCode',
  'co.title as courseTitle',
  'co.title_en as courseTitleEn',
  'i.id as institutionId',
  'i.name as institutionName',
  'c.completed_at as completedAt',
  'c.issued_at as issuedAt',
  'c.revoked_at as revokedAt',
  'a.path as agencyPath',
] as const;

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('training_credentials as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
    .innerJoin('training_courses as co', 'co.id', 'c.course_id');
}

export interface ListQuery {
  mine?: boolean;
  personId?: string;
  status?: 'pending' | 'issued' | 'revoked';
  limit: number;
  offset: number;
}

/** Certificates the caller may read (credentials.policy.ts, as a query), newest first. */
export async function listCredentials(db: Kysely<Database>, actor: Actor, query: ListQuery) {
  const institutionId = await actorInstitution(db, actor);
  const own = actor.personId ? sql<boolean>`c.person_id = ${actor.personId}` : sql<boolean>`false`;
  let q = baseQuery(db);
  if (query.mine) q = q.where(own);
  else if (actor.role === 'national_admin') q = q.where(sql<boolean>`true`);
  else if (actor.role === 'hr_officer' || actor.role === 'leader') q = q.where((eb) => eb.or([own, scopeCondition(actor, 'a.path')]));
  else if (actor.role === 'trainer' && institutionId) q = q.where((eb) => eb.or([own, eb('c.institution_id', '=', institutionId)]));
  else q = q.where(own);
  if (query.personId) q = q.where('c.person_id', '=', query.personId);
  if (query.status) q = q.where('c.status', '=', query.status);
  const [items, count] = await Promise.all([
    q.select(listColumns).orderBy('c.completed_at', 'desc').orderBy('c.id').limit(query.limit).offset(query.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(({ agencyPath: _path, ...item }) => item), total: Number(count.n) };
}

/** One certificate the caller may read, with its signed document; otherwise 404 like a missing one. */
export async function getCredential(db: Kysely<Database>, actor: Actor, id: string) {
  const row = await baseQuery(db)
    .where('c.id', '=', id)
    .select([...listColumns, 'c.document', 'c.revoke_reason as revokeReason'])
    .executeTakeFirst();
  if (!row || !credentialsPolicy.canRead(actor, row, await actorInstitution(db, actor))) throw notFound();
  const { agencyPath: _path, ...item } = row;
  return item;
}

/** The signed document, for the JSON and PDF downloads (a pending one is not downloadable yet). */
export async function issuedDocument(db: Kysely<Database>, actor: Actor, id: string) {
  const credential = await getCredential(db, actor, id);
  if (!credential.document) throw new AppError('credential_not_issued', 409);
  return { credential, document: credential.document };
}

/** Withdraw a certificate (the issuing institution or a national administrator), audited; verifies as revoked from now on. */
export async function revokeCredential(db: Kysely<Database>, actor: Actor, id: string, reason: string) {
  const institutionId = await actorInstitution(db, actor);
  return db.transaction().execute(async (trx) => {
    const row = await baseQuery(trx)
      .where('c.id', '=', id)
      .select([...listColumns])
      .forUpdate('c')
      .executeTakeFirst();
    if (!row || !credentialsPolicy.canRead(actor, row, institutionId)) throw notFound();
    if (!credentialsPolicy.canRevoke(actor, row, institutionId)) throw new AppError('forbidden', 403);
    if (row.status === 'revoked') throw conflict('credential_already_revoked', { field: 'id' });
    const revokedAt = new Date();
    await trx
      .updateTable('training_credentials')
      .set({ status: 'revoked', revoked_at: revokedAt, revoked_by: actor.userId, revoke_reason: reason })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'revoke',
      entity: 'training_credential',
      entityId: id,
      agencyPath: row.agencyPath,
      before: { status: row.status },
      after: { status: 'revoked', reason },
    });
    const { agencyPath: _path, ...item } = row;
    return { ...item, status: 'revoked' as const, revokedAt };
  });
}

/**
 * What anyone with the id sees (the holder chose to share it): the content of the signed credential
 * itself (issuer, person's name, course, competencies and levels, date), its status as our verifier
 * finds it now, and the document to download. Nothing the credential does not say: no agency, no
 * score, no enrolment, no revocation reason (it may be internal).
 */
export async function publicCredential(
  db: Kysely<Database>,
  id: string,
): Promise<{ summary: CredentialSummary; outcome: VerificationOutcome; document: Record<string, unknown> }> {
  const row = await db.selectFrom('training_credentials').where('id', '=', id).where('status', '!=', 'pending').select(['document']).executeTakeFirst();
  if (!row?.document) throw notFound();
  return { summary: summariseCredential(row.document), outcome: await verifyCredential(db, row.document), document: row.document };
}
