import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { today } from '../../platform/clock.js';
import { escapeLike } from '../../platform/text/like.js';
import { expectedCourseGains } from '../evaluation/effectiveness.repository.js';
import { DEFAULT_CRITICALITY } from '../needs/gaps.js';
import type { Standing } from '../training/plans/recommend.js';
import { realisation } from './measured-effect.js';
import type { PlanPersonInput, PlanSession } from './plan-instance.js';
import type { PlanInputs } from './planning.schema.js';

type Executor = Kysely<Database>;

export interface PlanningEvidence {
  people: Array<PlanPersonInput & { staffCode: string; fullName: string }>;
  sessions: Array<PlanSession & { code: string; courseTitle: string }>;
  /** Competency code → its group's code and name (weights and the summary by group). */
  groups: Map<string, { code: string; name: string }>;
  /** person id | course id of courses the person completed or holds a live enrolment in (never planned again). */
  taken: Set<string>;
  /** People with no completed course in the last N years (priorities.noTrainingYears). */
  untrained: Set<string>;
  unitNames: Map<string, string>;
  positionNames: Map<string, string>;
}

/** A session's or class to open's row, one a competency it raises. */
type SessionRow = {
  id: string;
  code: string;
  course_id: string;
  title: string;
  starts_on: string;
  ends_on: string;
  cost_per_seat: number;
  hours: number;
  competency: string;
  group_code: string;
  group_name: string;
  from_level: number;
  to_level: number;
};

/**
 * Everything the plan of an agency subtree is built from: its active staff
 * and their results in the newest closed cycle each has, the sessions on
 * offer with their free seats, the courses each person already has.
 * People on leave, transferred or retired are not planned (issue 15: exclusions).
 */
