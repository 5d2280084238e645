import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { now } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import { AppError, notFound } from '../../platform/errors.js';
import { drawQuestions } from '../assessment/knowledge-test.js';
import { bankCondition, MIN_BANK_SIZE } from '../assessment/knowledge-tests.service.js';
import { levelOfScore, QUESTIONS_PER_COMPETENCY, scoreAttempt, scoreRangeProblems } from '../evaluation/learning-tests.rules.js';
import { recruitmentAssessmentPolicy as policy } from './assessment.policy.js';
import { applicationOf, campaignOf, OUT_OF_RACE, profilesOf, stageOf } from './assessment.repository.js';
import { refreshStandings } from './standings.service.js';

// A knowledge-test stage of a campaign: questions drawn from the banks of the position profile's competencies (the
// campaign agency's banks and the national one), scored 0–100 per competency and mapped to a level exactly as the
// learning tests do (evaluation/learning-tests.rules.ts), or a paper test whose scores HR enters.

type Executor = Parameters<typeof campaignOf>[0];

async function testContext(db: Executor, applicationId: string, stageId: string) {
  const application = await applicationOf(db, applicationId);
  if (!application) throw notFound();
  const campaign = (await campaignOf(db, application.campaignId))!;
  const stage = await stageOf(db, campaign.id, stageId);
  if (!stage) throw notFound();
  return { application, campaign, stage };
}

function checkTestStage(ctx: Awaited<ReturnType<typeof testContext>>) {
  if (ctx.stage.kind !== 'knowledge_test') throw new AppError('recruitment_stage_not_test', 409, { field: 'stageId', kind: ctx.stage.kind });
  if (!['published', 'closed'].includes(ctx.campaign.status)) throw new AppError('recruitment_campaign_not_assessing', 409, { status: ctx.campaign.status });
  if ((OUT_OF_RACE as readonly string[]).includes(ctx.application.status))
    throw new AppError('recruitment_application_out_of_race', 409, { status: ctx.application.status });
}

async function paperOf(db: Executor, resultId: string) {
  const result = await db.selectFrom('recruitment_test_results').select(['id', 'questions']).where('id', '=', resultId).executeTakeFirstOrThrow();
  const ids = result.questions.map((q) => q.id);
  const questions = ids.length
    ? await db.selectFrom('assessment_questions').select(['id', 'stem', 'stem_en as stemEn', 'options']).where('id', 'in', ids).execute()
    : [];
  const order = new Map(ids.map((id, i) => [id, i]));
  return { resultId, questions: questions.sort((a, b) => order.get(a.id)! - order.get(b.id)!) };
}

