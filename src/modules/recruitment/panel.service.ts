import type { Db } from '../../platform/db/engine.js';
import { now as clockNow } from '../../platform/clock.js';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { foldForSearch, likePattern } from '../../platform/text/vietnamese.js';
import { foldedColumn } from '../../platform/text/vietnamese-sql.js';
import { findCampaign, panelOf } from './campaigns.repository.js';
import { managedCampaign } from './campaigns.service.js';
import { refreshStandings } from './standings.service.js';
import type { z } from 'zod';
import type { declarationAnswer, declarationBody, panelBody } from './recruitment.schema.js';

/**
 * May this user rate this application (issue 17, wt-ra's ratings call it)? Only a member of the campaign's
 * panel who has made their conflict-of-interest declaration and has declared no conflict with that
 * application; an application of another campaign never.
 */
export async function canRate(db: Db, campaignId: string, userId: string, applicationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('recruitment_panel_members as m')
    .innerJoin('recruitment_applications as a', (join) => join.onRef('a.campaign_id', '=', 'm.campaign_id').on('a.id', '=', applicationId))
    .leftJoin('recruitment_conflicts as k', (join) =>
      join.onRef('k.campaign_id', '=', 'm.campaign_id').onRef('k.user_id', '=', 'm.user_id').onRef('k.application_id', '=', 'a.id'),
    )
    .select(['m.declared_at as declaredAt', 'k.application_id as conflict'])
    .where('m.campaign_id', '=', campaignId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined && row.declaredAt !== null && row.conflict === null;
}

/** Users HR may put on a panel: users of the campaign's agency subtree (not candidates) and experts from anywhere. */
export async function panelCandidates(db: Db, actor: Actor, campaignId: string, search: string | undefined) {
  const campaign = await managedCampaign(db, actor, campaignId);
  const items = await db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id as userId', 'u.display_name as displayName', 'u.role', 'a.name as agencyName'])
    .where('u.active', '=', true)
    .where('u.role', '!=', 'candidate')
    .where((eb) => eb.or([eb('u.role', '=', 'expert'), eb('a.path', 'like', `${campaign.agencyPath}%`)]))
    .$if(!!search, (q) => q.where(foldedColumn('u.display_name'), 'like', likePattern(foldForSearch(search!))))
    .orderBy('u.display_name')
    .limit(100)
    .execute();
  return { items };
}

/** Replace the panel; a member kept keeps their declaration, a member removed loses theirs with them. */
export async function setPanel(db: Db, actor: Actor, campaignId: string, body: z.infer<typeof panelBody>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const campaign = await managedCampaign(trx, actor, campaignId, { forUpdate: true });
    if (campaign.status === 'completed' || campaign.status === 'cancelled')
      throw new AppError('recruitment_campaign_transition', 409, { status: campaign.status });
    const ids = body.members.map((m) => m.userId);
    const users =
      ids.length === 0
        ? []
        : await trx
            .selectFrom('users as u')
            .innerJoin('agencies as a', 'a.id', 'u.agency_id')
            .select(['u.id', 'u.role', 'a.path'])
            .where('u.id', 'in', ids)
            .where('u.active', '=', true)
            .execute();
    const invalid = ids.filter((id) => {
      const user = users.find((u) => u.id === id);
      return !user || user.role === 'candidate' || (user.role !== 'expert' && !user.path.startsWith(campaign.agencyPath));
    });
    if (invalid.length > 0) throw new AppError('recruitment_panel_member_invalid', 422, { userIds: invalid });
    const before = await panelOf(trx, campaignId);
    // A member removed takes their declared conflicts along (0031's cascade): those candidates' standings move.
    const released = await trx
      .selectFrom('recruitment_conflicts')
      .select('application_id')
      .where('campaign_id', '=', campaignId)
      .$if(ids.length > 0, (q) => q.where('user_id', 'not in', ids))
      .execute();
    if (ids.length > 0) {
      await trx.deleteFrom('recruitment_panel_members').where('campaign_id', '=', campaignId).where('user_id', 'not in', ids).execute();
      await trx
        .insertInto('recruitment_panel_members')
        .values(body.members.map((m) => ({ campaign_id: campaignId, user_id: m.userId, panel_role: m.panelRole })))
        .onConflict((oc) => oc.columns(['campaign_id', 'user_id']).doUpdateSet((eb) => ({ panel_role: eb.ref('excluded.panel_role') })))
        .execute();
    } else {
      await trx.deleteFrom('recruitment_panel_members').where('campaign_id', '=', campaignId).execute();
    }
    await refreshStandings(trx, campaignId, [...new Set(released.map((r) => r.application_id))]);
    await recordAudit(trx, actor, {
      action: 'set_panel',
      entity: 'recruitment_campaign',
      entityId: campaignId,
      agencyPath: campaign.agencyPath,
      before: before.map((m) => ({ userId: m.userId, panelRole: m.panelRole })),
      after: body.members,
    });
  });
}