export async function planningEvidence(db: Executor, agencyPath: string, inputs: PlanInputs): Promise<PlanningEvidence> {
  const prefix = `${escapeLike(agencyPath)}%`;
  const [peopleRows, standingRows, sessionRows, takenRows, untrainedRows] = await Promise.all([
    sql<{
      id: string;
      staff_code: string;
      full_name: string;
      agency_id: string;
      agency_name: string;
      position_id: string | null;
      position_title: string | null;
    }>`
      SELECT p.id, p.staff_code, p.full_name, p.agency_id, a.name AS agency_name, p.position_id, po.title_vi AS position_title
      FROM people p JOIN agencies a ON a.id = p.agency_id LEFT JOIN positions po ON po.id = p.position_id
      WHERE a.path LIKE ${prefix} AND p.status = 'active'
      ORDER BY p.staff_code, p.id`.execute(db),
    sql<{
      person_id: string;
      competency: string;
      group_code: string;
      group_name: string;
      assessed_level: number;
      required_level: number | null;
      criticality: number;
    }>`
      WITH staff AS (SELECT p.id FROM people p JOIN agencies a ON a.id = p.agency_id WHERE a.path LIKE ${prefix} AND p.status = 'active'),
      latest AS (
        SELECT DISTINCT ON (r.person_id) r.person_id, r.cycle_id
        FROM assessment_results r JOIN assessment_cycles c ON c.id = r.cycle_id JOIN staff ON staff.id = r.person_id
        -- A follow-up after training rates only the trained competencies: the profile is the newest full cycle's.
        WHERE c.status = 'closed' AND c.kind <> 'follow_up' ORDER BY r.person_id, c.opens_on DESC, c.id)
      SELECT r.person_id, k.code AS competency, g.code AS group_code, g.name_vi AS group_name, r.assessed_level::float8 AS assessed_level, r.required_level,
             COALESCE(r.criticality, ${sql.lit(DEFAULT_CRITICALITY)}) AS criticality
      FROM assessment_results r JOIN latest l ON l.person_id = r.person_id AND l.cycle_id = r.cycle_id
      JOIN competencies k ON k.id = r.competency_id JOIN competency_groups g ON g.id = k.group_id`.execute(db),
    sql<SessionRow & { seats_left: number }>`
      SELECT s.id, s.code, s.course_id, s.starts_on, s.ends_on, co.title, co.hours::float8 AS hours, s.cost_per_seat,
             s.seats - (SELECT count(*)::int FROM training_enrolments e WHERE e.session_id = s.id AND e.status IN ('enrolled', 'completed', 'not_completed')) AS seats_left,
             k.code AS competency, g.code AS group_code, g.name_vi AS group_name, cc.from_level, cc.to_level
      FROM training_sessions s
      JOIN training_courses co ON co.id = s.course_id
      JOIN training_course_competencies cc ON cc.course_id = co.id
      JOIN competencies k ON k.id = cc.competency_id JOIN competency_groups g ON g.id = k.group_id
      WHERE CASE WHEN cardinality(${inputs.sessionIds}::uuid[]) > 0 THEN s.id = ANY(${inputs.sessionIds}::uuid[])
                 ELSE s.status IN ('planned', 'open') AND s.enrol_closes_on >= ${today()}::date AND co.status = 'active' END
      ORDER BY s.code, s.id, k.code`.execute(db),
    sql<{ person_id: string; course_id: string }>`
      SELECT DISTINCT e.person_id, s.course_id
      FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id JOIN agencies a ON a.id = e.agency_id
      WHERE a.path LIKE ${prefix} AND e.status IN ('completed', 'pending_approval', 'enrolled', 'waitlisted')`.execute(db),
    inputs.priorities.noTrainingYears
      ? sql<{ id: string }>`
          SELECT p.id FROM people p JOIN agencies a ON a.id = p.agency_id
          WHERE a.path LIKE ${prefix} AND p.status = 'active' AND NOT EXISTS (
            SELECT 1 FROM training_enrolments e WHERE e.person_id = p.id AND e.status = 'completed'
              AND e.completed_at >= now() - make_interval(years => ${inputs.priorities.noTrainingYears}))`.execute(db)
      : Promise.resolve({ rows: [] as Array<{ id: string }> }),
  ]);

  const groups = new Map<string, { code: string; name: string }>();
  const standings = new Map<string, Standing[]>();
  for (const r of standingRows.rows) {
    groups.set(r.competency, { code: r.group_code, name: r.group_name });
    const list = standings.get(r.person_id) ?? [];
    list.push({ competency: r.competency, assessedLevel: r.assessed_level, requiredLevel: r.required_level, criticality: r.criticality });
    standings.set(r.person_id, list);
  }
  const sessions = new Map<
    string,
    PlanSession & {
      code: string;
      courseTitle: string;
      startsOn: string;
      endsOn: string;
      competencies: Array<PlanSession['competencies'][number]>;
      clashes: string[];
    }
  >();
  // One entry a session or class to open, its competencies gathered from its rows (one row a competency).
  const collect = (r: SessionRow, seats: number, opening: PlanSession['opening']) => {
    groups.set(r.competency, { code: r.group_code, name: r.group_name });
    let s = sessions.get(r.id);
    if (!s) {
      s = {
        id: r.id,
        code: r.code,
        courseId: r.course_id,
        courseTitle: r.title,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        clashes: [],
        costPerSeat: Number(r.cost_per_seat),
        hours: Number(r.hours),
        seats,
        opening,
        competencies: [],
      };
      sessions.set(r.id, s);
    }
    s.competencies.push({ competency: r.competency, fromLevel: r.from_level, toLevel: r.to_level });
  };
  // A full session of the catalogue is not on offer: otherwise, once one class fills up, every plan offered the
  // catalogue fails with "no seats". One HR names (in the inputs or as mandatory) stays, and its lack of seats is explained.
  const named = new Set([...inputs.sessionIds, ...inputs.mandatory.map((m) => m.sessionId)]);
  for (const r of sessionRows.rows) if (r.seats_left > 0 || named.has(r.id)) collect(r, Math.max(0, r.seats_left), null);
  // Classes to open (planning.openings.ts) offered to this plan: declared by its agency, one above it or one of its subtree.
  const openingRows = await sql<SessionRow & { opening_cost: number; min_class: number; seats: number }>`
    SELECT o.id, o.code, o.course_id, o.starts_on, o.ends_on, co.title, co.hours::float8 AS hours, o.cost_per_seat, o.opening_cost, o.min_class, o.seats,
           k.code AS competency, g.code AS group_code, g.name_vi AS group_name, cc.from_level, cc.to_level
    FROM planning_openings o
    JOIN agencies oa ON oa.id = o.agency_id
    JOIN training_courses co ON co.id = o.course_id
    JOIN training_course_competencies cc ON cc.course_id = co.id
    JOIN competencies k ON k.id = cc.competency_id JOIN competency_groups g ON g.id = k.group_id
    WHERE o.status = 'proposed' AND o.starts_on >= ${today()}::date AND co.status = 'active'
      AND (oa.path LIKE ${prefix} OR ${agencyPath} LIKE oa.path || '%')
    ORDER BY o.code, o.id, k.code`.execute(db);
  for (const r of openingRows.rows) collect(r, r.seats, { cost: Number(r.opening_cost), minClass: r.min_class });
  // Sessions whose dates overlap share a key: the enrolment service refuses a person in both (double booking).
  const list = [...sessions.values()];
  list.forEach((a, i) => {
    for (const b of list.slice(i + 1)) {
      if (a.startsOn > b.endsOn || b.startsOn > a.endsOn) continue;
      a.clashes.push(`@${a.id}-${b.id}`);
      b.clashes.push(`@${a.id}-${b.id}`);
    }
  });
  const gains = await expectedCourseGains(db, [...new Set(list.map((s) => s.courseId))]);
  for (const s of list) s.realisation = realisation(s.competencies, gains.get(s.courseId));
  const positionWeights = new Map(inputs.priorities.positions.map((p) => [p.positionId, p.weight]));
  const untrained = new Set(untrainedRows.rows.map((r) => r.id));
  return {
    people: peopleRows.rows.map((p) => ({
      id: p.id,
      staffCode: p.staff_code,
      fullName: p.full_name,
      unitId: p.agency_id,
      positionId: p.position_id,
      hoursLimit: inputs.hoursLimit,
      weight: (p.position_id ? (positionWeights.get(p.position_id) ?? 1) : 1) * (untrained.has(p.id) ? inputs.priorities.noTrainingWeight : 1),
      standings: standings.get(p.id) ?? [],
    })),
    sessions: list,
    groups,
    taken: new Set(takenRows.rows.map((r) => `${r.person_id}|${r.course_id}`)),
    untrained,
    unitNames: new Map(peopleRows.rows.map((p) => [p.agency_id, p.agency_name])),
    positionNames: new Map(peopleRows.rows.flatMap((p) => (p.position_id ? [[p.position_id, p.position_title ?? '']] : []))),
  };
}
