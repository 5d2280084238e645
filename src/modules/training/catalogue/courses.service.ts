import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, conflict, notFound } from '../../../platform/errors.js';
import { normalizeVietnamese } from '../../../platform/text/vietnamese.js';
import { cataloguePolicy } from './catalogue.policy.js';
import { checkCompetencyTargets, findPrerequisiteCycle, sameCourseContent, type CourseContent, type CourseIssue } from './course-rules.js';
import * as repo from './courses.repository.js';
import { findInstitution, managedInstitution, staffInstitutionOf } from './institutions.service.js';

type Trx = Transaction<Database>;

/** NFC and single spaces in what users typed, so the same title typed twice is one string. */
export function cleanContent(content: CourseContent): CourseContent {
  return {
    ...content,
    title: normalizeVietnamese(content.title),
    titleEn: normalizeVietnamese(content.titleEn),
    description: content.description.normalize('NFC').trim(),
  };
}

/**
 * Everything a course's content must satisfy against the database: a published
 * framework version, competencies of that version at levels of its scale,
 * prerequisites that exist, are in use and make no loop. `selfId` is the id other
 * courses' prerequisites point at (the current version when editing).
 */
export async function contentIssues(db: Db | Trx, content: CourseContent, selfId: string | null): Promise<CourseIssue[] | 'framework_version'> {
  const version = await repo.frameworkVersionScope(db, content.frameworkVersionId);
  if (!version || version.status !== 'published') return 'framework_version';
  const issues = checkCompetencyTargets(content.competencies, version);
  const prereqs = [...new Set(content.prerequisiteIds)];
  if (prereqs.length) {
    const found = await db.selectFrom('training_courses').select('id').where('id', 'in', prereqs).where('status', '=', 'active').execute();
    content.prerequisiteIds.forEach((id, i) => {
      if (!found.some((f) => f.id === id) || id === selfId)
        issues.push({ field: `prerequisiteIds.${i}`, code: id === selfId ? 'training_prerequisite_cycle' : 'training_prerequisite_unknown' });
    });
  }
  if (issues.length === 0 && prereqs.length) {
    const cycle = findPrerequisiteCycle(selfId ?? 'new', prereqs, await repo.prerequisiteEdges(db));
    if (cycle) issues.push({ field: `prerequisiteIds.${content.prerequisiteIds.indexOf(cycle[1]!)}`, code: 'training_prerequisite_cycle' });
  }
  return issues;
}

async function assertValid(db: Db | Trx, content: CourseContent, selfId: string | null) {
  const issues = await contentIssues(db, content, selfId);
  if (issues === 'framework_version') throw new AppError('training_framework_version', 422, { field: 'frameworkVersionId' });
  const first = issues[0];
  if (first) throw new AppError(first.code, 422, { field: first.field, issues });
}

/** A new course of an institution, active at once unless it is a draft. */
export async function insertCourse(
  trx: Trx,
  actor: Actor,
  institution: { id: string; agencyPath: string },
  code: string,
  content: CourseContent,
  status: 'draft' | 'active',
) {
  if (await trx.selectFrom('training_courses').select('id').where('institution_id', '=', institution.id).where('code', '=', code).executeTakeFirst())
    throw conflict('already_exists', { field: 'code' });
  const row = { ...repo.courseRow(content, code), institution_id: institution.id, code, status };
  const { id } = await trx.insertInto('training_courses').values(row).returning('id').executeTakeFirstOrThrow();
  await repo.writeTargets(trx, id, content);
  await recordAudit(trx, actor, {
    action: 'create',
    entity: 'training_course',
    entityId: id,
    agencyPath: institution.agencyPath,
    after: { ...row, competencies: content.competencies, prerequisiteIds: content.prerequisiteIds },
  });
  return id;
}

export async function createCourse(db: Db, actor: Actor, institutionId: string, input: CourseContent & { code: string; draft: boolean }) {
  const { code, draft, ...raw } = input;
  const content = cleanContent(raw);
  return db.transaction().execute(async (trx) => {
    const institution = await managedInstitution(trx, actor, institutionId);
    await assertValid(trx, content, null);
    return insertCourse(trx, actor, institution, code, content, draft ? 'draft' : 'active');
  });
}

/**
 * Saves new content. A draft changes in place. An active course whose content
 * changed gets a new version that supersedes it; the old one is retired, and
 * sessions and records keep pointing at the version they used. Courses that
 * required the old version now require the new one: a prerequisite names a
 * course, not one of its versions. Unchanged content writes nothing.
 * Returns the id of the current version.
 */
