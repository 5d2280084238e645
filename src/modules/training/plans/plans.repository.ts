import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { preparedAs } from '../../../platform/db/engine.js';
import { today } from '../../../platform/clock.js';
import { DEFAULT_CRITICALITY } from '../../needs/gaps.js';
import type { CandidateCourse, Standing } from './recommend.js';

type Executor = Kysely<Database>;

/** The person, their agency, and the newest closed cycle they have results in (plans follow published results). */
export async function planSubject(db: Executor, personId: string, cycleId?: string) {
  const { rows } = await sql<{
    person_id: string;
    full_name: string;
    staff_code: string;
    agency_id: string;
    agency_path: string;
    cycle_id: string | null;
    cycle_name: string | null;
  }>`
    SELECT p.id AS person_id, p.full_name, p.staff_code, p.agency_id, a.path AS agency_path, k.id AS cycle_id, k.name AS cycle_name
    FROM people p JOIN agencies a ON a.id = p.agency_id
    LEFT JOIN LATERAL (
      SELECT c.id, c.name FROM assessment_cycles c
      -- Unnamed, the newest full cycle: a follow-up after training rates only the trained competencies.
      WHERE c.status = 'closed' AND (${cycleId ?? null}::uuid IS NULL AND c.kind <> 'follow_up' OR c.id = ${cycleId ?? null}::uuid)
        AND EXISTS (SELECT 1 FROM assessment_results r WHERE r.cycle_id = c.id AND r.person_id = p.id)
      ORDER BY c.opens_on DESC LIMIT 1) k ON true
    WHERE p.id = ${personId}`.execute(db);
  return rows[0];
}

interface EvidenceRow {
  kind: 'standing' | 'course' | 'completed' | 'enrolled';
  competency: string | null;
  assessed_level: number | null;
  required_level: number | null;
  criticality: number | null;
  course_id: string | null;
  course_key: string | null;
  cost_per_seat: number | null;
  hours: number | null;
  from_level: number | null;
  to_level: number | null;
}

export interface RecommendationEvidence {
  standings: Standing[];
  courses: CandidateCourse[];
  completed: Set<string>;
  enrolled: Set<string>;
}

/**
 * Everything the recommendation rule needs, in one prepared statement (the
 * embedded engine pays for each round trip): the person's results in the
 * cycle; for each competency with a gap, the active courses that can raise it
 * from where the person stands (from-level reached, to-level above) — matched
 * by competency code within the same framework, since courses and cycles may
 * use different versions of it — leaving out courses the person completed or
 * is enrolled in (by institution and code, so every version counts). Only a
 * course's competencies that close a gap come back: a course with one of them
 * cannot be "already held", so the rest would only be carried and dropped.
 */
