import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { now } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import type { DomainEvents } from '../../platform/events/domain-events.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../training/sessions/notifications.js';
import { answerProblems, SURVEY_OPEN_DAYS, SURVEY_REMINDER_AFTER_DAYS, type SurveyAnswers } from './surveys.rules.js';

const DAY = 86_400_000;

/**
 * `training.completed`: the trainee, who attended (completion requires it),
 * is invited to every active question set of the course or the session — the
 * institution's, and those of the HR of their agency or an agency above it.
 * The survey of a session and set opens with the first completion and closes
 * SURVEY_OPEN_DAYS later; its questions are a copy of the set's then.
 */
export async function onTrainingCompletedSurvey(trx: Kysely<any>, payload: DomainEvents['training.completed']): Promise<void> {
  const db = trx as Kysely<Database>;
  const enrolment = await db.selectFrom('training_enrolments').select(['agency_id']).where('id', '=', payload.enrolmentId).executeTakeFirstOrThrow();
  const sets = await db
    .selectFrom('evaluation_survey_sets as s')
    .leftJoin('agencies as a', 'a.id', 's.agency_id')
    .select(['s.id', 's.questions'])
    .where('s.active', '=', true)
    .where((eb) => eb.or([eb('s.course_id', '=', payload.courseId), eb('s.session_id', '=', payload.sessionId)]))
    .where((eb) =>
      eb.or([
        eb('s.institution_id', '=', payload.institutionId),
        // An HR set asks the HR's own staff: the trainee's agency is the set's agency or below it.
        sql<boolean>`starts_with(${payload.agencyPath}, a.path)`,
      ]),
    )
    .execute();
  if (sets.length === 0) return;
  // The clock, not the payload: the same instant in production (the closing transaction), movable in tests.
  const opensAt = now();
  for (const set of sets) {
    await db
      .insertInto('evaluation_surveys')
      .values({
        session_id: payload.sessionId,
        set_id: set.id,
        questions: JSON.stringify(set.questions),
        opens_at: opensAt,
        closes_at: new Date(opensAt.getTime() + SURVEY_OPEN_DAYS * DAY),
      })
      .onConflict((oc) => oc.columns(['session_id', 'set_id']).doNothing())
      .execute();
    const survey = await db
      .selectFrom('evaluation_surveys')
      .select('id')
      .where('session_id', '=', payload.sessionId)
      .where('set_id', '=', set.id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('evaluation_survey_invitations')
      .values({ survey_id: survey.id, enrolment_id: payload.enrolmentId, person_id: payload.personId, agency_id: enrolment.agency_id, created_at: opensAt })
      .onConflict((oc) => oc.columns(['survey_id', 'enrolment_id']).doNothing())
      .execute();
  }
  await notify(trx as Transaction<Database>, payload.personId, payload.enrolmentId, 'survey');
}

/** The actor's surveys: open ones with their questions until answered; answered and closed ones by status only. */
export async function mySurveys(db: Db, actor: Actor) {
  if (!actor.personId) return { items: [] };
  const rows = await db
    .selectFrom('evaluation_survey_invitations as n')
    .innerJoin('evaluation_surveys as v', 'v.id', 'n.survey_id')
    .innerJoin('evaluation_survey_sets as st', 'st.id', 'v.set_id')
    .innerJoin('training_sessions as s', 's.id', 'v.session_id')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .select(['v.id as surveyId', 'st.title', 's.code as sessionCode', 'c.title as courseTitle', 'c.title_en as courseTitleEn'])
    .select(['v.questions', 'v.closes_at as closesAt', 'n.answered_at as answeredAt'])
    .where('n.person_id', '=', actor.personId)
    .orderBy('v.closes_at', 'desc')
    .limit(100)
    .execute();
  const at = now();
  return {
    items: rows.map((r) => {
      const open = r.closesAt > at && r.answeredAt === null;
      return { ...r, open, questions: open ? r.questions : [] };
    }),
  };
}

/**
 * The trainee answers once, while the survey is open. The invitation is marked
 * answered and the sheet stored without any link to it, in one transaction:
 * a second answer, or one from someone not invited (who did not attend), writes nothing.
 */
export async function answerSurvey(db: Db, actor: Actor, surveyId: string, answers: SurveyAnswers) {
  await db.transaction().execute(async (trx) => {
    const invitation = actor.personId
      ? await trx
          .selectFrom('evaluation_survey_invitations as n')
          .innerJoin('evaluation_surveys as v', 'v.id', 'n.survey_id')
          .innerJoin('agencies as a', 'a.id', 'n.agency_id')
          .select(['n.enrolment_id as enrolmentId', 'n.answered_at as answeredAt', 'v.closes_at as closesAt', 'v.questions', 'a.path'])
          .where('n.survey_id', '=', surveyId)
          .where('n.person_id', '=', actor.personId)
          .forUpdate('n')
          .executeTakeFirst()
      : undefined;
    if (!invitation) throw new AppError('survey_not_invited', 403, { surveyId });
    if (invitation.answeredAt) throw new AppError('survey_already_answered', 409, { surveyId });
    if (invitation.closesAt <= now()) throw new AppError('survey_closed', 409, { closesAt: invitation.closesAt.toISOString() });
    const problems = answerProblems(invitation.questions, answers);
    if (problems.length > 0) throw new AppError('survey_answers_invalid', 422, { fields: problems });
    const at = now();
    await trx
      .updateTable('evaluation_survey_invitations')
      .set({ answered_at: at })
      .where('survey_id', '=', surveyId)
      .where('enrolment_id', '=', invitation.enrolmentId)
      .execute();
    await trx
      .insertInto('evaluation_survey_responses')
      .values({ survey_id: surveyId, answers: JSON.stringify(answers) })
      .execute();
    // The trail says who answered, never what (the answers are anonymous).
    await recordAudit(trx, actor, { action: 'answer', entity: 'survey', entityId: surveyId, agencyPath: invitation.path, after: { answered: true } });
  });
  return { ok: true as const };
}

/**
 * The reminder job: one reminder to each invited trainee who has not answered
 * SURVEY_REMINDER_AFTER_DAYS after the invitation, while the survey is open.
 */
export async function remindSurveys(db: Db): Promise<number> {
  const at = now();
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('evaluation_survey_invitations as n')
      .innerJoin('evaluation_surveys as v', 'v.id', 'n.survey_id')
      .select(['n.survey_id as surveyId', 'n.enrolment_id as enrolmentId', 'n.person_id as personId'])
      .where('n.answered_at', 'is', null)
      .where('n.reminded_at', 'is', null)
      .where('n.created_at', '<=', new Date(at.getTime() - SURVEY_REMINDER_AFTER_DAYS * DAY))
      .where('v.closes_at', '>', at)
      .forUpdate('n')
      .skipLocked()
      .limit(5000)
      .execute();
    for (const d of due) {
      await trx
        .updateTable('evaluation_survey_invitations')
        .set({ reminded_at: at })
        .where('survey_id', '=', d.surveyId)
        .where('enrolment_id', '=', d.enrolmentId)
        .execute();
      await notify(trx, d.personId, d.enrolmentId, 'survey_reminder');
    }
    return due.length;
  });
}
