import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { now } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import { staffInstitution } from '../training/sessions/sessions.repository.js';
import { surveysPolicy } from './surveys.policy.js';
import { completionSplit, pooledReport, surveyReport, SURVEY_ANONYMITY_THRESHOLD, type SurveyAnswers, type SurveyQuestion } from './surveys.rules.js';

interface SurveyRow {
  surveyId: string;
  setId: string;
  setTitle: string;
  institutionId: string | null;
  setAgencyPath: string | null;
  sessionId: string;
  sessionCode: string;
  courseId: string;
  courseTitle: string;
  courseTitleEn: string;
  institutionName: string;
  questions: SurveyQuestion[];
  closesAt: Date;
  invited: number;
  invitedNotCompleted: number;
  invitedAgencyPaths: string[];
}

/**
 * Survey results as the rules allow them (surveys.rules.ts): per session and
 * set, nothing while open, "too few" below the threshold, the aggregate once
 * closed and large enough; per course and set, the released sessions pooled.
 * Filters only choose whole sessions (a course, a session): no filter splits a
 * group, so no two filtered views can be differenced down to a person. Answers
 * are read only for released groups, and never with a person.
 */
export async function surveyResults(db: Db, actor: Actor, filter: { courseId?: string; sessionId?: string }) {
  const staffOf = actor.role === 'trainer' ? await staffInstitution(db, actor.userId) : null;
  const { rows } = await sql<SurveyRow>`
    SELECT v.id AS "surveyId", st.id AS "setId", st.title AS "setTitle", st.institution_id AS "institutionId", sa.path AS "setAgencyPath",
           s.id AS "sessionId", s.code AS "sessionCode", c.id AS "courseId", c.title AS "courseTitle", c.title_en AS "courseTitleEn",
           i.name AS "institutionName", v.questions, v.closes_at AS "closesAt",
           (SELECT count(*)::int FROM evaluation_survey_invitations n WHERE n.survey_id = v.id) AS invited,
           (SELECT count(*)::int FROM evaluation_survey_invitations n WHERE n.survey_id = v.id AND NOT n.completed) AS "invitedNotCompleted",
           ARRAY(SELECT DISTINCT a.path FROM evaluation_survey_invitations n JOIN agencies a ON a.id = n.agency_id WHERE n.survey_id = v.id) AS "invitedAgencyPaths"
    FROM evaluation_surveys v
    JOIN evaluation_survey_sets st ON st.id = v.set_id
    LEFT JOIN agencies sa ON sa.id = st.agency_id
    JOIN training_sessions s ON s.id = v.session_id
    JOIN training_courses c ON c.id = s.course_id
    JOIN training_institutions i ON i.id = c.institution_id
    WHERE true
      ${filter.courseId ? sql`AND c.id = ${filter.courseId}` : sql``}
      ${filter.sessionId ? sql`AND s.id = ${filter.sessionId}` : sql``}
      ${staffOf ? sql`AND st.institution_id = ${staffOf}` : sql``}
    ORDER BY v.closes_at DESC, s.code
    LIMIT 500`.execute(db);
  const visible = rows.filter((r) => surveysPolicy.canReadResults(actor, staffOf, r));
  const at = now();
  const closedIds = visible.filter((r) => r.closesAt <= at).map((r) => r.surveyId);
  const answers = new Map<string, SurveyAnswers[]>();
  const sheetsOf = new Map<string, Array<{ answers: SurveyAnswers; completed: boolean }>>();
  if (closedIds.length > 0) {
    const sheets = await db
      .selectFrom('evaluation_survey_responses')
      .select(['survey_id', 'answers', 'completed'])
      .where('survey_id', 'in', closedIds)
      .execute();
    for (const s of sheets) {
      answers.set(s.survey_id, [...(answers.get(s.survey_id) ?? []), s.answers]);
      sheetsOf.set(s.survey_id, [...(sheetsOf.get(s.survey_id) ?? []), { answers: s.answers, completed: s.completed }]);
    }
  }
  const surveys = visible.map((r) => ({
    surveyId: r.surveyId,
    setId: r.setId,
    setTitle: r.setTitle,
    owner: r.institutionId ? ('institution' as const) : ('agency' as const),
    sessionId: r.sessionId,
    sessionCode: r.sessionCode,
    courseId: r.courseId,
    courseTitle: r.courseTitle,
    courseTitleEn: r.courseTitleEn,
    institutionName: r.institutionName,
    closesAt: r.closesAt,
    invited: r.invited,
    invitedNotCompleted: r.invitedNotCompleted,
    report: surveyReport(r.questions, answers.get(r.surveyId) ?? [], { closed: r.closesAt <= at }),
    byCompletion: r.invitedNotCompleted > 0 ? completionSplit(r.questions, sheetsOf.get(r.surveyId) ?? [], { closed: r.closesAt <= at }) : null,
  }));
  const bySet = new Map<string, SurveyRow[]>();
  for (const r of visible) bySet.set(`${r.courseId}:${r.setId}`, [...(bySet.get(`${r.courseId}:${r.setId}`) ?? []), r]);
  const courses = [...bySet.values()].map((group) => {
    const first = group[0]!;
    const pooled = pooledReport(
      first.questions,
      // A set's questions never change once copied, so its surveys share them.
      group.map((r) => ({ closed: r.closesAt <= at, responses: answers.get(r.surveyId) ?? [] })),
    );
    return {
      courseId: first.courseId,
      courseTitle: first.courseTitle,
      courseTitleEn: first.courseTitleEn,
      setId: first.setId,
      setTitle: first.setTitle,
      ...pooled,
    };
  });
  return { threshold: SURVEY_ANONYMITY_THRESHOLD, surveys, courses };
}
