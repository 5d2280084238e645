import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.js';
import { isInScope } from '../../platform/auth/scope.js';
import { normalizeVietnamese } from '../../platform/text/vietnamese.js';
import { defaultCutoffs, drawQuestions, scoreAnswers, scoreToLevel } from './knowledge-test.js';
import type { LocalizedOption } from './assessment.tables.js';
import type { TestOffer } from './assessment.responses.js';

/** Questions per test, and the smallest bank a test may be drawn from. */
export const QUESTIONS_PER_TEST = 10;
export const MIN_BANK_SIZE = 3;

export interface QuestionInput {
  competencyId: string;
  stem: string;
  stemEn?: string | null;
  options: LocalizedOption[];
  correctOption: number;
}

export async function addQuestion(db: Db, actor: Actor, input: QuestionInput) {
  if (input.correctOption >= input.options.length) throw badRequest('invalid_value', { field: 'correctOption' });
  const competency = await db.selectFrom('competencies').select('id').where('id', '=', input.competencyId).executeTakeFirst();
  if (!competency) throw notFound();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('assessment_questions')
      .values({
        competency_id: input.competencyId,
        agency_id: actor.role === 'national_admin' ? null : actor.agencyId,
        stem: normalizeVietnamese(input.stem),
        stem_en: input.stemEn ? normalizeVietnamese(input.stemEn) : null,
        options: JSON.stringify(input.options.map((o) => ({ vi: normalizeVietnamese(o.vi), en: normalizeVietnamese(o.en ?? '') }))),
        correct_option: input.correctOption,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'assessment_question',
      entityId: row.id,
      agencyPath: actor.role === 'national_admin' ? null : actor.agencyPath,
      after: input,
    });
    return row.id;
  });
}

/**
 * Withdraws a question from its bank. Questions are never edited or deleted:
 * past test attempts keep pointing at what was asked; a corrected question is a
 * new one. The national bank is the national administrator's; an agency's bank
 * belongs to the HR officers of that agency and those above it.
 */
export async function withdrawQuestion(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const question = await trx
      .selectFrom('assessment_questions as q')
      .leftJoin('agencies as a', 'a.id', 'q.agency_id')
      .select(['q.id', 'q.agency_id', 'a.path', 'q.active', 'q.stem'])
      .where('q.id', '=', id)
      .executeTakeFirst();
    if (!question) throw notFound();
    const owns = actor.role === 'national_admin' || (question.path !== null && isInScope(actor, question.path));
    // The national bank and the banks of agencies above the actor are visible to them (bankCondition), not theirs.
    const visible = owns || question.path === null || actor.agencyPath.startsWith(question.path);
    if (!visible) throw notFound();
    if (!owns) throw forbidden();
    if (!question.active) return;
    await trx.updateTable('assessment_questions').set({ active: false }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'assessment_question',
      entityId: id,
      agencyPath: question.path,
      before: { active: true, stem: question.stem },
      after: { active: false },
    });
  });
}

/** National questions plus those of agencies on the actor's path (an agency's own bank). */
export function bankCondition(actor: Pick<Actor, 'agencyPath'>) {
  const ancestors = actor.agencyPath.split('/').filter(Boolean);
  return sql<boolean>`(q.agency_id IS NULL OR q.agency_id = ANY(${ancestors}::uuid[]))`;
}

export async function listQuestions(db: Db, actor: Actor, competencyId: string) {
  return db
    .selectFrom('assessment_questions as q')
    .select(['q.id', 'q.stem', 'q.stem_en as stemEn', 'q.options', 'q.correct_option as correctOption', 'q.agency_id as agencyId'])
    .where('q.competency_id', '=', competencyId)
    .where('q.active', '=', true)
    .where(bankCondition(actor))
    .orderBy('q.created_at')
    .execute();
}

/** Tests the actor can take in a cycle: competencies of their form with a large enough bank. */
export async function myTests(db: Db, actor: Actor, cycleId: string) {
  if (!actor.personId) return [];
  const subject = await db
    .selectFrom('assessment_subjects')
    .select('competency_ids')
    .where('cycle_id', '=', cycleId)
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  if (!subject || subject.competency_ids.length === 0) return [];
  const { rows } = await sql<TestOffer>`
    SELECT c.id AS "competencyId", c.name_vi AS name, c.name_en AS "nameEn", count(q.id)::int AS bank,
      t.id AS "attemptId", t.level, t.score, t.submitted_at AS "submittedAt"
    FROM competencies c
    JOIN assessment_questions q ON q.competency_id = c.id AND q.active AND ${bankCondition(actor)}
    LEFT JOIN assessment_test_attempts t ON t.cycle_id = ${cycleId} AND t.person_id = ${actor.personId} AND t.competency_id = c.id
    WHERE c.id = ANY(${subject.competency_ids}::uuid[])
    GROUP BY c.id, c.name_vi, c.name_en, t.id, t.level, t.score, t.submitted_at
    HAVING count(q.id) >= ${MIN_BANK_SIZE}
    ORDER BY c.position`.execute(db);
  return rows;
}