export async function reviseCourse(
  trx: Trx,
  actor: Actor,
  institution: { agencyPath: string },
  current: { id: string; code: string; version: number; status: string; institution_id: string },
  content: CourseContent,
): Promise<{ id: string; changed: 'none' | 'in_place' | 'new_version' }> {
  if (current.status === 'retired') throw new AppError('training_course_retired', 409, { field: 'id' });
  const before = (await repo.courseContent(trx, current.id))!;
  if (sameCourseContent(before, content)) return { id: current.id, changed: 'none' };
  const row = repo.courseRow(content, current.code);
  if (current.status === 'draft') {
    await trx
      .updateTable('training_courses')
      .set({ ...row, updated_at: new Date() })
      .where('id', '=', current.id)
      .execute();
    await repo.writeTargets(trx, current.id, content);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'training_course',
      entityId: current.id,
      agencyPath: institution.agencyPath,
      before,
      after: content,
    });
    return { id: current.id, changed: 'in_place' };
  }
  await trx.updateTable('training_courses').set({ status: 'retired', updated_at: new Date() }).where('id', '=', current.id).execute();
  const { id } = await trx
    .insertInto('training_courses')
    .values({ ...row, institution_id: current.institution_id, code: current.code, version: current.version + 1, supersedes_id: current.id, status: 'active' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await repo.writeTargets(trx, id, content);
  await trx
    .updateTable('training_course_prerequisites')
    .set({ prerequisite_id: id })
    .where('prerequisite_id', '=', current.id)
    .where('course_id', 'in', (eb) => eb.selectFrom('training_courses').select('id').where('status', '<>', 'retired'))
    .execute();
  await recordAudit(trx, actor, {
    action: 'new_version',
    entity: 'training_course',
    entityId: id,
    agencyPath: institution.agencyPath,
    before: { id: current.id, version: current.version, ...before },
    after: { version: current.version + 1, ...content },
  });
  return { id, changed: 'new_version' };
}

async function editableCourse(trx: Trx, actor: Actor, id: string) {
  const course = await repo.findCourse(trx, id);
  if (!course) throw notFound();
  const institution = await managedInstitution(trx, actor, course.institution_id);
  return { course, institution };
}

export async function updateCourse(db: Db, actor: Actor, id: string, raw: CourseContent) {
  const content = cleanContent(raw);
  return db.transaction().execute(async (trx) => {
    const { course, institution } = await editableCourse(trx, actor, id);
    if (course.status === 'retired') throw new AppError('training_course_retired', 409, { field: 'id' });
    await assertValid(trx, content, course.id);
    return (await reviseCourse(trx, actor, institution, course, content)).id;
  });
}

/** A draft goes live; an active or retired course stays as it is. */
export async function setCourseStatus(db: Db, actor: Actor, id: string, status: 'active' | 'retired') {
  await db.transaction().execute(async (trx) => {
    const { course, institution } = await editableCourse(trx, actor, id);
    if (course.status === status) return;
    if (course.status === 'retired') throw new AppError('training_course_retired', 409, { field: 'id' });
    if (status === 'active' && (await repo.activeCourseByCode(trx, course.institution_id, course.code))) throw conflict('already_exists', { field: 'code' });
    await trx.updateTable('training_courses').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: status === 'active' ? 'publish' : 'retire',
      entity: 'training_course',
      entityId: id,
      agencyPath: institution.agencyPath,
      before: { status: course.status },
      after: { status },
    });
  });
}

/** One course version with what the course page shows; drafts and retired versions only to their keepers. */
export async function courseDetail(db: Db, actor: Actor, id: string) {
  const course = await repo.findCourse(db, id);
  const staffOf = await staffInstitutionOf(db, actor);
  if (!course || !cataloguePolicy.canReadCourse(actor, { institutionId: course.institution_id, status: course.status }, staffOf)) throw notFound();
  const canEdit = cataloguePolicy.canManageCatalogue(actor, { id: course.institution_id }, staffOf);
  const [summary] = await repo.courseSummaries(db, [id]);
  const version = await db
    .selectFrom('framework_versions')
    .select(['name_vi', 'name_en'])
    .where('id', '=', course.framework_version_id)
    .executeTakeFirstOrThrow();
  const levels = await db
    .selectFrom('framework_levels')
    .select(['level', 'name_vi', 'name_en'])
    .where('version_id', '=', course.framework_version_id)
    .orderBy('level')
    .execute();
  const prerequisites = await db
    .selectFrom('training_course_prerequisites as p')
    .innerJoin('training_courses as c', 'c.id', 'p.prerequisite_id')
    .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.code', 'c.title', 'i.name as institutionName', 'c.status'])
    .where('p.course_id', '=', id)
    .orderBy('c.code')
    .execute();
  const versions = await db
    .selectFrom('training_courses')
    .select(['id', 'version', 'status', 'created_at as createdAt'])
    .where('institution_id', '=', course.institution_id)
    .where('code', '=', course.code)
    .$if(!canEdit, (q) => q.where('status', '<>', 'draft'))
    .orderBy('version', 'desc')
    .execute();
  return {
    ...summary!,
    description: course.description,
    frameworkVersionId: course.framework_version_id,
    frameworkName: { vi: version.name_vi, en: version.name_en },
    levels: levels.map((l) => ({ level: l.level, name: { vi: l.name_vi, en: l.name_en } })),
    minAttendance: Number(course.min_attendance),
    passScore: course.pass_score === null ? null : Number(course.pass_score),
    supersedesId: course.supersedes_id,
    prerequisites,
    versions,
    canEdit,
  };
}

/** An institution's courses: all versions for its keepers, active ones for everyone else. */
export async function institutionCourses(db: Db, actor: Actor, institutionId: string, status: 'draft' | 'active' | 'retired' | 'all') {
  const institution = await findInstitution(db, institutionId);
  if (!institution) throw notFound();
  const keeper = cataloguePolicy.canManageCatalogue(actor, institution, await staffInstitutionOf(db, actor));
  const ids = await repo.institutionCourseIds(db, institutionId, keeper ? status : 'active');
  const items = await repo.courseSummaries(db, ids);
  return { items, total: items.length };
}