async function membership(db: Db, actor: Actor, campaignId: string) {
  const campaign = await findCampaign(db, campaignId);
  const member = campaign
    ? await db
        .selectFrom('recruitment_panel_members')
        .select(['panel_role as panelRole', 'declared_at as declaredAt'])
        .where('campaign_id', '=', campaignId)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst()
    : undefined;
  if (!campaign || !member) throw notFound({ campaignId });
  return { campaign, member };
}

export async function declaration(db: Db, actor: Actor, campaignId: string): Promise<z.infer<typeof declarationAnswer>> {
  const { member } = await membership(db, actor, campaignId);
  const conflicts = await db
    .selectFrom('recruitment_conflicts')
    .select(['application_id as applicationId', 'reason'])
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', actor.userId)
    .execute();
  const applications = await db
    .selectFrom('recruitment_applications as a')
    .innerJoin('recruitment_candidates as k', 'k.id', 'a.candidate_id')
    .innerJoin('positions as p', 'p.id', 'a.position_id')
    .select(['a.id', 'k.full_name as candidateName', 'p.title_vi as positionTitle'])
    .where('a.campaign_id', '=', campaignId)
    .orderBy('k.search_name')
    .limit(5000)
    .execute();
  return { campaignId, declaredAt: member.declaredAt, panelRole: member.panelRole, conflicts, applications };
}

/**
 * The member's conflict-of-interest declaration: the list of applications they may not rate (empty: none).
 * Declaring again replaces the list; a member who has not declared rates nothing.
 */
export async function declare(db: Db, actor: Actor, campaignId: string, body: z.infer<typeof declarationBody>, now = clockNow()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { campaign } = await membership(trx, actor, campaignId);
    const ids = body.conflicts.map((c) => c.applicationId);
    if (new Set(ids).size !== ids.length) throw new AppError('validation_failed', 400, [{ path: 'conflicts', message: 'each application once' }]);
    if (ids.length > 0) {
      const found = await trx.selectFrom('recruitment_applications').select('id').where('campaign_id', '=', campaignId).where('id', 'in', ids).execute();
      const unknown = ids.filter((id) => !found.some((f) => f.id === id));
      if (unknown.length > 0) throw new AppError('referenced_record', 422, { applicationIds: unknown });
    }
    const before = await trx
      .selectFrom('recruitment_conflicts')
      .select('application_id')
      .where('campaign_id', '=', campaignId)
      .where('user_id', '=', actor.userId)
      .execute();
    await trx.deleteFrom('recruitment_conflicts').where('campaign_id', '=', campaignId).where('user_id', '=', actor.userId).execute();
    if (ids.length > 0)
      await trx
        .insertInto('recruitment_conflicts')
        .values(body.conflicts.map((c) => ({ campaign_id: campaignId, user_id: actor.userId, application_id: c.applicationId, reason: c.reason })))
        .execute();
    await trx
      .updateTable('recruitment_panel_members')
      .set({ declared_at: now })
      .where('campaign_id', '=', campaignId)
      .where('user_id', '=', actor.userId)
      .execute();
    // A conflict declared (or withdrawn) takes the member's sheet out of (or back into) that candidate's standing.
    await refreshStandings(trx, campaignId, [...new Set([...before.map((b) => b.application_id), ...ids])]);
    // The reasons may name the candidate's relatives: the trail keeps which applications, not why.
    await recordAudit(trx, actor, {
      action: 'declare_conflicts',
      entity: 'recruitment_campaign',
      entityId: campaignId,
      agencyPath: campaign.agencyPath,
      after: { conflictApplicationIds: ids },
    });
  });
}

export async function myPanels(db: Db, actor: Actor) {
  const items = await db
    .selectFrom('recruitment_panel_members as m')
    .innerJoin('recruitment_campaigns as c', 'c.id', 'm.campaign_id')
    .select(['c.id as campaignId', 'c.code', 'c.title', 'c.status', 'm.panel_role as panelRole', 'm.declared_at as declaredAt'])
    .where('m.user_id', '=', actor.userId)
    .orderBy('c.created_at', 'desc')
    .limit(200)
    .execute();
  return { items };
}
