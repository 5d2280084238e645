import { sql } from 'kysely';
import type { TodoItem, TodoSource } from '../../platform/overview/todo.js';
import { scopeCondition } from '../../platform/auth/scope.js';

/**
 * Training's lines of the overview: a leader's development plans and seat
 * requests to decide (never their own: sessions.policy canDecide), a trainer's
 * sessions that ended without being closed with attendance and results.
 */
export const trainingTodo: TodoSource = async (db, actor, today) => {
  const items: TodoItem[] = [];
  if (actor.role === 'leader') {
    const own = actor.personId ?? '00000000-0000-0000-0000-000000000000';
    const { rows: plans } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM training_development_plans d JOIN agencies a ON a.id = d.agency_id
      WHERE d.status = 'submitted' AND d.person_id <> ${own} AND ${scopeCondition(actor, 'a.path')}`.execute(db);
    items.push({ key: 'training.plansToApprove', count: plans[0]!.count, link: '/training/plans', dueOn: null });
    const { rows: requests } = await sql<{ count: number; dueOn: string | null }>`
      SELECT count(*)::int AS count, min(s.enrol_closes_on)::text AS "dueOn"
      FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id JOIN agencies a ON a.id = e.agency_id
      WHERE e.status = 'pending_approval' AND e.person_id <> ${own} AND ${scopeCondition(actor, 'a.path')}`.execute(db);
    items.push({ key: 'training.requestsToDecide', count: requests[0]!.count, link: '/training/approvals', dueOn: requests[0]!.dueOn });
  }
  if (actor.role === 'trainer') {
    const { rows } = await sql<{ count: number; dueOn: string | null }>`
      SELECT count(*)::int AS count, min(s.ends_on)::text AS "dueOn"
      FROM training_sessions s JOIN training_courses c ON c.id = s.course_id
      JOIN training_institution_staff st ON st.institution_id = c.institution_id AND st.user_id = ${actor.userId}
      WHERE s.status IN ('open', 'running') AND s.ends_on < ${today}`.execute(db);
    items.push({ key: 'training.sessionsToMark', count: rows[0]!.count, link: '/training/sessions', dueOn: rows[0]!.dueOn });
  }
  return items;
};
