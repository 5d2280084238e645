import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { now } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import { AppError, notFound } from '../../platform/errors.js';
import { competencyDetails, levelsOf } from '../assessment/catalogue.js';
import { recruitmentAssessmentPolicy as policy } from './assessment.policy.js';
import { applicationOf, campaignOf, OUT_OF_RACE, panelMember, profilesOf, stageOf, type CampaignRow } from './assessment.repository.js';
import { consolidatePanel } from './panel-consolidation.js';
import { ratingRefusal } from './rating-eligibility.js';
import { sheetProblem, visibleSheets, type SheetRating } from './rating-rules.js';
import { refreshStandings } from './standings.service.js';

type Executor = Parameters<typeof campaignOf>[0];
/** The stages a panel rates; a knowledge test is scored, and screening only admits. */
const RATED_STAGES = ['practical', 'interview'];
/** Campaign states in which its candidates are assessed: after the notice, before the result is final. */
export const ASSESSING = ['published', 'closed'];

/** The application, its campaign and stage, for a panel member or HR; anyone else: not found. */
async function context(db: Executor, actor: Actor, applicationId: string, stageId?: string) {
  const application = await applicationOf(db, applicationId);
  if (!application) throw notFound();
  const campaign = (await campaignOf(db, application.campaignId))!;
  const member = await panelMember(db, campaign.id, actor.userId);
  const hr = policy.isHr(actor, campaign);
  if (!hr && !member) throw notFound();
  const stage = stageId ? await stageOf(db, campaign.id, stageId) : undefined;
  if (stageId && !stage) throw notFound();
  return { application, campaign, member, hr, stage };
}

function checkAssessing(campaign: CampaignRow, application: { status: string }) {
  if (!ASSESSING.includes(campaign.status)) throw new AppError('recruitment_campaign_not_assessing', 409, { status: campaign.status });
  if ((OUT_OF_RACE as readonly string[]).includes(application.status))
    throw new AppError('recruitment_application_out_of_race', 409, { status: application.status });
}

async function profileOf(db: Executor, positionId: string) {
  return (await profilesOf(db, [positionId])).get(positionId)!;
}

