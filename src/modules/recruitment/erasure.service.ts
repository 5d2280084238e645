import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/engine.js';
import { today } from '../../platform/clock.js';
import { now as clockNow } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ERASED_MARK, scrubAuditTrail } from '../../platform/audit/audit-scrub.js';

/** What an erased candidate's name becomes: the row stays (applications and results refer to it). */
export const ERASED_NAME = 'Đã xoá';

export interface ErasureCounts {
  candidates: number;
  documents: number;
  accounts: number;
  auditRows: number;
}

/**
 * Erase every candidate whose retention date has passed (Decree 13/2023/NĐ-CP): their personal columns,
 * their documents, their candidate account and the personal values of the trail's rows about them. One
 * transaction a candidate, so a failure leaves each either whole or erased. A candidate who became staff
 * keeps their register entry and their staff account: those are not candidate data.
 */
export async function eraseExpiredCandidates(db: Db, on = today()): Promise<ErasureCounts> {
  const due = await db
    .selectFrom('recruitment_candidates')
    .select('id')
    .where('erased_at', 'is', null)
    .where('retain_until', '<', on)
    .orderBy('retain_until')
    .limit(10_000)
    .execute();
  const counts: ErasureCounts = { candidates: 0, documents: 0, accounts: 0, auditRows: 0 };
  for (const { id } of due) {
    const one = await eraseCandidate(db, id);
    counts.candidates++;
    counts.documents += one.documents;
    counts.accounts += one.accounts;
    counts.auditRows += one.auditRows;
  }
  if (counts.candidates > 0)
    await recordAudit(db, null, { action: 'erase_expired', entity: 'recruitment_candidate', entityId: on, agencyPath: null, after: counts });
  return counts;
}

async function eraseCandidate(db: Db, candidateId: string) {
  return db.transaction().execute(async (trx) => {
    const candidate = await trx
      .selectFrom('recruitment_candidates as k')
      .leftJoin('users as u', 'u.id', 'k.user_id')
      .select(['k.id', 'k.full_name', 'k.email', 'k.phone', 'k.user_id', 'u.username', 'u.display_name', 'u.role', 'u.person_id as userPersonId'])
      .where('k.id', '=', candidateId)
      .forUpdate('k')
      .executeTakeFirstOrThrow();
    const applications = await trx.selectFrom('recruitment_applications').select('id').where('candidate_id', '=', candidateId).execute();
    const applicationIds = applications.map((a) => a.id);
    const documents =
      applicationIds.length === 0 ? [] : await trx.deleteFrom('recruitment_documents').where('application_id', 'in', applicationIds).returning('id').execute();
    // A panel member's reason for a conflict may name the candidate's relatives.
    if (applicationIds.length > 0) await trx.updateTable('recruitment_conflicts').set({ reason: '' }).where('application_id', 'in', applicationIds).execute();
    await trx
      .updateTable('recruitment_candidates')
      .set({
        user_id: null,
        full_name: ERASED_NAME,
        search_name: '',
        date_of_birth: null,
        identity_number: null,
        gender: null,
        email: null,
        phone: null,
        priority: false,
        erased_at: clockNow(),
        updated_at: clockNow(),
      })
      .where('id', '=', candidateId)
      .execute();
    // Only an account that is nothing but a candidate's goes; a staff member's account is the register's.
    let accounts = 0;
    if (candidate.user_id && candidate.role === 'candidate' && candidate.userPersonId === null) {
      await trx.deleteFrom('sessions').where('user_id', '=', candidate.user_id).execute();
      await trx
        .updateTable('users')
        .set({
          username: `erased-${candidate.user_id}`,
          display_name: ERASED_MARK,
          password_hash: `erased:${randomBytes(16).toString('hex')}`,
          active: false,
          updated_at: clockNow(),
        })
        .where('id', '=', candidate.user_id)
        .execute();
      if (candidate.username)
        await trx
          .deleteFrom('login_attempts')
          .where('key', 'in', [candidate.username, `sign-up:${candidate.username}`])
          .execute();
      accounts = 1;
    }
    const personal = [candidate.full_name, candidate.email, candidate.phone, ...(accounts === 1 ? [candidate.username, candidate.display_name] : [])].filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    const auditRows = await scrubAuditTrail(trx, {
      actorIds: accounts === 1 && candidate.user_id ? [candidate.user_id] : [],
      entityIds: [candidateId, ...applicationIds, ...documents.map((d) => d.id), ...(accounts === 1 ? [candidate.user_id!, candidate.username!] : [])],
      values: personal,
    });
    return { documents: documents.length, accounts, auditRows };
  });
}
