import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { now } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import type { SessionSeats } from './followups.service.js';
import { AppError } from '../../platform/errors.js';
import { notifyAll } from '../training/sessions/notifications.js';
import { answerProblems, SURVEY_OPEN_DAYS, SURVEY_REMINDER_AFTER_DAYS, type SurveyAnswers } from './surveys.rules.js';

const DAY = 86_400_000;

/**
 * A session's close (or a completion recorded on its own): every seat that
 * attended — completed or not — is invited to every active question set of the
 * course or the session: the institution's, and those of the HR of the
 * seat's agency or an agency above it. The survey of a session and set opens
 * with the first invitation and closes SURVEY_OPEN_DAYS later; its questions
 * are a copy of the set's then. One insert of invitations for the session.
 */
export async function inviteToSurveys(trx: Kysely<any>, close: SessionSeats): Promise<void> {
  const db = trx as Kysely<Database>;
  const seats = close.seats.filter((s) => s.attended || s.completed);
  if (seats.length === 0) return;
  const sets = await db
    .selectFrom('evaluation_survey_sets as s')
    .leftJoin('agencies as a', 'a.id', 's.agency_id')
    .select(['s.id', 's.questions', 's.institution_id', 'a.path'])
    .where('s.active', '=', true)
    .where((eb) => eb.or([eb('s.course_id', '=', close.courseId), eb('s.session_id', '=', close.sessionId)]))
    .where((eb) => eb.or([eb('s.institution_id', '=', close.institutionId), eb('s.agency_id', 'is not', null)]))
    .execute();
  if (sets.length === 0) return;
  const agencyOf = new Map(
    (
      await db
        .selectFrom('training_enrolments')
        .select(['id', 'agency_id'])
        .where(
          'id',
          'in',
          seats.map((s) => s.enrolmentId),
        )
        .execute()
    ).map((e) => [e.id, e.agency_id] as const),
  );
  // The clock, not the payload: the same instant in production (the closing transaction), movable in tests.
  const opensAt = now();
  const invitations: Array<{ survey_id: string; enrolment_id: string; person_id: string; agency_id: string; created_at: Date; completed: boolean }> = [];
  for (const set of sets) {
    // An HR set asks the HR's own staff: the seat's agency is the set's agency or below it.
    const asked = set.institution_id === close.institutionId ? seats : seats.filter((s) => set.path !== null && s.agencyPath.startsWith(set.path));
    if (asked.length === 0) continue;
    await db
      .insertInto('evaluation_surveys')
      .values({
        session_id: close.sessionId,
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
      .where('session_id', '=', close.sessionId)
      .where('set_id', '=', set.id)
      .executeTakeFirstOrThrow();
    for (const s of asked)
      invitations.push({
        survey_id: survey.id,
        enrolment_id: s.enrolmentId,
        person_id: s.personId,
        agency_id: agencyOf.get(s.enrolmentId)!,
        created_at: opensAt,
        completed: s.completed,
      });
  }
  const invited = new Map<string, string>();
  for (let i = 0; i < invitations.length; i += 1000) {
    const rows = await db
      .insertInto('evaluation_survey_invitations')
      .values(invitations.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['survey_id', 'enrolment_id']).doNothing())
      .returning(['enrolment_id', 'person_id'])
      .execute();
    for (const r of rows) invited.set(r.enrolment_id, r.person_id);
  }
  // One notice a seat, however many sets ask it.
  await notifyAll(
    trx as Transaction<Database>,
    [...invited].map(([enrolmentId, personId]) => ({ personId, enrolmentId, kind: 'survey' as const })),
  );
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
          .select(['n.enrolment_id as enrolmentId', 'n.answered_at as answeredAt', 'n.completed', 'v.closes_at as closesAt', 'v.questions', 'a.path'])
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
      .values({ survey_id: surveyId, answers: JSON.stringify(answers), completed: invitation.completed })
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
    // One update and one insert of notices for the whole batch (a statement pair per trainee before).
    if (due.length > 0) {
      await sql`
        UPDATE evaluation_survey_invitations n SET reminded_at = ${at}::timestamptz
        FROM unnest(${due.map((d) => d.surveyId)}::uuid[], ${due.map((d) => d.enrolmentId)}::uuid[]) AS d(survey_id, enrolment_id)
        WHERE n.survey_id = d.survey_id AND n.enrolment_id = d.enrolment_id`.execute(trx);
      await notifyAll(
        trx,
        due.map((d) => ({ personId: d.personId, enrolmentId: d.enrolmentId, kind: 'survey_reminder' as const })),
      );
    }
    return due.length;
  });
}
