import { sql } from 'kysely';
import type { TodoItem, TodoSource } from '../../platform/overview/todo.js';
import { scopeCondition } from '../../platform/auth/scope.js';

const HR_ROLES = new Set(['hr_officer', 'national_admin']);

/**
 * The assessment lines of the overview: forms the caller has to fill (full
 * cycles and follow-ups after training apart, as the person reads them
 * differently), and for HR the cycles past their closing date still open and
 * the raters who could not sign in to fill their form.
 */
export const assessmentTodo: TodoSource = async (db, actor, today) => {
  const items: TodoItem[] = [];
  const rater = actor.personId ? sql`(x.rater_user_id = ${actor.userId} OR x.rater_person_id = ${actor.personId})` : sql`x.rater_user_id = ${actor.userId}`;
  const { rows: forms } = await sql<{ followUp: boolean; count: number; dueOn: string | null; firstId: string }>`
    SELECT c.kind = 'follow_up' AS "followUp", count(*)::int AS count, min(c.closes_on)::text AS "dueOn", min(x.id::text) AS "firstId"
    FROM assessment_assignments x JOIN assessment_cycles c ON c.id = x.cycle_id
    WHERE ${rater} AND c.status = 'open' AND x.status <> 'submitted'
    GROUP BY 1`.execute(db);
  for (const f of forms) {
    items.push({
      key: f.followUp ? 'assessment.followUpForms' : 'assessment.formsToFill',
      count: f.count,
      // One form: straight to it; several: the list, nearest deadline first.
      link: f.count === 1 ? `/assessments/forms/${f.firstId}` : '/assessments',
      dueOn: f.dueOn,
    });
  }
  if (!HR_ROLES.has(actor.role)) return items;

  const { rows: overdue } = await sql<{ count: number; dueOn: string | null; firstId: string | null }>`
    SELECT count(*)::int AS count, min(c.closes_on)::text AS "dueOn", min(c.id::text) AS "firstId"
    FROM assessment_cycles c JOIN agencies a ON a.id = c.agency_id
    WHERE c.status = 'open' AND c.closes_on < ${today} AND ${scopeCondition(actor, 'a.path')}`.execute(db);
  const o = overdue[0]!;
  items.push({ key: 'assessment.cyclesToClose', count: o.count, link: o.count === 1 ? `/assessments/cycles/${o.firstId}` : '/assessments', dueOn: o.dueOn });

  // Raters of the cycles being prepared or running who have no active account: their forms would wait unseen.
  const { rows: locked } = await sql<{ count: number }>`
    SELECT count(DISTINCT x.rater_person_id)::int AS count
    FROM assessment_assignments x
    JOIN assessment_cycles c ON c.id = x.cycle_id
    -- The rated person's agency: HR looks after its staff's forms in any cycle, the ministry's national ones too.
    JOIN agencies a ON a.id = x.agency_id
    WHERE c.status IN ('draft', 'open') AND x.status <> 'submitted' AND x.rater_person_id IS NOT NULL AND x.rater_user_id IS NULL
      AND ${scopeCondition(actor, 'a.path')}
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = x.rater_person_id AND u.active)`.execute(db);
  items.push({ key: 'assessment.ratersCannotSignIn', count: locked[0]!.count, link: '/accounts', dueOn: null });
  return items;
};