/** The candidate starts (or resumes) the test of their application at a knowledge-test stage. */
export async function startTest(db: Db, actor: Actor, applicationId: string, stageId: string) {
  const resultId = await db.transaction().execute(async (trx) => {
    const ctx = await testContext(trx, applicationId, stageId);
    if (ctx.application.candidateUserId !== actor.userId) throw notFound();
    checkTestStage(ctx);
    const existing = await trx
      .selectFrom('recruitment_test_results')
      .select(['id', 'submitted_at'])
      .where('stage_id', '=', stageId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    if (existing?.submitted_at) throw new AppError('recruitment_test_submitted', 409);
    if (existing) return existing.id;
    const profile = (await profilesOf(trx, [ctx.application.positionId])).get(ctx.application.positionId)!;
    const competencyIds = profile.map((p) => p.competencyId);
    const bank = competencyIds.length
      ? await trx
          .selectFrom('assessment_questions as q')
          .select(['q.id', 'q.competency_id as competencyId'])
          .where('q.competency_id', 'in', competencyIds)
          .where('q.active', '=', true)
          .where(bankCondition(ctx.campaign))
          .execute()
      : [];
    const drawn = competencyIds.flatMap((c) => {
      const own = bank.filter((q) => q.competencyId === c);
      return own.length >= MIN_BANK_SIZE ? drawQuestions(own, QUESTIONS_PER_COMPETENCY) : [];
    });
    if (drawn.length === 0) throw new AppError('recruitment_no_questions', 409, { min: MIN_BANK_SIZE });
    const row = await trx
      .insertInto('recruitment_test_results')
      .values({ campaign_id: ctx.campaign.id, stage_id: stageId, application_id: applicationId, source: 'online', questions: JSON.stringify(drawn) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return paperOf(db, resultId);
}

/** The candidate submits once: each competency's share right becomes its 0–100 score and level. */
export async function submitTest(db: Db, actor: Actor, resultId: string, answers: Record<string, number>) {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .selectFrom('recruitment_test_results')
      .select(['id', 'application_id', 'stage_id', 'questions', 'submitted_at'])
      .where('id', '=', resultId)
      .forUpdate()
      .executeTakeFirst();
    if (!result) throw notFound();
    const ctx = await testContext(trx, result.application_id, result.stage_id);
    if (ctx.application.candidateUserId !== actor.userId) throw notFound();
    if (result.submitted_at) throw new AppError('recruitment_test_submitted', 409);
    checkTestStage(ctx);
    const ids = result.questions.map((q) => q.id);
    const key = new Map(
      (await trx.selectFrom('assessment_questions').select(['id', 'correct_option']).where('id', 'in', ids).execute()).map((q) => [q.id, q.correct_option]),
    );
    const profile = (await profilesOf(trx, [ctx.application.positionId])).get(ctx.application.positionId)!;
    const levelCount = new Map(profile.map((p) => [p.competencyId, p.levelCount]));
    const byScale = scoreAttempt(
      result.questions.map((q) => ({ ...q, correctOption: key.get(q.id) ?? -1 })),
      answers,
      5,
    ).map((s) => ({ ...s, level: levelOfScore(s.score, levelCount.get(s.competencyId) ?? 5) }));
    await trx
      .updateTable('recruitment_test_results')
      .set({ answers: JSON.stringify(answers), submitted_at: now() })
      .where('id', '=', resultId)
      .execute();
    await trx
      .insertInto('recruitment_test_scores')
      .values(byScale.map((s) => ({ result_id: resultId, competency_id: s.competencyId, score: s.score, level: s.level })))
      .execute();
    await refreshStandings(trx, ctx.campaign.id, [ctx.application.id]);
    await recordAudit(trx, actor, {
      action: 'submit',
      entity: 'recruitment_test',
      entityId: resultId,
      agencyPath: ctx.campaign.agencyPath,
      after: { applicationId: ctx.application.id, stageId: ctx.stage.id, scores: byScale },
    });
    return { resultId, scores: byScale };
  });
}

/** HR enters a paper test's scores, 0–100 per profile competency; an online test already taken is not overwritten. */
export async function recordTestScores(
  db: Db,
  actor: Actor,
  applicationId: string,
  stageId: string,
  input: ReadonlyArray<{ competencyId: string; score: number }>,
) {
  return db.transaction().execute(async (trx) => {
    const ctx = await testContext(trx, applicationId, stageId);
    if (!policy.isHr(actor, ctx.campaign)) throw notFound();
    checkTestStage(ctx);
    const bad = scoreRangeProblems(input);
    if (bad.length) throw new AppError('recruitment_score_out_of_range', 422, { fields: bad.map((i) => `scores.${i}.score`), min: 0, max: 100 });
    const profile = (await profilesOf(trx, [ctx.application.positionId])).get(ctx.application.positionId)!;
    const scale = new Map(profile.map((p) => [p.competencyId, p.levelCount]));
    const foreign = input.findIndex((s) => !scale.has(s.competencyId));
    if (foreign >= 0) throw new AppError('recruitment_competency_not_in_profile', 422, { field: `scores.${foreign}.competencyId` });
    const existing = await trx
      .selectFrom('recruitment_test_results')
      .select(['id', 'source', 'submitted_at'])
      .where('stage_id', '=', stageId)
      .where('application_id', '=', applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.source === 'online' && existing.submitted_at) throw new AppError('recruitment_test_submitted', 409);
    if (existing) await trx.deleteFrom('recruitment_test_results').where('id', '=', existing.id).execute();
    const row = await trx
      .insertInto('recruitment_test_results')
      .values({
        campaign_id: ctx.campaign.id,
        stage_id: stageId,
        application_id: applicationId,
        source: 'paper',
        submitted_at: now(),
        recorded_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scores = input.map((s) => ({ competencyId: s.competencyId, score: s.score, level: levelOfScore(s.score, scale.get(s.competencyId)!) }));
    await trx
      .insertInto('recruitment_test_scores')
      .values(scores.map((s) => ({ result_id: row.id, competency_id: s.competencyId, score: s.score, level: s.level })))
      .execute();
    await refreshStandings(trx, ctx.campaign.id, [applicationId]);
    await recordAudit(trx, actor, {
      action: 'record',
      entity: 'recruitment_test',
      entityId: row.id,
      agencyPath: ctx.campaign.agencyPath,
      after: { applicationId, stageId, scores },
    });
    return { resultId: row.id, scores };
  });
}
