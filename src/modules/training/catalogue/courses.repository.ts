import { sql, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import { foldForSearch, likePattern } from '../../../platform/text/vietnamese.js';
import type { CourseFormatCode, CourseContent } from './course-rules.js';
import type { CourseStatus } from '../training.tables.js';

/** SQL of the catalogue; rules live in courses.service.ts. */
type Executor = Db | Transaction<Database>;

export interface CourseFilter {
  q?: string;
  institutionId?: string;
  format?: CourseFormatCode;
  competencyId?: string;
  groupId?: string;
  limit: number;
  offset: number;
}

/** Active courses matching the filter, by code; `q` matches code or either title, with or without diacritics. */
export async function searchActiveCourses(db: Executor, filter: CourseFilter) {
  let query = db.selectFrom('training_courses as c').where('c.status', '=', 'active');
  if (filter.q) query = query.where('c.search_title', 'like', likePattern(foldForSearch(filter.q)));
  if (filter.institutionId) query = query.where('c.institution_id', '=', filter.institutionId);
  if (filter.format) query = query.where('c.format', '=', filter.format);
  if (filter.competencyId) {
    const competencyId = filter.competencyId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('training_course_competencies as cc')
          .select('cc.course_id')
          .whereRef('cc.course_id', '=', 'c.id')
          .where('cc.competency_id', '=', competencyId),
      ),
    );
  }
  if (filter.groupId) {
    const groupId = filter.groupId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('training_course_competencies as cc')
          .innerJoin('competencies as k', 'k.id', 'cc.competency_id')
          .select('cc.course_id')
          .whereRef('cc.course_id', '=', 'c.id')
          .where('k.group_id', '=', groupId),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query.select('c.id').orderBy('c.code').orderBy('c.id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.total) };
}

export async function institutionCourseIds(db: Executor, institutionId: string, status: CourseStatus | 'all') {
  const rows = await db
    .selectFrom('training_courses')
    .select('id')
    .where('institution_id', '=', institutionId)
    .$if(status !== 'all', (q) => q.where('status', '=', status as CourseStatus))
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

/** Courses as the catalogue lists them, in the order of `ids`, with the competencies they raise. */
export async function courseSummaries(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('training_courses as c')
    .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
    .select([
      'c.id',
      'c.code',
      'c.version',
      'c.status',
      'c.title',
      'c.title_en as titleEn',
      'c.institution_id as institutionId',
      'i.name as institutionName',
      'c.format',
      'c.hours',
      'c.cost_per_seat as costPerSeat',
    ])
    .where('c.id', 'in', ids)
    .execute();
  const targets = await db
    .selectFrom('training_course_competencies as cc')
    .innerJoin('competencies as k', 'k.id', 'cc.competency_id')
    .select([
      'cc.course_id as courseId',
      'cc.competency_id as competencyId',
      'k.code',
      'k.name_vi',
      'k.name_en',
      'k.group_id as groupId',
      'cc.from_level as fromLevel',
      'cc.to_level as toLevel',
    ])
    .where('cc.course_id', 'in', ids)
    .orderBy('k.position')
    .execute();
  const byCourse = new Map<string, typeof targets>();
  for (const t of targets) byCourse.set(t.courseId, [...(byCourse.get(t.courseId) ?? []), t]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const competencies = (byCourse.get(id) ?? []).map((t) => ({
      competencyId: t.competencyId,
      code: t.code,
      name: { vi: t.name_vi, en: t.name_en },
      groupId: t.groupId,
      fromLevel: t.fromLevel,
      toLevel: t.toLevel,
    }));
    return [{ ...r, hours: Number(r.hours), costPerSeat: Number(r.costPerSeat), competencies }];
  });
}

export function findCourse(db: Executor, id: string) {
  return db.selectFrom('training_courses').selectAll().where('id', '=', id).executeTakeFirst();
}

export function activeCourseByCode(db: Executor, institutionId: string, code: string) {
  return db
    .selectFrom('training_courses')
    .selectAll()
    .where('institution_id', '=', institutionId)
    .where('code', '=', code)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** What a stored version says, in the shape edits are compared in. */
export async function courseContent(db: Executor, id: string): Promise<CourseContent | undefined> {
  const c = await findCourse(db, id);
  if (!c) return undefined;
  const competencies = await db
    .selectFrom('training_course_competencies')
    .select(['competency_id as competencyId', 'from_level as fromLevel', 'to_level as toLevel'])
    .where('course_id', '=', id)
    .execute();
  const prerequisites = await db.selectFrom('training_course_prerequisites').select('prerequisite_id').where('course_id', '=', id).execute();
  return {
    title: c.title,
    titleEn: c.title_en,
    description: c.description,
    format: c.format,
    hours: Number(c.hours),
    costPerSeat: Number(c.cost_per_seat),
    frameworkVersionId: c.framework_version_id,
    minAttendance: Number(c.min_attendance),
    passScore: c.pass_score === null ? null : Number(c.pass_score),
    competencies,
    prerequisiteIds: prerequisites.map((p) => p.prerequisite_id),
  };
}

/** Prerequisite edges between courses still in use (drafts and active versions). */
export async function prerequisiteEdges(db: Executor): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ course_id: string; prerequisite_id: string }>`
    SELECT p.course_id, p.prerequisite_id FROM training_course_prerequisites p
    JOIN training_courses c ON c.id = p.course_id WHERE c.status <> 'retired'`.execute(db);
  const edges = new Map<string, string[]>();
  for (const r of rows) edges.set(r.course_id, [...(edges.get(r.course_id) ?? []), r.prerequisite_id]);
  return edges;
}

/** A framework version's scale and competencies: what a course of it may claim. */
export async function frameworkVersionScope(db: Executor, versionId: string) {
  const version = await db.selectFrom('framework_versions').select(['id', 'status', 'level_count']).where('id', '=', versionId).executeTakeFirst();
  if (!version) return undefined;
  const competencies = await db.selectFrom('competencies').select(['id', 'code']).where('version_id', '=', versionId).execute();
  return {
    id: version.id,
    status: version.status,
    levelCount: version.level_count,
    competencyIds: new Set(competencies.map((c) => c.id)),
    byCode: new Map(competencies.map((c) => [c.code, c.id])),
  };
}

export async function writeTargets(trx: Transaction<Database>, courseId: string, content: Pick<CourseContent, 'competencies' | 'prerequisiteIds'>) {
  await trx.deleteFrom('training_course_competencies').where('course_id', '=', courseId).execute();
  await trx.deleteFrom('training_course_prerequisites').where('course_id', '=', courseId).execute();
  await trx
    .insertInto('training_course_competencies')
    .values(content.competencies.map((t) => ({ course_id: courseId, competency_id: t.competencyId, from_level: t.fromLevel, to_level: t.toLevel })))
    .execute();
  const prereqs = [...new Set(content.prerequisiteIds)];
  if (prereqs.length)
    await trx
      .insertInto('training_course_prerequisites')
      .values(prereqs.map((p) => ({ course_id: courseId, prerequisite_id: p })))
      .execute();
}

export function courseRow(content: CourseContent, code: string) {
  return {
    title: content.title,
    title_en: content.titleEn,
    search_title: foldForSearch([code, content.title, content.titleEn].filter(Boolean).join(' ')),
    description: content.description,
    format: content.format,
    hours: content.hours,
    cost_per_seat: content.costPerSeat,
    framework_version_id: content.frameworkVersionId,
    min_attendance: content.minAttendance,
    pass_score: content.passScore,
  };
}
