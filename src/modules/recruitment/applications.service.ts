import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import { now as clockNow } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { foldForSearch } from '../../platform/text/vietnamese.js';
import { CONSENT_VERSION, applicationWindow, laterDate, retentionDate } from './campaign-rules.js';
import { findCampaign, isPanelMember, type CampaignRow } from './campaigns.repository.js';
import { managedCampaign, visibleCampaign } from './campaigns.service.js';
import { candidateOf } from './candidates.service.js';
import { documentMediaType, documentProblems } from './document-rules.js';
import { recruitmentPolicy } from './recruitment.policy.js';
import type { DocumentKind } from './recruitment.tables.js';

export interface DocumentInput {
  kind: DocumentKind;
  fileName: string;
  /** base64 */
  content: string;
}

export interface ApplicationInput {
  positionId: string;
  consentVersion: string;
  priority: boolean;
  documents: DocumentInput[];
}

export interface PaperApplicationInput extends ApplicationInput {
  candidate: { fullName: string; email: string | null; phone: string | null; dateOfBirth: string | null; identityNumber?: string | null };
  /** When the paper arrived (default now): it must be within the window, as if submitted online then. */
  receivedAt?: string | undefined;
}

/** Decode and check every file before anything is written, so a bad one leaves nothing half-stored. */
function checkedDocuments(documents: DocumentInput[]) {
  const decoded = documents.map((d) => ({ ...d, bytes: Buffer.from(d.content, 'base64') }));
  const problems = documentProblems(decoded.map((d) => d.bytes));
  if (problems.length > 0) throw new AppError('recruitment_document_invalid', 422, { field: 'documents', problems });
  return decoded.map((d) => ({ ...d, mediaType: documentMediaType(d.bytes)! }));
}

function checkWindow(campaign: CampaignRow, at: Date) {
  const verdict = applicationWindow(campaign, at);
  if (verdict !== 'open')
    throw new AppError('recruitment_window_closed', 422, { field: 'receivedAt', window: verdict, closesAt: campaign.applicationsCloseAt });
}

async function insertApplication(
  trx: Transaction<Database>,
  campaign: CampaignRow,
  candidateId: string,
  input: ApplicationInput,
  source: 'online' | 'paper',
  at: Date,
) {
  const post = await trx
    .selectFrom('recruitment_campaign_posts')
    .select('position_id')
    .where('campaign_id', '=', campaign.id)
    .where('position_id', '=', input.positionId)
    .executeTakeFirst();
  if (!post) throw new AppError('recruitment_position_not_in_campaign', 422, { field: 'positionId', positionId: input.positionId });
  const already = await trx
    .selectFrom('recruitment_applications')
    .select('id')
    .where('campaign_id', '=', campaign.id)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
  if (already) throw new AppError('recruitment_already_applied', 409, { applicationId: already.id });
  const documents = checkedDocuments(input.documents);
  const { id } = await trx
    .insertInto('recruitment_applications')
    .values({ campaign_id: campaign.id, position_id: input.positionId, candidate_id: candidateId, agency_id: campaign.agencyId, source, submitted_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const d of documents)
    await trx
      .insertInto('recruitment_documents')
      .values({
        application_id: id,
        kind: d.kind,
        file_name: d.fileName,
        media_type: d.mediaType,
        size_bytes: d.bytes.length,
        sha256: createHash('sha256').update(d.bytes).digest('hex'),
        content: d.bytes,
      })
      .execute();
  const candidate = await trx
    .selectFrom('recruitment_candidates')
    .select(sql<string | null>`to_char(retain_until, 'YYYY-MM-DD')`.as('retainUntil'))
    .where('id', '=', candidateId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('recruitment_candidates')
    .set({
      consent_at: at,
      consent_version: input.consentVersion,
      priority: input.priority,
      retain_until: laterDate(candidate.retainUntil, retentionDate(campaign, at)),
      updated_at: new Date(),
    })
    .where('id', '=', candidateId)
    .execute();
  return { id, documents: documents.map((d) => ({ kind: d.kind, mediaType: d.mediaType, sizeBytes: d.bytes.length })) };
}

function checkConsent(input: ApplicationInput) {
  if (input.consentVersion !== CONSENT_VERSION)
    throw new AppError('recruitment_consent_required', 422, { field: 'consentVersion', consentVersion: CONSENT_VERSION });
}

/** A candidate (or a member of staff) applies to one position of a published campaign, within its window. */
export async function apply(db: Db, actor: Actor, campaignId: string, input: ApplicationInput, now = clockNow()): Promise<string> {
  if (!recruitmentPolicy.canApply(actor)) throw new AppError('forbidden', 403);
  checkConsent(input);
  return db.transaction().execute(async (trx) => {
    const campaign = await findCampaign(trx, campaignId, { forUpdate: true });
    // A draft is nobody's business but HR's: as unknown as a campaign that does not exist.
    if (!campaign || campaign.status === 'draft') throw notFound({ campaignId });
    checkWindow(campaign, now);
    const candidate = await candidateOf(trx, actor);
    const { id, documents } = await insertApplication(trx, campaign, candidate.id, input, 'online', now);
    await recordAudit(trx, actor, {
      action: 'apply',
      entity: 'recruitment_application',
      entityId: id,
      agencyPath: campaign.agencyPath,
      after: { campaignId, positionId: input.positionId, candidateId: candidate.id, consentVersion: input.consentVersion, documents },
    });
    return id;
  });
}

/** HR enters an application that came on paper, with the candidate's particulars and scanned documents. */
export async function applyOnPaper(db: Db, actor: Actor, campaignId: string, input: PaperApplicationInput, now = clockNow()): Promise<string> {
  checkConsent(input);
  const at = input.receivedAt ? new Date(input.receivedAt) : now;
  if (at > now) throw new AppError('invalid_value', 422, { field: 'receivedAt' });
  return db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, { forUpdate: true });
    // Paper posted before the deadline may be entered after it, while the campaign is not yet completed.
    checkWindow(campaign.status === 'closed' ? { ...campaign, status: 'published' } : campaign, at);
    const { id: candidateId } = await trx
      .insertInto('recruitment_candidates')
      .values({
        full_name: input.candidate.fullName,
        search_name: foldForSearch(input.candidate.fullName),
        email: input.candidate.email,
        phone: input.candidate.phone,
        date_of_birth: input.candidate.dateOfBirth,
        identity_number: input.candidate.identityNumber ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id, documents } = await insertApplication(trx, campaign, candidateId, input, 'paper', at);
    await recordAudit(trx, actor, {
      action: 'apply_on_paper',
      entity: 'recruitment_application',
      entityId: id,
      agencyPath: campaign.agencyPath,
      after: { campaignId, positionId: input.positionId, candidateId, consentVersion: input.consentVersion, documents },
    });
    return id;
  });
}

