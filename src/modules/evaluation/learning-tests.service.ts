import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { now } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import { AppError, notFound } from '../../platform/errors.js';
import { drawQuestions } from '../assessment/knowledge-test.js';
import { bankCondition, MIN_BANK_SIZE } from '../assessment/knowledge-tests.service.js';
import { staffInstitution } from '../training/sessions/sessions.repository.js';
import { sessionsPolicy } from '../training/sessions/sessions.policy.js';
import type { LearningPhase } from './learning.tables.js';
import { levelOfScore, phaseProblem, QUESTIONS_PER_COMPETENCY, scoreAttempt, scoreRangeProblems, type CompetencyScore } from './learning-tests.rules.js';

type Executor = Parameters<typeof recordAudit>[0];
/** Seats that take the tests: enrolled (the pre-test), and those with a result (the post-test after the last day). */
export const SEATED = ['enrolled', 'completed', 'not_completed'] as const;

export async function enrolmentOf(db: Executor, enrolmentId: string) {
  return db
    .selectFrom('training_enrolments as e')
    .innerJoin('training_sessions as s', 's.id', 'e.session_id')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .innerJoin('framework_versions as v', 'v.id', 'c.framework_version_id')
    .innerJoin('agencies as a', 'a.id', 'e.agency_id')
    .select(['e.id', 'e.person_id as personId', 'e.agency_id as agencyId', 'a.path as agencyPath', 'e.status', 'c.id as courseId'])
    .select(['c.institution_id as institutionId', 'v.level_count as levelCount'])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirst();
}

export async function phases(db: Executor, enrolmentId: string) {
  const rows = await db.selectFrom('evaluation_learning_attempts').select(['id', 'phase', 'submitted_at']).where('enrolment_id', '=', enrolmentId).execute();
  const of = (p: LearningPhase) => rows.find((r) => r.phase === p);
  return { pre: of('pre'), post: of('post') };
}

function checkPhase(phase: LearningPhase, state: Awaited<ReturnType<typeof phases>>) {
  const problem = phaseProblem(phase, { preSubmitted: !!state.pre?.submitted_at, thisSubmitted: !!state[phase]?.submitted_at });
  if (problem) throw new AppError(problem, 409, { field: 'phase', phase });
}

export async function courseCompetencies(db: Executor, courseId: string) {
  return (await db.selectFrom('training_course_competencies').select('competency_id').where('course_id', '=', courseId).execute()).map((r) => r.competency_id);
}

/** The trainee starts (or resumes) a phase: questions from the banks of each course competency, without their answers. */
export async function startLearningTest(db: Db, actor: Actor, enrolmentId: string, phase: LearningPhase) {
  const attemptId = await db.transaction().execute(async (trx) => {
    const enrolment = await enrolmentOf(trx, enrolmentId);
    if (!enrolment || enrolment.personId !== actor.personId) throw notFound();
    if (!(SEATED as readonly string[]).includes(enrolment.status)) throw new AppError('learning_not_enrolled', 409, { status: enrolment.status });
    const state = await phases(trx, enrolmentId);
    checkPhase(phase, state);
    if (state[phase]) return state[phase].id;
    const competencyIds = await courseCompetencies(trx, enrolment.courseId);
    const bank = competencyIds.length
      ? await trx
          .selectFrom('assessment_questions as q')
          .select(['q.id', 'q.competency_id as competencyId'])
          .where('q.competency_id', 'in', competencyIds)
          .where('q.active', '=', true)
          .where(bankCondition(enrolment))
          .execute()
      : [];
    const drawn = competencyIds.flatMap((c) => {
      const own = bank.filter((q) => q.competencyId === c);
      return own.length >= MIN_BANK_SIZE ? drawQuestions(own, QUESTIONS_PER_COMPETENCY) : [];
    });
    if (drawn.length === 0) throw new AppError('learning_no_questions', 409, { min: MIN_BANK_SIZE });
    return newAttempt(trx, enrolmentId, enrolment, phase, { source: 'online', questions: JSON.stringify(drawn) });
  });
  const attempt = await db.selectFrom('evaluation_learning_attempts').select(['questions']).where('id', '=', attemptId).executeTakeFirstOrThrow();
  const ids = attempt.questions.map((q) => q.id);
  const questions = await db.selectFrom('assessment_questions').select(['id', 'stem', 'stem_en as stemEn', 'options']).where('id', 'in', ids).execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  return { attemptId, phase, questions: questions.sort((a, b) => order.get(a.id)! - order.get(b.id)!) };
}

