import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import type { Actor } from '../../platform/auth/actor.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import type { TieBreakRule } from './campaign-rules.js';
import type { CampaignStatus } from './recruitment.tables.js';

type Executor = Db;

export interface CampaignRow {
  id: string;
  agencyId: string;
  agencyName: string;
  agencyPath: string;
  code: string;
  title: string;
  notice: string;
  status: CampaignStatus;
  applicationsOpenAt: Date | null;
  applicationsCloseAt: Date | null;
  tieBreak: TieBreakRule[];
  retentionMonths: number;
  publishedAt: Date | null;
  completedAt: Date | null;
}

export async function findCampaign(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<CampaignRow | undefined> {
  const row = await db
    .selectFrom('recruitment_campaigns as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select([
      'c.id',
      'c.agency_id as agencyId',
      'a.name as agencyName',
      'a.path as agencyPath',
      'c.code',
      'c.title',
      'c.notice',
      'c.status',
      'c.applications_open_at as applicationsOpenAt',
      'c.applications_close_at as applicationsCloseAt',
      'c.tie_break as tieBreak',
      'c.retention_months as retentionMonths',
      'c.published_at as publishedAt',
      'c.completed_at as completedAt',
    ])
    .where('c.id', '=', id)
    .$if(options.forUpdate === true, (q) => q.forUpdate('c'))
    .executeTakeFirst();
  return row ? { ...row, tieBreak: row.tieBreak as TieBreakRule[] } : undefined;
}

export async function isPanelMember(db: Executor, campaignId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('recruitment_panel_members')
    .select('user_id')
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function postsOf(db: Executor, campaignId: string) {
  const posts = await db
    .selectFrom('recruitment_campaign_posts as p')
    .innerJoin('positions as pos', 'pos.id', 'p.position_id')
    .select(['p.position_id as positionId', 'pos.code as positionCode', 'pos.title_vi as positionTitle', 'p.posts'])
    .where('p.campaign_id', '=', campaignId)
    .orderBy('pos.code')
    .execute();
  const ids = posts.map((p) => p.positionId);
  const requirements =
    ids.length === 0
      ? []
      : await db
          .selectFrom('position_requirements as r')
          .innerJoin('competencies as c', 'c.id', 'r.competency_id')
          .select([
            'r.position_id as positionId',
            'r.competency_id as competencyId',
            'c.code',
            'c.name_vi as name',
            'c.name_en as nameEn',
            'r.required_level as requiredLevel',
            'r.criticality',
          ])
          .where('r.position_id', 'in', ids)
          .orderBy('c.code')
          .execute();
  return posts.map((p) => ({ ...p, profile: requirements.filter((r) => r.positionId === p.positionId).map(({ positionId: _p, ...r }) => r) }));
}

export async function stagesOf(db: Executor, campaignId: string) {
  return db
    .selectFrom('recruitment_stages')
    .select(['id', 'ordinal', 'kind', 'name', 'starts_on as startsOn', 'ends_on as endsOn', 'weight'])
    .where('campaign_id', '=', campaignId)
    .orderBy('ordinal')
    .execute();
}

export async function panelOf(db: Executor, campaignId: string) {
  return db
    .selectFrom('recruitment_panel_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select((eb) => [
      'm.user_id as userId',
      'u.display_name as displayName',
      'u.role',
      'a.name as agencyName',
      'm.panel_role as panelRole',
      'm.declared_at as declaredAt',
      sql<number>`(SELECT count(*)::int FROM recruitment_conflicts k WHERE k.campaign_id = m.campaign_id AND k.user_id = m.user_id)`.as('conflicts'),
    ])
    .where('m.campaign_id', '=', campaignId)
    .orderBy(sql`CASE m.panel_role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 2 ELSE 1 END`)
    .orderBy('u.display_name')
    .execute();
}

/** Campaigns HR manages (its subtree) and those the caller sits on the panel of. */
export async function listCampaigns(db: Executor, actor: Actor) {
  const manages = actor.role === 'national_admin' || actor.role === 'hr_officer';
  return db
    .selectFrom('recruitment_campaigns as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select((eb) => [
      'c.id',
      'c.code',
      'c.title',
      'c.agency_id as agencyId',
      'a.name as agencyName',
      'c.status',
      'c.applications_open_at as applicationsOpenAt',
      'c.applications_close_at as applicationsCloseAt',
      'c.published_at as publishedAt',
      sql<number>`(SELECT coalesce(sum(p.posts), 0)::int FROM recruitment_campaign_posts p WHERE p.campaign_id = c.id)`.as('posts'),
      sql<number>`(SELECT count(*)::int FROM recruitment_applications x WHERE x.campaign_id = c.id)`.as('applications'),
    ])
    .where((eb) =>
      eb.or([
        ...(manages ? [scopeCondition(actor, 'a.path')] : []),
        eb.exists(
          eb.selectFrom('recruitment_panel_members as m').select('m.user_id').whereRef('m.campaign_id', '=', 'c.id').where('m.user_id', '=', actor.userId),
        ),
      ]),
    )
    .orderBy('c.created_at', 'desc')
    .limit(500)
    .execute();
}

export async function listPublishedCampaigns(db: Executor) {
  return db
    .selectFrom('recruitment_campaigns as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select((eb) => [
      'c.id',
      'c.code',
      'c.title',
      'a.name as agencyName',
      'c.applications_open_at as applicationsOpenAt',
      'c.applications_close_at as applicationsCloseAt',
      'c.tie_break as tieBreak',
      'c.retention_months as retentionMonths',
      sql<number>`(SELECT coalesce(sum(p.posts), 0)::int FROM recruitment_campaign_posts p WHERE p.campaign_id = c.id)`.as('posts'),
    ])
    .where('c.status', '=', 'published')
    .orderBy('c.applications_close_at')
    .limit(500)
    .execute();
}