const applicationColumns = [
  'a.id',
  'a.campaign_id as campaignId',
  'c.code as campaignCode',
  'c.title as campaignTitle',
  'c.status as campaignStatus',
  'a.position_id as positionId',
  'p.title_vi as positionTitle',
  'a.candidate_id as candidateId',
  'k.full_name as candidateName',
  'a.status',
  'a.source',
  'a.submitted_at as submittedAt',
] as const;

const applicationsQuery = (db: Db) =>
  db
    .selectFrom('recruitment_applications as a')
    .innerJoin('recruitment_campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('recruitment_candidates as k', 'k.id', 'a.candidate_id')
    .innerJoin('positions as p', 'p.id', 'a.position_id')
    .select(applicationColumns);

export async function campaignApplications(db: Db, actor: Actor, campaignId: string) {
  const { canManage, isPanelMember: member } = await visibleCampaign(db, actor, campaignId);
  const items = await applicationsQuery(db)
    .select(['k.email', 'k.phone', sql<number>`(SELECT count(*)::int FROM recruitment_documents d WHERE d.application_id = a.id)`.as('documents')])
    .where('a.campaign_id', '=', campaignId)
    .orderBy('a.submitted_at')
    .limit(10_000)
    .execute();
  // The panel judges the application, it does not need to reach the candidate: contact details are HR's.
  return { items: items.map((i) => (canManage || !member ? i : { ...i, email: null, phone: null })) };
}

export async function myApplications(db: Db, actor: Actor) {
  const items = await applicationsQuery(db).where('k.user_id', '=', actor.userId).where('k.erased_at', 'is', null).orderBy('a.submitted_at', 'desc').execute();
  return { items };
}

/** The application if the caller may read it (its candidate, HR of the agency, the campaign's panel); 404 otherwise. */
export async function readableApplication(db: Db, actor: Actor, applicationId: string) {
  const row = await applicationsQuery(db)
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .select([
      'g.path as agencyPath',
      'k.user_id as candidateUserId',
      'k.email',
      'k.phone',
      sql<string | null>`to_char(k.retain_until, 'YYYY-MM-DD')`.as('retainUntil'),
      'k.consent_at as consentAt',
      'k.consent_version as consentVersion',
    ])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
  if (!row) throw notFound({ applicationId });
  const member = await isPanelMember(db, row.campaignId, actor.userId);
  if (!recruitmentPolicy.canReadApplication(actor, row, member)) throw notFound({ applicationId });
  const documents = await db
    .selectFrom('recruitment_documents')
    .select(['id', 'kind', 'file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes', 'uploaded_at as uploadedAt'])
    .where('application_id', '=', applicationId)
    .orderBy('uploaded_at')
    .execute();
  const { agencyPath: _p, candidateUserId: _u, ...application } = row;
  return { ...application, documents };
}

export async function documentFile(db: Db, actor: Actor, documentId: string) {
  const document = await db
    .selectFrom('recruitment_documents')
    .select(['application_id as applicationId', 'file_name as fileName', 'media_type as mediaType', 'content'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!document) throw notFound({ documentId });
  try {
    await readableApplication(db, actor, document.applicationId);
  } catch {
    throw notFound({ documentId });
  }
  return document;
}