/** Start (or resume) the actor's test on a competency: questions without their answers. */
export async function startTest(db: Db, actor: Actor, cycleId: string, competencyId: string) {
  const tests = await myTests(db, actor, cycleId);
  const test = tests.find((t) => t.competencyId === competencyId);
  if (!test) throw new AppError('assessment_no_questions', 409);
  if (test.submittedAt) throw new AppError('assessment_test_submitted', 409);
  const cycle = await db.selectFrom('assessment_cycles').select(['status']).where('id', '=', cycleId).executeTakeFirstOrThrow();
  if (cycle.status !== 'open') throw new AppError('assessment_cycle_not_open', 409);
  let attemptId = test.attemptId;
  if (!attemptId) {
    const bank = await db
      .selectFrom('assessment_questions as q')
      .select('q.id')
      .where('q.competency_id', '=', competencyId)
      .where('q.active', '=', true)
      .where(bankCondition(actor))
      .execute();
    const drawn = drawQuestions(
      bank.map((q) => q.id),
      QUESTIONS_PER_TEST,
    );
    const person = await db.selectFrom('people').select('agency_id').where('id', '=', actor.personId!).executeTakeFirstOrThrow();
    const row = await db
      .insertInto('assessment_test_attempts')
      .values({
        cycle_id: cycleId,
        person_id: actor.personId!,
        agency_id: person.agency_id,
        competency_id: competencyId,
        question_ids: JSON.stringify(drawn),
        total: drawn.length,
      })
      .onConflict((oc) => oc.columns(['cycle_id', 'person_id', 'competency_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    attemptId =
      row?.id ??
      (
        await db
          .selectFrom('assessment_test_attempts')
          .select('id')
          .where('cycle_id', '=', cycleId)
          .where('person_id', '=', actor.personId!)
          .where('competency_id', '=', competencyId)
          .executeTakeFirstOrThrow()
      ).id;
  }
  const attempt = await db.selectFrom('assessment_test_attempts').select(['id', 'question_ids']).where('id', '=', attemptId).executeTakeFirstOrThrow();
  const questions = await db
    .selectFrom('assessment_questions')
    .select(['id', 'stem', 'stem_en as stemEn', 'options'])
    .where('id', 'in', attempt.question_ids)
    .execute();
  const order = new Map(attempt.question_ids.map((id, i) => [id, i]));
  return { attemptId: attempt.id, competencyId, questions: questions.sort((a, b) => order.get(a.id)! - order.get(b.id)!) };
}

/** Score a test once; its level becomes the `test` source at the next consolidation. */
export async function submitTest(db: Db, actor: Actor, attemptId: string, answers: Record<string, number>) {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      person_id: string;
      cycle_id: string;
      question_ids: string[];
      submitted_at: Date | null;
      test_cutoffs: number[] | null;
      level_count: number;
      path: string;
    }>`
      SELECT t.person_id, t.cycle_id, t.question_ids, t.submitted_at, c.test_cutoffs, v.level_count, a.path
      FROM assessment_test_attempts t JOIN assessment_cycles c ON c.id = t.cycle_id
      JOIN framework_versions v ON v.id = c.framework_version_id JOIN agencies a ON a.id = t.agency_id
      WHERE t.id = ${attemptId} FOR UPDATE OF t`.execute(trx);
    const attempt = rows[0];
    if (!attempt || attempt.person_id !== actor.personId) throw notFound();
    if (attempt.submitted_at) throw new AppError('assessment_test_submitted', 409);
    const questions = await trx
      .selectFrom('assessment_questions')
      .select(['id', 'correct_option as correctOption'])
      .where('id', 'in', attempt.question_ids)
      .execute();
    const { correct, total, score } = scoreAnswers(questions, answers);
    const level = scoreToLevel(score, attempt.test_cutoffs ?? defaultCutoffs(attempt.level_count));
    await trx
      .updateTable('assessment_test_attempts')
      .set({ answers: JSON.stringify(answers), correct, total, score: Math.round(score * 10000) / 10000, level, submitted_at: new Date() })
      .where('id', '=', attemptId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'submit',
      entity: 'assessment_test',
      entityId: attemptId,
      agencyPath: attempt.path,
      after: { correct, total, level },
    });
    return { correct, total, score, level };
  });
}