/** The member's sheet for an application at a stage, with every competency's indicators per level to rate against. */
export async function ratingSheet(db: Db, actor: Actor, applicationId: string, stageId: string) {
  const { application, campaign, stage } = await context(db, actor, applicationId, stageId);
  const refusal = await ratingRefusal(db, campaign.id, actor.userId, applicationId);
  if (refusal) throw refusal;
  const profile = await profileOf(db, application.positionId);
  const sheet = await db
    .selectFrom('recruitment_rating_sheets')
    .select(['id', 'submitted_at as submittedAt'])
    .where('stage_id', '=', stageId)
    .where('application_id', '=', applicationId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  const ratings = sheet
    ? await db.selectFrom('recruitment_ratings').select(['competency_id as competencyId', 'level', 'note']).where('sheet_id', '=', sheet.id).execute()
    : [];
  return {
    applicationId,
    stage: { id: stage!.id, name: stage!.name, kind: stage!.kind },
    candidate: { fullName: application.fullName },
    status: sheet?.submittedAt ? ('submitted' as const) : sheet ? ('draft' as const) : ('new' as const),
    submittedAt: sheet?.submittedAt ?? null,
    levels: profile[0] ? await levelsOf(db, profile[0].versionId) : [],
    competencies: await competencyDetails(
      db,
      profile.map((p) => p.competencyId),
      application.positionId,
    ),
    ratings,
  };
}

/**
 * Save a draft or submit a sheet, in one transaction: a refused member, a level off the scale or a competency
 * outside the profile writes nothing; a submitted sheet is final.
 */
export async function saveRatingSheet(
  db: Db,
  actor: Actor,
  applicationId: string,
  stageId: string,
  input: { ratings: ReadonlyArray<SheetRating & { note?: string }>; submit: boolean },
) {
  await db.transaction().execute(async (trx) => {
    const { application, campaign, stage } = await context(trx, actor, applicationId, stageId);
    const refusal = await ratingRefusal(trx, campaign.id, actor.userId, applicationId);
    if (refusal) throw refusal;
    if (!RATED_STAGES.includes(stage!.kind)) throw new AppError('recruitment_stage_not_rated', 409, { field: 'stageId', kind: stage!.kind });
    checkAssessing(campaign, application);
    const profile = await profileOf(trx, application.positionId);
    const levelCount = Math.max(0, ...profile.map((p) => p.levelCount));
    const problem = sheetProblem(input.ratings, new Set(profile.map((p) => p.competencyId)), levelCount, input.submit);
    if (problem) {
      const { code, ...details } = problem;
      throw new AppError(code, 422, details);
    }
    const existing = await trx
      .selectFrom('recruitment_rating_sheets')
      .select(['id', 'submitted_at'])
      .where('stage_id', '=', stageId)
      .where('application_id', '=', applicationId)
      .where('user_id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.submitted_at) throw new AppError('recruitment_sheet_submitted', 409);
    const sheetId =
      existing?.id ??
      (
        await trx
          .insertInto('recruitment_rating_sheets')
          .values({ campaign_id: campaign.id, stage_id: stageId, application_id: applicationId, user_id: actor.userId })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    await trx.deleteFrom('recruitment_ratings').where('sheet_id', '=', sheetId).execute();
    if (input.ratings.length) {
      await trx
        .insertInto('recruitment_ratings')
        .values(input.ratings.map((r) => ({ sheet_id: sheetId, competency_id: r.competencyId, level: r.level, note: r.note ?? '' })))
        .execute();
    }
    await trx
      .updateTable('recruitment_rating_sheets')
      .set({ updated_at: now(), ...(input.submit ? { submitted_at: now() } : {}) })
      .where('id', '=', sheetId)
      .execute();
    // A draft counts for nothing; a submitted sheet moves the candidate's standing in this transaction.
    if (input.submit) await refreshStandings(trx, campaign.id, [applicationId]);
    await recordAudit(trx, actor, {
      action: input.submit ? 'submit' : 'update',
      entity: 'recruitment_rating_sheet',
      entityId: sheetId,
      agencyPath: campaign.agencyPath,
      after: { applicationId, stageId, ratings: input.ratings.map((r) => ({ competencyId: r.competencyId, level: r.level })) },
    });
  });
  return ratingSheet(db, actor, applicationId, stageId);
}

/**
 * HR of the campaign reopens a member's submitted sheet (the chair asked them to look again, a disagreement
 * flagged): it becomes a draft the member changes and submits again, their levels leave the standing meanwhile.
 * Audited with the levels it had and the reason.
 */
export async function reopenRatingSheet(db: Db, actor: Actor, applicationId: string, stageId: string, userId: string, reason: string) {
  return db.transaction().execute(async (trx) => {
    const { application, campaign, hr } = await context(trx, actor, applicationId, stageId);
    if (!hr) throw notFound();
    checkAssessing(campaign, application);
    const sheet = await trx
      .selectFrom('recruitment_rating_sheets')
      .select(['id', 'submitted_at'])
      .where('stage_id', '=', stageId)
      .where('application_id', '=', applicationId)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!sheet) throw notFound();
    if (!sheet.submitted_at) throw new AppError('recruitment_sheet_not_submitted', 409);
    const ratings = await trx.selectFrom('recruitment_ratings').select(['competency_id as competencyId', 'level']).where('sheet_id', '=', sheet.id).execute();
    const at = now();
    await trx.updateTable('recruitment_rating_sheets').set({ submitted_at: null, updated_at: at }).where('id', '=', sheet.id).execute();
    await refreshStandings(trx, campaign.id, [applicationId]);
    await recordAudit(trx, actor, {
      action: 'reopen',
      entity: 'recruitment_rating_sheet',
      entityId: sheet.id,
      agencyPath: campaign.agencyPath,
      before: { submittedAt: sheet.submitted_at, ratings },
      after: { submittedAt: null, reason },
    });
    return { sheetId: sheet.id, reopenedAt: at };
  });
}

/**
 * An application's sheets as the reader may see them (rating-rules.ts visibleSheets): a member sees only their
 * own until it is submitted, then every submitted one; HR sees every submitted sheet. The consolidation per stage
 * and competency is over what the reader sees, so it never leaks a sheet they may not read.
 */
export async function applicationRatings(db: Db, actor: Actor, applicationId: string) {
  const { application, campaign, hr } = await context(db, actor, applicationId);
  const rows = await db
    .selectFrom('recruitment_rating_sheets as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('recruitment_ratings as r', 'r.sheet_id', 's.id')
    .select(['s.id', 's.stage_id as stageId', 's.user_id as userId', 'u.display_name as raterName', 's.submitted_at as submittedAt'])
    .select(['r.competency_id as competencyId', 'r.level', 'r.note'])
    .where('s.application_id', '=', applicationId)
    .orderBy('s.created_at')
    .execute();
  const sheets = new Map<
    string,
    {
      id: string;
      stageId: string;
      userId: string;
      raterName: string;
      submittedAt: Date | null;
      ratings: Array<{ competencyId: string; level: number; note: string }>;
    }
  >();
  for (const r of rows) {
    const sheet = sheets.get(r.id) ?? { id: r.id, stageId: r.stageId, userId: r.userId, raterName: r.raterName, submittedAt: r.submittedAt, ratings: [] };
    if (r.competencyId) sheet.ratings.push({ competencyId: r.competencyId, level: r.level!, note: r.note! });
    sheets.set(r.id, sheet);
  }
  // Per stage: a member's view of one stage opens with their own submission at that stage.
  const byStage = new Map<string, Array<typeof sheets extends Map<string, infer V> ? V : never>>();
  for (const s of sheets.values()) byStage.set(s.stageId, [...(byStage.get(s.stageId) ?? []), s]);
  const visible = [...byStage.values()].flatMap((list) => visibleSheets(list, { userId: actor.userId, hr }));
  const consolidated: Array<{ stageId: string; competencyId: string } & NonNullable<ReturnType<typeof consolidatePanel>>> = [];
  const levels = new Map<string, number[]>();
  for (const s of visible.filter((v) => v.submittedAt)) {
    for (const r of s.ratings) levels.set(`${s.stageId}|${r.competencyId}`, [...(levels.get(`${s.stageId}|${r.competencyId}`) ?? []), r.level]);
  }
  for (const [key, list] of levels) {
    const [stageId, competencyId] = key.split('|') as [string, string];
    consolidated.push({ stageId, competencyId, ...consolidatePanel(list)! });
  }
  return { applicationId, campaignId: campaign.id, positionId: application.positionId, sheets: visible, consolidated };
}
