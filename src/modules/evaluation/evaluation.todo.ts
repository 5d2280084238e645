import { sql } from 'kysely';
import type { TodoItem, TodoSource } from '../../platform/overview/todo.js';
import { now, timeZone } from '../../platform/clock.js';

/**
 * The trainee's reaction surveys still open and post-tests not yet taken
 * (a course with a question bank, once its session has started); a trainer's
 * finished sessions without a survey released.
 */
export const evaluationTodo: TodoSource = async (db, actor, today) => {
  const items: TodoItem[] = [];
  if (actor.personId) {
    const at = now();
    const { rows: surveys } = await sql<{ count: number; dueOn: string | null }>`
      SELECT count(*)::int AS count, min((v.closes_at AT TIME ZONE ${timeZone()})::date)::text AS "dueOn"
      FROM evaluation_survey_invitations n JOIN evaluation_surveys v ON v.id = n.survey_id
      WHERE n.person_id = ${actor.personId} AND n.answered_at IS NULL AND v.opens_at <= ${at} AND v.closes_at > ${at}`.execute(db);
    items.push({ key: 'evaluation.surveysToAnswer', count: surveys[0]!.count, link: '/training/me', dueOn: surveys[0]!.dueOn });
    const { rows: tests } = await sql<{ count: number }>`
      SELECT count(*)::int AS count
      FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id
      WHERE e.person_id = ${actor.personId} AND e.status IN ('enrolled', 'completed') AND s.starts_on <= ${today}
        AND NOT EXISTS (SELECT 1 FROM evaluation_learning_attempts t WHERE t.enrolment_id = e.id AND t.phase = 'post' AND t.submitted_at IS NOT NULL)
        AND EXISTS (SELECT 1 FROM training_course_competencies cc JOIN assessment_questions q ON q.competency_id = cc.competency_id AND q.active
                    WHERE cc.course_id = s.course_id)`.execute(db);
    items.push({ key: 'evaluation.postTestsToTake', count: tests[0]!.count, link: '/training/me', dueOn: null });
  }
  if (actor.role === 'trainer') {
    const { rows } = await sql<{ count: number }>`
      SELECT count(*)::int AS count
      FROM training_sessions s JOIN training_courses c ON c.id = s.course_id
      JOIN training_institution_staff st ON st.institution_id = c.institution_id AND st.user_id = ${actor.userId}
      WHERE s.status = 'completed' AND NOT EXISTS (SELECT 1 FROM evaluation_surveys v WHERE v.session_id = s.id)`.execute(db);
    items.push({ key: 'evaluation.surveysToRelease', count: rows[0]!.count, link: '/training/sessions', dueOn: null });
  }
  return items;
};
