import { sql } from 'kysely';
import type { TodoSource } from '../../platform/overview/todo.js';
import { scopeCondition } from '../../platform/auth/scope.js';

/** HR's annual plans with a computed version still waiting for approval (who may approve: planning.policy canWrite). */
export const planningTodo: TodoSource = async (db, actor) => {
  if (actor.role !== 'hr_officer' && actor.role !== 'national_admin') return [];
  const { rows } = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM planning_plans p JOIN agencies a ON a.id = p.agency_id
    WHERE p.status = 'draft' AND ${scopeCondition(actor, 'a.path')}
      AND EXISTS (SELECT 1 FROM planning_versions v WHERE v.plan_id = p.id)`.execute(db);
  return [{ key: 'planning.plansToApprove', count: rows[0]!.count, link: '/planning', dueOn: null }];
};
