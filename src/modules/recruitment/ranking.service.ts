import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { now } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import { AppError, notFound } from '../../platform/errors.js';
import { recruitmentAssessmentPolicy as policy } from './assessment.policy.js';
import { campaignOf, panelMember, type CampaignRow, type ProfileCompetency } from './assessment.repository.js';
import { orderCandidates, rankedStages } from './ranking.js';
import { basisKey, healStandings, scoreApplications, scoringBasis, storedStandings, unpackStanding, type Standing } from './standings.service.js';
import { parseTieBreak } from './tie-break.js';

type Executor = Parameters<typeof campaignOf>[0];

export interface ShortlistOptions {
  factor?: number;
  threshold?: number;
}

/** The campaign for HR of its agency or a member of its panel; anyone else (another agency's HR too): not found. */
export async function readableCampaign(db: Executor, actor: Actor, campaignId: string) {
  const campaign = await campaignOf(db, campaignId);
  if (!campaign) throw notFound();
  const onPanel = !!(await panelMember(db, campaignId, actor.userId));
  if (!policy.readsRanking(actor, campaign, onPanel)) throw notFound();
  return { campaign, hr: policy.isHr(actor, campaign) };
}

export async function hrCampaign(db: Executor, actor: Actor, campaignId: string) {
  const campaign = await campaignOf(db, campaignId);
  if (!campaign || !policy.isHr(actor, campaign)) throw notFound();
  return campaign;
}

/**
 * Every position's ranking: each application's standing (its stage levels — the panel's median at a rated stage,
 * the test level at a knowledge test, submitted evidence only — scored against the position's profile), the
 * campaign's tie-break rules and the shortlist. Standings are read as stored (standings.service.ts); one scored on
 * another basis or never scored is scored now. `recompute` scores every application from its evidence instead,
 * writing nothing: what the stored standings must equal.
 */
export async function computeRanking(db: Executor, campaign: CampaignRow, options: ShortlistOptions = {}, mode: { recompute?: boolean } = {}) {
  const [posts, basis] = await Promise.all([
    db
      .selectFrom('recruitment_campaign_posts as cp')
      .innerJoin('positions as p', 'p.id', 'cp.position_id')
      .select(['cp.position_id as positionId', 'cp.posts', 'p.title_vi as title', 'p.title_en as titleEn', 'p.role_category as roleCategory'])
      .where('cp.campaign_id', '=', campaign.id)
      .orderBy('p.title_vi')
      .execute(),
    scoringBasis(db, campaign.id),
  ]);
  const { assessed, profiles } = basis;
  const applications = await storedStandings(db, campaign.id);
  const standings = new Map<string, Standing>();
  if (mode.recompute) {
    for (const [id, s] of await scoreApplications(
      db,
      campaign.id,
      basis,
      applications.map((a) => a.id),
    ))
      standings.set(id, s);
  } else {
    const keys = new Map([...profiles].map(([positionId, profile]) => [positionId, basisKey(assessed, profile)]));
    const stale: string[] = [];
    const ordered = rankedStages(assessed);
    for (const a of applications) {
      if (a.basis === null || a.basis !== keys.get(a.positionId)) stale.push(a.id);
      else
        standings.set(
          a.id,
          unpackStanding(
            {
              applicationId: a.id,
              basis: a.basis,
              fit: a.fit!,
              digitalFit: a.digitalFit!,
              stageFits: a.stageFits!,
              levels: a.levels!,
              disagreements: a.disagreements!,
            },
            ordered,
            profiles.get(a.positionId) ?? [],
          ),
        );
    }
    if (stale.length) for (const [id, s] of await healStandings(db, campaign.id, basis, stale)) standings.set(id, s);
  }
  const rules = parseTieBreak(campaign.tieBreak);
  const appointed = await db
    .selectFrom('recruitment_appointments as x')
    .innerJoin('recruitment_applications as p', 'p.id', 'x.application_id')
    .select(['p.position_id as positionId', 'x.person_id as personId', 'x.application_id as applicationId'])
    .where('x.campaign_id', '=', campaign.id)
    .execute();
  return {
    campaign: {
      id: campaign.id,
      code: campaign.code,
      title: campaign.title,
      status: campaign.status,
      resultsPublishedAt: campaign.resultsPublishedAt,
      tieBreak: rules,
    },
    stages: assessed.map((s) => ({ id: s.id, name: s.name, kind: s.kind, weight: s.weight, ordinal: s.ordinal })),
    positions: posts.map((post) => {
      const profile = profiles.get(post.positionId) ?? [];
      const apps = applications.filter((a) => a.positionId === post.positionId);
      const byId = new Map(apps.map((a) => [a.id, a]));
      const scored = apps.map((a) => ({
        ...standings.get(a.id)!,
        submittedAt: a.submittedAt,
        // A candidate in a priority category under the law (0031's flag) ranks first among equals when the rule says so.
        priority: a.priority ? 1 : 0,
      }));
      const ranked = orderCandidates(scored, rules, { posts: post.posts, ...options });
      const names = new Map<string, ProfileCompetency>(profile.map((p) => [p.competencyId, p]));
      return {
        positionId: post.positionId,
        title: post.title,
        titleEn: post.titleEn,
        roleCategory: post.roleCategory,
        posts: post.posts,
        appointed: appointed.filter((x) => x.positionId === post.positionId).length,
        profile: profile.map((p) => ({
          competencyId: p.competencyId,
          code: p.code,
          name: p.nameVi,
          nameEn: p.nameEn,
          requiredLevel: p.requiredLevel,
          criticality: p.criticality,
          digital: !!p.digital,
        })),
        candidates: ranked.map((r) => {
          const a = byId.get(r.applicationId)!;
          return {
            applicationId: r.applicationId,
            fullName: a.fullName,
            status: a.status,
            submittedAt: a.submittedAt,
            priority: a.priority,
            rank: r.rank,
            fit: r.fit,
            digitalFit: r.digitalFit,
            tied: r.tied,
            decidedBy: r.decidedBy,
            shortlisted: r.shortlisted,
            disagreements: standings.get(r.applicationId)!.disagreements,
            stageFits: r.stageFits,
            levels: [...r.levels].map(([competencyId, level]) => ({ competencyId, level })),
            shortfalls: r.shortfalls.map((s) => ({
              competencyId: s.competencyId,
              code: names.get(s.competencyId)?.code ?? '',
              name: names.get(s.competencyId)?.nameVi ?? '',
              nameEn: names.get(s.competencyId)?.nameEn ?? '',
              requiredLevel: s.requiredLevel,
              assessedLevel: s.assessedLevel,
              gap: s.gap,
            })),
          };
        }),
      };
    }),
  };
}
export type Ranking = Awaited<ReturnType<typeof computeRanking>>;

