import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope } from '../../../platform/auth/scope.js';
import type { Database } from '../../../platform/db/schema.js';
import { notFound } from '../../../platform/errors.js';
import { escapeLike } from '../../../platform/text/like.js';
import { annualReportFigures, type AnnualReportFigures, type ReportEnrolment } from './annual-report.js';

export interface AnnualReport extends AnnualReportFigures {
  agency: { id: string; name: string; code: string };
  year: number;
}

/**
 * An agency's training report for a year (its whole subtree): sessions that start in the year, people
 * by the agency they were enrolled from. HR officers of the agency or above it, and national
 * administrators (the route admits no one else); out of scope answers 404 like a missing agency.
 */
export async function annualReport(db: Kysely<Database>, actor: Actor, agencyId: string, year: number): Promise<AnnualReport> {
  const agency = await db.selectFrom('agencies').where('id', '=', agencyId).select(['id', 'name', 'code', 'path']).executeTakeFirst();
  if (!agency || !isInScope(actor, agency.path)) throw notFound();
  const rows = await db
    .selectFrom('training_enrolments as e')
    .innerJoin('agencies as a', 'a.id', 'e.agency_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .innerJoin('training_sessions as s', 's.id', 'e.session_id')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .where(sql<boolean>`a.path LIKE ${escapeLike(agency.path) + '%'}`)
    .where('s.starts_on', '>=', `${year}-01-01`)
    .where('s.starts_on', '<=', `${year}-12-31`)
    .where('e.status', 'in', ['enrolled', 'completed', 'not_completed'])
    .select(['e.person_id as personId', 'e.status', 'c.id as courseId', 'c.format', 'c.hours', 's.cost_per_seat as cost', 'p.role_category as roleCategory'])
    .execute();
  const courseIds = [...new Set(rows.map((r) => r.courseId))];
  const groups = courseIds.length
    ? await db
        .selectFrom('training_course_competencies as cc')
        .innerJoin('competencies as k', 'k.id', 'cc.competency_id')
        .innerJoin('competency_groups as g', 'g.id', 'k.group_id')
        .where('cc.course_id', 'in', courseIds)
        .select(['cc.course_id as courseId', 'g.code', 'g.name_vi as name'])
        .distinct()
        .execute()
    : [];
  const groupsOf = new Map<string, Array<{ code: string; name: string }>>();
  for (const g of groups) groupsOf.set(g.courseId, [...(groupsOf.get(g.courseId) ?? []), { code: g.code, name: g.name }]);
  const enrolments: ReportEnrolment[] = rows.map((r) => ({
    personId: r.personId,
    status: r.status,
    format: r.format,
    groups: groupsOf.get(r.courseId) ?? [],
    roleCategory: r.roleCategory,
    hours: Number(r.hours),
    cost: Number(r.cost),
  }));
  return { agency: { id: agency.id, name: agency.name, code: agency.code }, year, ...annualReportFigures(enrolments) };
}
