import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { DomainEvents } from '../../../platform/events/domain-events.js';
import { sendJob } from '../../../platform/jobs/job-queue.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { competencyItemUri } from '../../framework/case-identity.js';
import { buildOpenBadgeCredential, type CertificateFacts } from './open-badge.js';
import { currentIssuerKey, signCredential } from './signing.js';

export const ISSUE_JOB = 'training.issue-credential';

/**
 * On `training.completed`, in the completion's transaction: a pending credential row, and a job that signs
 * it after the commit. Where no queue runs (the CLI, tests, the demo seed) the row stays pending and the
 * scheduled sweep (credentials.jobs.ts) signs it; completion never fails for want of a queue.
 * A completion a session's close announces waits for `training.sessionClosed` (onSessionClosed).
 */
export async function onTrainingCompleted(trx: Kysely<any>, payload: DomainEvents['training.completed']): Promise<void> {
  if (payload.inSessionClose) return;
  await insertPending(trx as Kysely<Database>, [payload.enrolmentId], payload);
}

/** A session's close: the pending rows of all its completed seats in one statement (one a seat was 5–7 ms of the close). */
export async function onSessionClosed(trx: Kysely<any>, payload: DomainEvents['training.sessionClosed']): Promise<void> {
  const completed = payload.seats.filter((s) => s.completed).map((s) => s.enrolmentId);
  if (completed.length) await insertPending(trx as Kysely<Database>, completed, { ...payload, completedAt: payload.closedAt });
}

async function insertPending(
  db: Kysely<Database>,
  enrolmentIds: readonly string[],
  facts: { institutionId: string; courseId: string; completedAt: string },
): Promise<void> {
  const rows = await db
    .insertInto('training_credentials')
    .columns(['enrolment_id', 'person_id', 'agency_id', 'institution_id', 'course_id', 'completed_at'])
    .expression((eb) =>
      eb
        .selectFrom('training_enrolments as e')
        .where('e.id', 'in', enrolmentIds)
        .orderBy('e.id')
        .select([
          'e.id',
          'e.person_id',
          'e.agency_id',
          sql<string>`${facts.institutionId}::uuid`.as('institution_id'),
          sql<string>`${facts.courseId}::uuid`.as('course_id'),
          sql<Date>`${facts.completedAt}::timestamptz`.as('completed_at'),
        ]),
    )
    .onConflict((oc) => oc.column('enrolment_id').doNothing())
    .returning('id')
    .execute();
  for (const row of rows) {
    try {
      await sendJob(ISSUE_JOB, { credentialId: row.id }, { trx: db });
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('no job queue runs'))) throw error;
      return;
    }
  }
}

/** Everything the certificate says, read from the training, people and framework tables. */
async function certificateFacts(db: Kysely<Database>, credentialId: string, issuerDid: string): Promise<CertificateFacts & { agencyPath: string }> {
  const base = await db
    .selectFrom('training_credentials as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
    .innerJoin('training_courses as co', 'co.id', 'c.course_id')
    .where('c.id', '=', credentialId)
    .select([
      'c.completed_at',
      'p.full_name',
      'a.path as agencyPath',
      'i.name as institutionName',
      'i.name_en as institutionNameEn',
      'co.id as courseId',
      'co.code',
      'co.title',
      'co.title_en',
      'co.description',
      'co.hours',
      'co.min_attendance',
      'co.pass_score',
      'co.framework_version_id',
    ])
    .executeTakeFirstOrThrow();
  const competencies = await db
    .selectFrom('training_course_competencies as cc')
    .innerJoin('competencies as k', 'k.id', 'cc.competency_id')
    .innerJoin('framework_versions as v', 'v.id', 'k.version_id')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .leftJoin('framework_levels as l', (j) => j.onRef('l.version_id', '=', 'k.version_id').onRef('l.level', '=', 'cc.to_level'))
    .where('cc.course_id', '=', base.courseId)
    .select([
      'k.code',
      'k.name_vi',
      'k.name_en',
      'k.case_identifier',
      'k.case_uri',
      'f.code as frameworkCode',
      'v.name_vi as frameworkName',
      'cc.to_level',
      'l.name_vi as levelName',
    ])
    .orderBy('k.code')
    .execute();
  return {
    credentialId,
    agencyPath: base.agencyPath,
    issuer: { did: issuerDid, name: base.institutionName, nameEn: base.institutionNameEn },
    person: { fullName: base.full_name },
    course: {
      id: base.courseId,
      code: base.code,
      title: base.title,
      titleEn: base.title_en,
      description: base.description,
      hours: Number(base.hours),
      minAttendance: Number(base.min_attendance),
      passScore: base.pass_score === null ? null : Number(base.pass_score),
    },
    competencies: competencies.map((c) => ({
      code: c.code,
      name: c.name_vi,
      nameEn: c.name_en,
      frameworkName: c.frameworkName,
      toLevel: c.to_level,
      levelName: c.levelName ?? '',
      // The CASE item's own URI (kept from an imported package, or minted): the one the CASE service answers at.
      caseItemUri: competencyItemUri(c.frameworkCode, { code: c.code, identifier: c.case_identifier, uri: c.case_uri }),
    })),
    completedAt: base.completed_at,
  };
}

/** Sign one pending credential (the job; also the sweep). Idempotent: an issued or revoked one is left alone. */
export async function issuePendingCredential(db: Kysely<Database>, credentialId: string): Promise<'issued' | 'skipped'> {
  const pending = await db
    .selectFrom('training_credentials')
    .where('id', '=', credentialId)
    .where('status', '=', 'pending')
    .select(['institution_id'])
    .executeTakeFirst();
  if (!pending) return 'skipped';
  const key = await currentIssuerKey(db, pending.institution_id);
  const facts = await certificateFacts(db, credentialId, key.controller);
  // Signing needs no database: it runs outside any transaction, then one short one records it.
  const signed = await signCredential(buildOpenBadgeCredential(facts), key);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('training_credentials')
      .set({ status: 'issued', document: JSON.stringify(signed), key_id: key.keyId, issued_at: new Date() })
      .where('id', '=', credentialId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return 'skipped';
    await recordAudit(trx, null, {
      action: 'issue',
      entity: 'training_credential',
      entityId: credentialId,
      agencyPath: facts.agencyPath,
      after: { keyId: key.keyId, course: facts.course.code },
    });
    return 'issued';
  });
}

/** The sweep: pending credentials the job did not sign (no queue at completion, a failed job). */
export async function issueAllPending(db: Kysely<Database>, limit = 500): Promise<number> {
  const rows = await db.selectFrom('training_credentials').where('status', '=', 'pending').select('id').orderBy('created_at').limit(limit).execute();
  let issued = 0;
  for (const row of rows) if ((await issuePendingCredential(db, row.id)) === 'issued') issued += 1;
  return issued;
}
