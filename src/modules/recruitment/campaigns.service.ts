import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import { now as clockNow } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { canMove, isEditable, laterDate, publishProblems, retentionDate } from './campaign-rules.js';
import { findCampaign, isPanelMember, panelOf, postsOf, stagesOf, type CampaignRow } from './campaigns.repository.js';
import { recruitmentPolicy } from './recruitment.policy.js';
import type { CampaignDetail, CampaignInput } from './recruitment.schema.js';
import type { CampaignStatus } from './recruitment.tables.js';
import { refreshStandings } from './standings.service.js';

/** The campaign if the caller manages it or sits on its panel; 404 otherwise (its existence does not leak). */
export async function visibleCampaign(db: Db, actor: Actor, id: string): Promise<{ campaign: CampaignRow; canManage: boolean; isPanelMember: boolean }> {
  const campaign = await findCampaign(db, id);
  if (!campaign) throw notFound({ campaignId: id });
  const canManage = recruitmentPolicy.canManage(actor, campaign);
  const member = await isPanelMember(db, id, actor.userId);
  if (!canManage && !member) throw notFound({ campaignId: id });
  return { campaign, canManage, isPanelMember: member };
}

export async function managedCampaign(db: Db, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<CampaignRow> {
  const campaign = await findCampaign(db, id, options);
  if (!campaign || !recruitmentPolicy.canManage(actor, campaign)) throw notFound({ campaignId: id });
  return campaign;
}

export async function campaignDetail(db: Db, actor: Actor, id: string): Promise<CampaignDetail> {
  const { campaign, canManage, isPanelMember } = await visibleCampaign(db, actor, id);
  const { agencyPath: _path, ...fields } = campaign;
  return {
    ...fields,
    posts: await postsOf(db, id),
    stages: await stagesOf(db, id),
    panel: await panelOf(db, id),
    canManage,
    isPanelMember,
  };
}

/** The agency a campaign recruits for: the given one within the caller's scope, or the caller's own. */
async function campaignAgency(trx: Transaction<Database>, actor: Actor, agencyId: string | undefined) {
  const agency = await trx
    .selectFrom('agencies')
    .select(['id', 'path'])
    .where('id', '=', agencyId ?? actor.agencyId)
    .executeTakeFirst();
  if (!agency || !isInScope(actor, agency.path)) throw new AppError('referenced_record', 422, { field: 'agencyId' });
  return agency;
}

/** The posts' positions must be positions of the campaign's agency subtree: it recruits into its own vacancies. */
async function checkPositions(trx: Transaction<Database>, agencyPath: string, input: CampaignInput) {
  const ids = input.posts.map((p) => p.positionId);
  if (new Set(ids).size !== ids.length) throw new AppError('validation_failed', 400, [{ path: 'posts', message: 'each position at most once' }]);
  if (ids.length === 0) return;
  const found = await trx
    .selectFrom('positions as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'a.path'])
    .where('p.id', 'in', ids)
    .execute();
  const outside = ids.filter((id) => !found.some((f) => f.id === id && f.path.startsWith(agencyPath)));
  if (outside.length > 0) throw new AppError('position_not_in_agency', 422, { positionIds: outside });
}

async function writeParts(trx: Transaction<Database>, campaignId: string, input: CampaignInput) {
  await trx.deleteFrom('recruitment_campaign_posts').where('campaign_id', '=', campaignId).execute();
  await trx.deleteFrom('recruitment_stages').where('campaign_id', '=', campaignId).execute();
  if (input.posts.length > 0)
    await trx
      .insertInto('recruitment_campaign_posts')
      .values(input.posts.map((p) => ({ campaign_id: campaignId, position_id: p.positionId, posts: p.posts })))
      .execute();
  if (input.stages.length > 0)
    await trx
      .insertInto('recruitment_stages')
      .values(
        input.stages.map((s, i) => ({
          campaign_id: campaignId,
          ordinal: i + 1,
          kind: s.kind,
          name: s.name,
          starts_on: s.startsOn,
          ends_on: s.endsOn,
          weight: s.weight,
        })),
      )
      .execute();
}

function checkWindow(input: CampaignInput) {
  if (input.applicationsOpenAt && input.applicationsCloseAt && input.applicationsCloseAt <= input.applicationsOpenAt)
    throw new AppError('recruitment_window_invalid', 422);
  for (const [i, s] of input.stages.entries())
    if (s.startsOn && s.endsOn && s.endsOn < s.startsOn)
      throw new AppError('validation_failed', 400, [{ path: `stages.${i}.endsOn`, message: 'before startsOn' }]);
}

const columns = (input: CampaignInput) => ({
  code: input.code,
  title: input.title,
  notice: input.notice,
  applications_open_at: input.applicationsOpenAt ? new Date(input.applicationsOpenAt) : null,
  applications_close_at: input.applicationsCloseAt ? new Date(input.applicationsCloseAt) : null,
  tie_break: JSON.stringify(input.tieBreak),
  retention_months: input.retentionMonths,
});

const codeTaken = (error: unknown) => (error as { code?: string }).code === '23505';

export async function createCampaign(db: Db, actor: Actor, input: CampaignInput): Promise<string> {
  checkWindow(input);
  try {
    return await db.transaction().execute(async (trx) => {
      const agency = await campaignAgency(trx, actor, input.agencyId);
      await checkPositions(trx, agency.path, input);
      const { id } = await trx
        .insertInto('recruitment_campaigns')
        .values({ agency_id: agency.id, created_by: actor.userId, ...columns(input) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeParts(trx, id, input);
      await recordAudit(trx, actor, { action: 'create', entity: 'recruitment_campaign', entityId: id, agencyPath: agency.path, after: input });
      return id;
    });
  } catch (error) {
    if (codeTaken(error)) throw new AppError('already_exists', 409, { field: 'code' });
    throw error;
  }
}

export async function updateCampaign(db: Db, actor: Actor, id: string, input: CampaignInput): Promise<void> {
  checkWindow(input);
  try {
    await db.transaction().execute(async (trx) => {
      const campaign = await managedCampaign(trx, actor, id, { forUpdate: true });
      if (!isEditable(campaign.status)) throw new AppError('recruitment_campaign_not_draft', 409, { status: campaign.status });
      if (input.agencyId && input.agencyId !== campaign.agencyId) throw new AppError('invalid_value', 422, { field: 'agencyId' });
      await checkPositions(trx, campaign.agencyPath, input);
      const before = { ...campaign, posts: await postsOf(trx, id), stages: await stagesOf(trx, id) };
      await trx
        .updateTable('recruitment_campaigns')
        .set({ ...columns(input), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await writeParts(trx, id, input);
      // New stages, weights or positions: every standing is scored again on them.
      await refreshStandings(trx, id);
      await recordAudit(trx, actor, { action: 'update', entity: 'recruitment_campaign', entityId: id, agencyPath: campaign.agencyPath, before, after: input });
    });
  } catch (error) {
    if (codeTaken(error)) throw new AppError('already_exists', 409, { field: 'code' });
    throw error;
  }
}

const TARGET: Record<'publish' | 'close' | 'complete' | 'cancel', CampaignStatus> = {
  publish: 'published',
  close: 'closed',
  complete: 'completed',
  cancel: 'cancelled',
};

/**
 * Move a campaign along its life cycle. Publishing checks the notice is complete; completing (or cancelling)
 * fixes every candidate's retention date from the end of the campaign.
 */
export async function moveCampaign(db: Db, actor: Actor, id: string, to: keyof typeof TARGET, now = clockNow()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, id, { forUpdate: true });
    const target = TARGET[to];
    if (!canMove(campaign.status, target)) throw new AppError('recruitment_campaign_transition', 409, { from: campaign.status, to: target });
    if (target === 'published') {
      const posts = await postsOf(trx, id);
      const problems = publishProblems({ ...campaign, posts: posts.length, stages: await stagesOf(trx, id) }, now);
      if (problems.length > 0) throw new AppError('recruitment_campaign_incomplete', 422, { problems });
    }
    const ends = target === 'completed' || target === 'cancelled';
    await trx
      .updateTable('recruitment_campaigns')
      .set({
        status: target,
        updated_at: now,
        ...(target === 'published' ? { published_at: now } : {}),
        ...(ends ? { completed_at: now } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (ends) await extendRetention(trx, { ...campaign, completedAt: now }, now);
    await recordAudit(trx, actor, {
      action: to,
      entity: 'recruitment_campaign',
      entityId: id,
      agencyPath: campaign.agencyPath,
      before: { status: campaign.status },
      after: { status: target },
    });
  });
}

/** Each candidate of the campaign is kept until its end plus the retention months, or longer for another campaign. */
async function extendRetention(trx: Transaction<Database>, campaign: CampaignRow, now: Date) {
  const until = retentionDate(campaign, now);
  const candidates = await trx
    .selectFrom('recruitment_candidates as k')
    .innerJoin('recruitment_applications as a', 'a.candidate_id', 'k.id')
    .select(['k.id', sql<string | null>`to_char(k.retain_until, 'YYYY-MM-DD')`.as('retainUntil')])
    .where('a.campaign_id', '=', campaign.id)
    .where('k.erased_at', 'is', null)
    .execute();
  for (const candidate of candidates) {
    const later = laterDate(candidate.retainUntil, until);
    if (later !== candidate.retainUntil)
      await trx.updateTable('recruitment_candidates').set({ retain_until: later, updated_at: now }).where('id', '=', candidate.id).execute();
  }
}