export async function campaignRanking(db: Db, actor: Actor, campaignId: string, options: ShortlistOptions) {
  const { campaign } = await readableCampaign(db, actor, campaignId);
  return computeRanking(db, campaign, options);
}

/** HR records the shortlist: the shortlisted applications still in the running become 'shortlisted'. */
export async function recordShortlist(db: Db, actor: Actor, campaignId: string, options: ShortlistOptions) {
  await db.transaction().execute(async (trx) => {
    const campaign = await hrCampaign(trx, actor, campaignId);
    if (!['closed', 'published'].includes(campaign.status)) throw new AppError('recruitment_campaign_not_assessing', 409, { status: campaign.status });
    const ranking = await computeRanking(trx, campaign, options);
    const chosen = ranking.positions.flatMap((p) => p.candidates.filter((c) => c.shortlisted && ['submitted', 'screened_in'].includes(c.status)));
    if (chosen.length) {
      await trx
        .updateTable('recruitment_applications')
        .set({ status: 'shortlisted', updated_at: now() })
        .where(
          'id',
          'in',
          chosen.map((c) => c.applicationId),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'shortlist',
      entity: 'recruitment_campaign',
      entityId: campaignId,
      agencyPath: campaign.agencyPath,
      after: { options, applications: chosen.map((c) => ({ applicationId: c.applicationId, rank: c.rank, fit: c.fit })) },
    });
  });
  return campaignRanking(db, actor, campaignId, options);
}

/** HR publishes the results: from now on each candidate reads their own. */
export async function publishResults(db: Db, actor: Actor, campaignId: string) {
  return db.transaction().execute(async (trx) => {
    const campaign = await hrCampaign(trx, actor, campaignId);
    if (campaign.status === 'draft' || campaign.status === 'cancelled')
      throw new AppError('recruitment_campaign_not_assessing', 409, { status: campaign.status });
    const at = campaign.resultsPublishedAt ?? now();
    if (!campaign.resultsPublishedAt) {
      await trx.updateTable('recruitment_campaigns').set({ results_published_at: at, updated_at: now() }).where('id', '=', campaignId).execute();
      await recordAudit(trx, actor, {
        action: 'publish_results',
        entity: 'recruitment_campaign',
        entityId: campaignId,
        agencyPath: campaign.agencyPath,
        after: { at },
      });
    }
    return { campaignId, resultsPublishedAt: at };
  });
}

/** The candidate's own applications; the result (fit, rank, shortfalls) only once their campaign publishes results. */
export async function myResults(db: Db, actor: Actor) {
  const applications = await db
    .selectFrom('recruitment_applications as p')
    .innerJoin('recruitment_candidates as k', 'k.id', 'p.candidate_id')
    .innerJoin('recruitment_campaigns as c', 'c.id', 'p.campaign_id')
    .innerJoin('positions as s', 's.id', 'p.position_id')
    .select(['p.id', 'p.status', 'p.campaign_id as campaignId', 'c.title as campaignTitle', 's.title_vi as positionTitle', 's.title_en as positionTitleEn'])
    .where('k.user_id', '=', actor.userId)
    .orderBy('p.submitted_at', 'desc')
    .execute();
  const items = [];
  for (const a of applications) {
    const campaign = (await campaignOf(db, a.campaignId))!;
    let result = null;
    if (policy.seesOwnResult(campaign)) {
      const ranking = await computeRanking(db, campaign);
      const position = ranking.positions.find((p) => p.candidates.some((c) => c.applicationId === a.id));
      const own = position?.candidates.find((c) => c.applicationId === a.id);
      if (own && position) {
        result = { fit: own.fit, rank: own.rank, of: position.candidates.length, shortlisted: own.shortlisted, shortfalls: own.shortfalls };
      }
    }
    items.push({ ...a, resultsPublished: policy.seesOwnResult(campaign), result });
  }
  return { items };
}