export async function recommendationEvidence(db: Executor, personId: string, cycleId: string): Promise<RecommendationEvidence> {
  const { rows } = await sql<EvidenceRow>`${preparedAs('training_recommendation_evidence')}
    WITH standing AS (
      SELECT k.code AS competency, v.framework_id, r.assessed_level::float8 AS assessed_level, r.required_level, COALESCE(r.criticality, ${sql.lit(DEFAULT_CRITICALITY)}) AS criticality
      FROM assessment_results r
      JOIN competencies k ON k.id = r.competency_id
      JOIN framework_versions v ON v.id = k.version_id
      WHERE r.cycle_id = ${cycleId} AND r.person_id = ${personId}),
    gap AS (
      SELECT s.competency, s.assessed_level, k2.id AS competency_id
      FROM standing s
      JOIN framework_versions v2 ON v2.framework_id = s.framework_id
      JOIN competencies k2 ON k2.version_id = v2.id AND k2.code = s.competency
      WHERE s.required_level > s.assessed_level),
    taken AS (
      SELECT co.institution_id, co.code, e.status
      FROM training_enrolments e JOIN training_sessions se ON se.id = e.session_id JOIN training_courses co ON co.id = se.course_id
      WHERE e.person_id = ${personId} AND e.status IN ('completed', 'pending_approval', 'enrolled', 'waitlisted'))
    SELECT 'standing' AS kind, competency, assessed_level, required_level, criticality,
           NULL::uuid AS course_id, NULL AS course_key, NULL::bigint AS cost_per_seat, NULL::numeric AS hours, NULL::smallint AS from_level, NULL::smallint AS to_level
    FROM standing
    UNION ALL
    SELECT 'course', g.competency, NULL, NULL, NULL, co.id, co.institution_id::text || ':' || co.code, co.cost_per_seat, co.hours, cc.from_level, cc.to_level
    FROM gap g
    JOIN training_course_competencies cc ON cc.competency_id = g.competency_id AND cc.from_level <= g.assessed_level AND cc.to_level > g.assessed_level
    JOIN training_courses co ON co.id = cc.course_id AND co.status = 'active'
    WHERE NOT EXISTS (SELECT 1 FROM taken t WHERE t.institution_id = co.institution_id AND t.code = co.code)
    UNION ALL
    SELECT CASE WHEN status = 'completed' THEN 'completed' ELSE 'enrolled' END, NULL, NULL, NULL, NULL, NULL, institution_id::text || ':' || code, NULL, NULL, NULL, NULL
    FROM taken`.execute(db);

  const standings: Standing[] = [];
  const courses = new Map<string, CandidateCourse & { competencies: Array<CandidateCourse['competencies'][number]> }>();
  const completed = new Set<string>();
  const enrolled = new Set<string>();
  for (const row of rows) {
    if (row.kind === 'standing') {
      standings.push({ competency: row.competency!, assessedLevel: row.assessed_level, requiredLevel: row.required_level, criticality: row.criticality! });
    } else if (row.kind === 'course') {
      let course = courses.get(row.course_id!);
      if (!course) {
        course = { courseId: row.course_id!, courseKey: row.course_key!, costPerSeat: row.cost_per_seat!, hours: row.hours!, competencies: [] };
        courses.set(row.course_id!, course);
      }
      course.competencies.push({ competency: row.competency!, fromLevel: row.from_level!, toLevel: row.to_level! });
    } else if (row.kind === 'completed') completed.add(row.course_key!);
    else enrolled.add(row.course_key!);
  }
  // Candidate order must not depend on the plan the database chose: ties are broken by id in the rule, but keep input stable too.
  return { standings, courses: [...courses.values()].sort((a, b) => (a.courseId < b.courseId ? -1 : 1)), completed, enrolled };
}

/** Titles, institutions and the next open sessions of the recommended courses. */
export async function courseDetails(db: Executor, courseIds: readonly string[]) {
  if (courseIds.length === 0) return { courses: [], sessions: [] };
  const [courses, sessions] = await Promise.all([
    db
      .selectFrom('training_courses as co')
      .innerJoin('training_institutions as i', 'i.id', 'co.institution_id')
      .select([
        'co.id',
        'co.code',
        'co.title',
        'co.title_en as titleEn',
        'co.format',
        'co.hours',
        'co.cost_per_seat as costPerSeat',
        'i.id as institutionId',
        'i.name as institutionName',
      ])
      .where('co.id', 'in', courseIds)
      .execute(),
    sql<{ id: string; course_id: string; code: string; starts_on: string; ends_on: string; place: string; enrol_closes_on: string; seats_left: number }>`
      SELECT s.id, s.course_id, s.code, s.starts_on, s.ends_on, s.place, s.enrol_closes_on,
             s.seats - (SELECT count(*)::int FROM training_enrolments e WHERE e.session_id = s.id AND e.status IN ('enrolled', 'completed', 'not_completed')) AS seats_left
      FROM training_sessions s
      WHERE s.course_id = ANY(${[...courseIds]}::uuid[]) AND s.status IN ('planned', 'open') AND s.enrol_closes_on >= ${today()}::date
      ORDER BY s.starts_on, s.code`.execute(db),
  ]);
  return { courses, sessions: sessions.rows };
}
