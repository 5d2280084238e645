import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';
import type { Db } from '../../platform/db/engine.js';
import { notFound } from '../../platform/errors.js';

/**
 * Issue 15, item 5: planned against spent training budget, one row per unit
 * below a level of the agency tree — the provinces for the national
 * administrator, a province's departments and communes for its HR — with a
 * drill-down into any unit of the caller's scope. Planned is the cost of the
 * approved plans' approved versions; spent is the seats actually taken (enrolled,
 * completed or not completed) in sessions of the year that were not cancelled.
 * A plan counts under the unit that made it, a seat under the trainee's unit.
 */
export interface BudgetRow {
  agencyId: string;
  name: string;
  /** true: the plans the parent unit made itself, not a unit below it. */
  own: boolean;
  hasChildren: boolean;
  approvedPlans: number;
  draftPlans: number;
  budget: number;
  planned: number;
  plannedSeats: number;
  spent: number;
  spentSeats: number;
}

export async function budgetOverview(
  db: Db,
  actor: Actor,
  query: { year: number; agencyId?: string },
): Promise<{ year: number; parent: { id: string; name: string } | null; rows: BudgetRow[] }> {
  const parent = query.agencyId
    ? await db.selectFrom('agencies').select(['id', 'name', 'path']).where('id', '=', query.agencyId).executeTakeFirst()
    : actor.role === 'national_admin'
      ? null
      : await db.selectFrom('agencies').select(['id', 'name', 'path']).where('id', '=', actor.agencyId).executeTakeFirstOrThrow();
  if (query.agencyId && (!parent || !isInScope(actor, parent.path))) throw notFound({ agencyId: query.agencyId });
  // The units of the level shown: each one's subtree is summed (own: the parent's own plans and staff only).
  const { rows } = await sql<{
    agency_id: string;
    name: string;
    own: boolean;
    has_children: boolean;
    approved_plans: number;
    draft_plans: number;
    budget: string | number;
    planned: string | number;
    planned_seats: number;
    spent: string | number;
    spent_seats: number;
  }>`
    WITH units AS (
      ${
        parent
          ? sql`SELECT id, name, path, false AS own FROM agencies WHERE parent_id = ${parent.id}
                UNION ALL SELECT id, name, path, true AS own FROM agencies WHERE id = ${parent.id}`
          : sql`SELECT id, name, path, false AS own FROM agencies WHERE parent_id IS NULL`
      }
    ),
    plans AS (
      SELECT u.id AS unit_id, p.status, p.budget, v.cost,
             (SELECT count(*) FROM planning_assignments pa WHERE pa.plan_id = p.id AND pa.version = p.approved_version) AS seats
      FROM units u
      JOIN agencies a ON (CASE WHEN u.own THEN a.id = u.id ELSE starts_with(a.path, u.path) END)
      JOIN planning_plans p ON p.agency_id = a.id AND p.year = ${query.year}
      LEFT JOIN planning_versions v ON v.plan_id = p.id AND v.number = p.approved_version
    ),
    seats AS (
      SELECT u.id AS unit_id, s.cost_per_seat
      FROM units u
      JOIN agencies a ON (CASE WHEN u.own THEN a.id = u.id ELSE starts_with(a.path, u.path) END)
      JOIN training_enrolments e ON e.agency_id = a.id AND e.status IN ('enrolled', 'completed', 'not_completed')
      JOIN training_sessions s ON s.id = e.session_id AND s.status <> 'cancelled'
        AND s.starts_on >= make_date(${query.year}, 1, 1) AND s.starts_on < make_date(${query.year} + 1, 1, 1)
    )
    SELECT u.id AS agency_id, u.name, u.own,
           EXISTS (SELECT 1 FROM agencies c WHERE c.parent_id = u.id) AND NOT u.own AS has_children,
           (SELECT count(*) FROM plans WHERE unit_id = u.id AND status = 'approved')::int AS approved_plans,
           (SELECT count(*) FROM plans WHERE unit_id = u.id AND status = 'draft')::int AS draft_plans,
           (SELECT COALESCE(sum(budget), 0) FROM plans WHERE unit_id = u.id AND status = 'approved') AS budget,
           (SELECT COALESCE(sum(cost), 0) FROM plans WHERE unit_id = u.id AND status = 'approved') AS planned,
           (SELECT COALESCE(sum(seats), 0) FROM plans WHERE unit_id = u.id AND status = 'approved')::int AS planned_seats,
           (SELECT COALESCE(sum(cost_per_seat), 0) FROM seats WHERE unit_id = u.id) AS spent,
           (SELECT count(*) FROM seats WHERE unit_id = u.id)::int AS spent_seats
    FROM units u
    ORDER BY u.own DESC, u.name`.execute(db);
  return {
    year: query.year,
    parent: parent ? { id: parent.id, name: parent.name } : null,
    rows: rows
      .map((r) => ({
        agencyId: r.agency_id,
        name: r.name,
        own: r.own,
        hasChildren: r.has_children,
        approvedPlans: r.approved_plans,
        draftPlans: r.draft_plans,
        budget: Number(r.budget),
        planned: Number(r.planned),
        plannedSeats: r.planned_seats,
        spent: Number(r.spent),
        spentSeats: r.spent_seats,
      }))
      // The parent's own row only when it made plans or its own staff took seats.
      .filter((r) => !r.own || r.approvedPlans + r.draftPlans + r.spentSeats > 0),
  };
}
