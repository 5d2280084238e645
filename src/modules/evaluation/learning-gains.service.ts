import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import type { Db } from '../../platform/db/engine.js';
import { compareVietnameseNames } from '../../platform/text/vietnamese.js';
import { staffInstitution } from '../training/sessions/sessions.repository.js';
import { competencyGains, personGains, type CompetencyScore, type PersonGain } from './learning-tests.rules.js';

interface Row {
  enrolmentId: string;
  personId: string;
  fullName: string;
  staffCode: string;
  courseId: string;
  courseTitle: string;
  courseTitleEn: string;
  sessionCode: string;
  phase: 'pre' | 'post';
  scores: CompetencyScore[];
}

/**
 * Learning gains: per course, per competency (means of pre, post and the gain)
 * and per person. The institution sees its courses' trainees; HR and leaders
 * the trainees of their subtree (figures of theirs only); administrators all.
 * Only people with both tests count.
 */
export async function learningGains(db: Db, actor: Actor, filter: { courseId?: string }) {
  const staffOf = actor.role === 'trainer' ? await staffInstitution(db, actor.userId) : null;
  const visibility =
    actor.role === 'trainer' ? sql`c.institution_id = ${staffOf ?? '00000000-0000-0000-0000-000000000000'}` : sql`${scopeCondition(actor, 'a.path')}`;
  const { rows } = await sql<Row>`
    SELECT t.enrolment_id AS "enrolmentId", p.id AS "personId", p.full_name AS "fullName", p.staff_code AS "staffCode",
           c.id AS "courseId", c.title AS "courseTitle", c.title_en AS "courseTitleEn", s.code AS "sessionCode", t.phase,
           (SELECT json_agg(json_build_object('competencyId', l.competency_id, 'score', l.score::float8, 'level', l.level))
              FROM evaluation_learning_scores l WHERE l.attempt_id = t.id) AS scores
    FROM evaluation_learning_attempts t
    JOIN training_enrolments e ON e.id = t.enrolment_id
    JOIN training_sessions s ON s.id = e.session_id
    JOIN training_courses c ON c.id = t.course_id
    JOIN people p ON p.id = t.person_id
    JOIN agencies a ON a.id = t.agency_id
    WHERE t.submitted_at IS NOT NULL AND ${visibility}
      ${filter.courseId ? sql`AND t.course_id = ${filter.courseId}` : sql``}
    LIMIT 20000`.execute(db);
  const byEnrolment = new Map<string, { row: Row; pre?: CompetencyScore[]; post?: CompetencyScore[] }>();
  for (const r of rows) {
    const e = byEnrolment.get(r.enrolmentId) ?? { row: r };
    e[r.phase] = r.scores ?? [];
    byEnrolment.set(r.enrolmentId, e);
  }
  const people: Array<{ row: Row; gains: PersonGain[] }> = [];
  for (const e of byEnrolment.values()) if (e.pre && e.post) people.push({ row: e.row, gains: personGains(e.pre, e.post) });
  const competencyIds = [...new Set(people.flatMap((p) => p.gains.map((g) => g.competencyId)))];
  const names = new Map(
    (competencyIds.length ? await db.selectFrom('competencies').select(['id', 'name_vi', 'name_en']).where('id', 'in', competencyIds).execute() : []).map(
      (c) => [c.id, c],
    ),
  );
  const named = <T extends { competencyId: string }>(x: T) => ({
    ...x,
    name: names.get(x.competencyId)?.name_vi ?? '',
    nameEn: names.get(x.competencyId)?.name_en ?? '',
  });
  const byCourse = new Map<string, typeof people>();
  for (const p of people) byCourse.set(p.row.courseId, [...(byCourse.get(p.row.courseId) ?? []), p]);
  return {
    courses: [...byCourse.values()].map((ps) => ({
      courseId: ps[0]!.row.courseId,
      courseTitle: ps[0]!.row.courseTitle,
      courseTitleEn: ps[0]!.row.courseTitleEn,
      people: ps.length,
      competencies: competencyGains(ps.map((p) => p.gains)).map(named),
    })),
    people: people
      .sort((a, b) => compareVietnameseNames(a.row.fullName, b.row.fullName))
      .slice(0, 500)
      .map((p) => ({
        personId: p.row.personId,
        fullName: p.row.fullName,
        staffCode: p.row.staffCode,
        courseId: p.row.courseId,
        sessionCode: p.row.sessionCode,
        meanScoreGain: p.gains.length ? Math.round((p.gains.reduce((s, g) => s + g.scoreGain, 0) / p.gains.length) * 100) / 100 : 0,
        gains: p.gains.map((g) =>
          named({
            competencyId: g.competencyId,
            preScore: g.pre.score,
            postScore: g.post.score,
            preLevel: g.pre.level,
            postLevel: g.post.level,
            scoreGain: g.scoreGain,
            levelGain: g.levelGain,
          }),
        ),
      })),
  };
}