/** A phase's attempt row: online (its questions drawn) or recorded (submitted at once). */
export async function newAttempt(
  trx: Executor,
  enrolmentId: string,
  enrolment: { personId: string; agencyId: string; courseId: string },
  phase: LearningPhase,
  extra: { source: 'online' | 'recorded'; questions?: string; submitted_at?: Date; recorded_by?: string },
) {
  const row = await trx
    .insertInto('evaluation_learning_attempts')
    .values({ enrolment_id: enrolmentId, person_id: enrolment.personId, agency_id: enrolment.agencyId, course_id: enrolment.courseId, phase, ...extra })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function writeScores(trx: Executor, attemptId: string, scores: readonly CompetencyScore[]) {
  await trx
    .insertInto('evaluation_learning_scores')
    .values(scores.map((s) => ({ attempt_id: attemptId, competency_id: s.competencyId, score: s.score, level: s.level })))
    .execute();
}

/** The trainee submits once; each competency's share right becomes its 0–100 score and level. */
export async function submitLearningTest(db: Db, actor: Actor, attemptId: string, answers: Record<string, number>) {
  return db.transaction().execute(async (trx) => {
    const attempt = await trx
      .selectFrom('evaluation_learning_attempts')
      .select(['id', 'enrolment_id', 'person_id', 'phase', 'questions', 'submitted_at'])
      .where('id', '=', attemptId)
      .forUpdate()
      .executeTakeFirst();
    if (!attempt || attempt.person_id !== actor.personId) throw notFound();
    if (attempt.submitted_at) throw new AppError('learning_test_submitted', 409, { field: 'attemptId' });
    const enrolment = (await enrolmentOf(trx, attempt.enrolment_id))!;
    checkPhase(attempt.phase, await phases(trx, attempt.enrolment_id));
    const correct = await trx
      .selectFrom('assessment_questions')
      .select(['id', 'correct_option as correctOption'])
      .where(
        'id',
        'in',
        attempt.questions.map((q) => q.id),
      )
      .execute();
    const key = new Map(correct.map((q) => [q.id, q.correctOption]));
    const scores = scoreAttempt(
      attempt.questions.map((q) => ({ ...q, correctOption: key.get(q.id) ?? -1 })),
      answers,
      enrolment.levelCount,
    );
    await trx
      .updateTable('evaluation_learning_attempts')
      .set({ answers: JSON.stringify(answers), submitted_at: now() })
      .where('id', '=', attemptId)
      .execute();
    await writeScores(trx, attemptId, scores);
    await recordAudit(trx, actor, {
      action: 'submit',
      entity: 'learning_test',
      entityId: attemptId,
      agencyPath: enrolment.agencyPath,
      after: { phase: attempt.phase, scores },
    });
    return { attemptId, phase: attempt.phase, scores };
  });
}

/** The institution records a phase's scores (a test on paper): 0–100 per course competency, the pre-test first. */
export async function recordLearningScores(
  db: Db,
  actor: Actor,
  enrolmentId: string,
  phase: LearningPhase,
  input: ReadonlyArray<{ competencyId: string; score: number }>,
) {
  return db.transaction().execute(async (trx) => {
    const enrolment = await enrolmentOf(trx, enrolmentId);
    if (!enrolment || !sessionsPolicy.canManage(actor, await staffInstitution(trx, actor.userId), enrolment)) throw notFound();
    if (!(SEATED as readonly string[]).includes(enrolment.status)) throw new AppError('learning_not_enrolled', 409, { status: enrolment.status });
    const bad = scoreRangeProblems(input);
    if (bad.length) throw new AppError('learning_score_out_of_range', 422, { fields: bad.map((i) => `scores.${i}.score`), min: 0, max: 100 });
    const competencies = new Set(await courseCompetencies(trx, enrolment.courseId));
    const foreign = input.findIndex((s) => !competencies.has(s.competencyId));
    if (foreign >= 0) throw new AppError('learning_competency_invalid', 422, { field: `scores.${foreign}.competencyId` });
    const state = await phases(trx, enrolmentId);
    checkPhase(phase, state);
    if (state[phase]) await trx.deleteFrom('evaluation_learning_attempts').where('id', '=', state[phase].id).execute();
    const row = { id: await newAttempt(trx, enrolmentId, enrolment, phase, { source: 'recorded', submitted_at: now(), recorded_by: actor.userId }) };
    const scores = input.map((s) => ({ competencyId: s.competencyId, score: s.score, level: levelOfScore(s.score, enrolment.levelCount) }));
    await writeScores(trx, row.id, scores);
    await recordAudit(trx, actor, { action: 'record', entity: 'learning_test', entityId: row.id, agencyPath: enrolment.agencyPath, after: { phase, scores } });
    return { attemptId: row.id, phase, scores };
  });
}

/** The trainee's tests: per seated enrolment of a course with questions in the banks, each phase's state and scores. */
export async function myLearningTests(db: Db, actor: Actor) {
  if (!actor.personId) return { items: [] };
  const { rows } = await sql<{
    enrolmentId: string;
    sessionCode: string;
    courseTitle: string;
    courseTitleEn: string;
    status: string;
    phase: LearningPhase | null;
    submittedAt: Date | null;
    scores: CompetencyScore[] | null;
  }>`
    SELECT e.id AS "enrolmentId", s.code AS "sessionCode", c.title AS "courseTitle", c.title_en AS "courseTitleEn", e.status,
           t.phase, t.submitted_at AS "submittedAt",
           (SELECT json_agg(json_build_object('competencyId', l.competency_id, 'score', l.score::float8, 'level', l.level))
              FROM evaluation_learning_scores l WHERE l.attempt_id = t.id) AS scores
    FROM training_enrolments e
    JOIN training_sessions s ON s.id = e.session_id
    JOIN training_courses c ON c.id = s.course_id
    LEFT JOIN evaluation_learning_attempts t ON t.enrolment_id = e.id
    WHERE e.person_id = ${actor.personId} AND e.status IN ('enrolled', 'completed', 'not_completed')
      AND (t.id IS NOT NULL OR EXISTS (SELECT 1 FROM training_course_competencies cc
                  JOIN assessment_questions q ON q.competency_id = cc.competency_id AND q.active WHERE cc.course_id = c.id))
    ORDER BY s.starts_on DESC, t.phase DESC`.execute(db);
  const by = new Map<
    string,
    { enrolmentId: string; sessionCode: string; courseTitle: string; courseTitleEn: string; status: string; pre: Phase; post: Phase }
  >();
  for (const r of rows) {
    const item = by.get(r.enrolmentId) ?? { ...pick(r), pre: EMPTY, post: EMPTY };
    if (r.phase) item[r.phase] = { state: r.submittedAt ? 'submitted' : 'started', submittedAt: r.submittedAt, scores: r.scores ?? [] };
    by.set(r.enrolmentId, item);
  }
  return { items: [...by.values()] };
}

type Phase = { state: 'todo' | 'started' | 'submitted'; submittedAt: Date | null; scores: CompetencyScore[] };
const EMPTY: Phase = { state: 'todo', submittedAt: null, scores: [] };
const pick = (r: { enrolmentId: string; sessionCode: string; courseTitle: string; courseTitleEn: string; status: string }) => ({
  enrolmentId: r.enrolmentId,
  sessionCode: r.sessionCode,
  courseTitle: r.courseTitle,
  courseTitleEn: r.courseTitleEn,
  status: r.status,
});
