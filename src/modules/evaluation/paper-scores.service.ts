import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { now } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import type { ErrorCode } from '../../platform/i18n/error-messages.js';
import { AppError, notFound } from '../../platform/errors.js';
import { compareVietnameseNames } from '../../platform/text/vietnamese.js';
import { staffInstitution } from '../training/sessions/sessions.repository.js';
import { sessionsPolicy } from '../training/sessions/sessions.policy.js';
import type { LearningPhase } from './learning.tables.js';
import { levelOfScore, phaseProblem, scoreRangeProblems } from './learning-tests.rules.js';
import { courseCompetencies, newAttempt, SEATED, writeScores } from './learning-tests.service.js';

type Executor = Parameters<typeof recordAudit>[0];

/** The session, if the actor's institution runs it (another's answers 404, like a missing one). */
async function managedSession(db: Executor, actor: Actor, sessionId: string) {
  const session = await db
    .selectFrom('training_sessions as s')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .innerJoin('framework_versions as v', 'v.id', 'c.framework_version_id')
    .select(['s.id', 's.code', 'c.id as courseId', 'c.title', 'c.title_en as titleEn', 'c.institution_id as institutionId', 'v.level_count as levelCount'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!session || !sessionsPolicy.canManage(actor, await staffInstitution(db, actor.userId), session)) throw notFound({ field: 'sessionId' });
  return session;
}

interface AttemptScores {
  enrolment_id: string;
  phase: LearningPhase;
  source: 'online' | 'recorded';
  submitted_at: Date | null;
  scores: Array<{ competencyId: string; score: number; level: number }>;
}

async function attemptsOf(db: Executor, enrolmentIds: readonly string[]): Promise<AttemptScores[]> {
  if (enrolmentIds.length === 0) return [];
  const attempts = await db
    .selectFrom('evaluation_learning_attempts')
    .select(['id', 'enrolment_id', 'phase', 'source', 'submitted_at'])
    .where('enrolment_id', 'in', enrolmentIds)
    .execute();
  const scores = attempts.length
    ? await db
        .selectFrom('evaluation_learning_scores')
        .select(['attempt_id', 'competency_id', 'score', 'level'])
        .where(
          'attempt_id',
          'in',
          attempts.map((a) => a.id),
        )
        .execute()
    : [];
  return attempts.map((a) => ({
    ...a,
    scores: scores.filter((s) => s.attempt_id === a.id).map((s) => ({ competencyId: s.competency_id, score: Number(s.score), level: s.level })),
  }));
}

/** The institution's score sheet of a session: its seated trainees (by Vietnamese name), the course's competencies, each phase's scores. */
export async function paperScoreSheet(db: Db, actor: Actor, sessionId: string) {
  const session = await managedSession(db, actor, sessionId);
  const competencies = await db
    .selectFrom('training_course_competencies as cc')
    .innerJoin('competencies as k', 'k.id', 'cc.competency_id')
    .select(['k.id as competencyId', 'k.code', 'k.name_vi as name', 'k.name_en as nameEn'])
    .where('cc.course_id', '=', session.courseId)
    .orderBy('k.code')
    .execute();
  const seats = await db
    .selectFrom('training_enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id as enrolmentId', 'p.id as personId', 'p.full_name as fullName', 'p.staff_code as staffCode', 'e.status'])
    .where('e.session_id', '=', sessionId)
    .where('e.status', 'in', [...SEATED])
    .execute();
  const attempts = await attemptsOf(
    db,
    seats.map((s) => s.enrolmentId),
  );
  const phaseOf = (enrolmentId: string, phase: LearningPhase) => {
    const a = attempts.find((x) => x.enrolment_id === enrolmentId && x.phase === phase);
    return a ? { source: a.source, submitted: a.submitted_at !== null, scores: a.submitted_at ? a.scores : [] } : null;
  };
  return {
    sessionId,
    sessionCode: session.code,
    courseTitle: session.title,
    courseTitleEn: session.titleEn,
    competencies: competencies.map((c) => ({ ...c, nameEn: c.nameEn ?? '' })),
    rows: seats
      .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
      .map((s) => ({ ...s, pre: phaseOf(s.enrolmentId, 'pre'), post: phaseOf(s.enrolmentId, 'post') })),
  };
}

