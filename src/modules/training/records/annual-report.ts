import type { CourseFormat, EnrolmentStatus } from '../training.tables.js';
import type { RoleCategory } from '../../people/people.tables.js';

/** One enrolment of the year as the report counts it. */
export interface ReportEnrolment {
  personId: string;
  status: EnrolmentStatus;
  format: CourseFormat;
  /** The competency groups the course raises (a course may serve several). */
  groups: Array<{ code: string; name: string }>;
  roleCategory: RoleCategory | null;
  hours: number;
  /** What the seat cost, in dong. */
  cost: number;
}

export interface ReportLine {
  key: string;
  /** Distinct people who took part (enrolled, completed or not completed). */
  people: number;
  /** Enrolments that took part. */
  participations: number;
  completions: number;
  /** Training hours of the completed enrolments (course hours × completions). */
  hours: number;
  /** Seats paid for: every participation's seat cost, in dong. */
  cost: number;
}

export interface AnnualReportFigures {
  total: ReportLine;
  byFormat: ReportLine[];
  byGroup: Array<ReportLine & { name: string }>;
  byRoleCategory: ReportLine[];
}

/** Enrolments that took part in a session: a seat was used, whatever the result. */
const TOOK_PART: ReadonlySet<EnrolmentStatus> = new Set(['enrolled', 'completed', 'not_completed']);

function line(key: string, rows: readonly ReportEnrolment[]): ReportLine {
  const completed = rows.filter((r) => r.status === 'completed');
  return {
    key,
    people: new Set(rows.map((r) => r.personId)).size,
    participations: rows.length,
    completions: completed.length,
    hours: Math.round(completed.reduce((sum, r) => sum + r.hours, 0) * 10) / 10,
    cost: rows.reduce((sum, r) => sum + r.cost, 0),
  };
}

function groupBy<K extends string>(rows: readonly ReportEnrolment[], keys: (r: ReportEnrolment) => K[]): Map<K, ReportEnrolment[]> {
  const groups = new Map<K, ReportEnrolment[]>();
  for (const row of rows) for (const key of keys(row)) groups.set(key, [...(groups.get(key) ?? []), row]);
  return groups;
}

/**
 * The year's figures HR offices report upward. Only enrolments that took part count (a waiting list,
 * a rejection or a cancellation used no seat). By competency group a course counts once in each group
 * it serves, so those lines may add up to more than the total.
 */
export function annualReportFigures(enrolments: readonly ReportEnrolment[]): AnnualReportFigures {
  const rows = enrolments.filter((r) => TOOK_PART.has(r.status));
  const byFormat = [...groupBy(rows, (r) => [r.format])].map(([key, rs]) => line(key, rs)).sort((a, b) => a.key.localeCompare(b.key));
  const names = new Map(rows.flatMap((r) => r.groups.map((g) => [g.code, g.name] as const)));
  const byGroup = [...groupBy(rows, (r) => [...new Set(r.groups.map((g) => g.code))])]
    .map(([key, rs]) => ({ ...line(key, rs), name: names.get(key) ?? key }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const byRoleCategory = [...groupBy(rows, (r) => [r.roleCategory ?? 'none'])].map(([key, rs]) => line(key, rs)).sort((a, b) => a.key.localeCompare(b.key));
  return { total: line('total', rows), byFormat, byGroup, byRoleCategory };
}