interface RowProblem {
  row: number;
  enrolmentId: string;
  field: string;
  code: ErrorCode;
}

/**
 * A whole sheet of paper-test scores for one phase, all or nothing: every row
 * is checked first (a seat of this session, scores 0–100 of the course's
 * competencies, the pre-test before the post-test, once), and one refused row
 * writes none, with each refused row named by its index and field.
 */
export async function recordPaperScores(
  db: Db,
  actor: Actor,
  sessionId: string,
  phase: LearningPhase,
  rows: ReadonlyArray<{ enrolmentId: string; scores: ReadonlyArray<{ competencyId: string; score: number }> }>,
) {
  return db.transaction().execute(async (trx) => {
    const session = await managedSession(trx, actor, sessionId);
    const ids = [...new Set(rows.map((r) => r.enrolmentId))];
    const seats = await trx
      .selectFrom('training_enrolments as e')
      .innerJoin('agencies as a', 'a.id', 'e.agency_id')
      .select(['e.id', 'e.person_id as personId', 'e.agency_id as agencyId', 'a.path as agencyPath', 'e.status'])
      .where('e.session_id', '=', sessionId)
      .where('e.id', 'in', ids)
      .forUpdate('e')
      .execute();
    const seatOf = new Map(seats.map((s) => [s.id, s]));
    const attempts = await attemptsOf(trx, ids);
    const taught = new Set(await courseCompetencies(trx, session.courseId));
    const problems: RowProblem[] = [];
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const problem = (field: string, code: ErrorCode) => problems.push({ row: i, enrolmentId: r.enrolmentId, field: `rows.${i}.${field}`, code });
      const seat = seatOf.get(r.enrolmentId);
      if (!seat || !(SEATED as readonly string[]).includes(seat.status) || seen.has(r.enrolmentId)) return problem('enrolmentId', 'learning_not_enrolled');
      seen.add(r.enrolmentId);
      for (const j of scoreRangeProblems(r.scores)) problem(`scores.${j}.score`, 'learning_score_out_of_range');
      r.scores.forEach((s, j) => {
        if (!taught.has(s.competencyId)) problem(`scores.${j}.competencyId`, 'learning_competency_invalid');
      });
      const mine = (p: LearningPhase) => attempts.find((a) => a.enrolment_id === r.enrolmentId && a.phase === p);
      const blocked = phaseProblem(phase, { preSubmitted: !!mine('pre')?.submitted_at, thisSubmitted: !!mine(phase)?.submitted_at });
      if (blocked) problem('enrolmentId', blocked);
    });
    if (problems.length) throw new AppError('learning_scores_rejected', 422, { fields: problems.map((p) => p.field), rows: problems, min: 0, max: 100 });

    for (const r of rows) {
      const seat = seatOf.get(r.enrolmentId)!;
      // An online attempt started but never submitted gives way to the recorded paper (as one recorded score does).
      const started = attempts.find((a) => a.enrolment_id === r.enrolmentId && a.phase === phase);
      if (started) await trx.deleteFrom('evaluation_learning_attempts').where('enrolment_id', '=', r.enrolmentId).where('phase', '=', phase).execute();
      const attemptId = await newAttempt(trx, r.enrolmentId, { ...seat, courseId: session.courseId }, phase, {
        source: 'recorded',
        submitted_at: now(),
        recorded_by: actor.userId,
      });
      const scores = r.scores.map((s) => ({ competencyId: s.competencyId, score: s.score, level: levelOfScore(s.score, session.levelCount) }));
      await writeScores(trx, attemptId, scores);
      await recordAudit(trx, actor, { action: 'record', entity: 'learning_test', entityId: attemptId, agencyPath: seat.agencyPath, after: { phase, scores } });
    }
    return { phase, recorded: rows.length };
  });
}
