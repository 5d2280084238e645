import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import type { Language } from '../../../platform/i18n/language.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { checkCompetencyTargets, findPrerequisiteCycle, type CourseContent } from './course-rules.js';
import {
  COLUMNS,
  FORMAT_LABEL,
  parseFormat,
  readCatalogueXlsx,
  writeCatalogueXlsx,
  type CatalogueRow,
  type ColumnKey,
  type ReadRow,
} from './catalogue.xlsx.js';
import { importMessage, type ImportProblem } from './catalogue.import-messages.js';
import * as repo from './courses.repository.js';
import { cleanContent, reviseCourse } from './courses.service.js';
import { findInstitution, managedInstitution } from './institutions.service.js';
import { detectFileFormat } from '../../../platform/files/detect-format.js';

type Trx = Transaction<Database>;

/** The active catalogue of an institution in the xlsx layout of catalogue.xlsx.ts. */
export async function exportCatalogue(db: Db, institutionId: string): Promise<{ file: Buffer; code: string }> {
  const institution = await findInstitution(db, institutionId);
  if (!institution) throw notFound();
  const courses = await db
    .selectFrom('training_courses as c')
    .innerJoin('framework_versions as v', 'v.id', 'c.framework_version_id')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .selectAll('c')
    .select(['f.code as frameworkCode', 'v.version_no as versionNo'])
    .where('c.institution_id', '=', institutionId)
    .where('c.status', '=', 'active')
    .orderBy('c.code')
    .execute();
  const ids = courses.map((c) => c.id);
  const targets = ids.length
    ? await db
        .selectFrom('training_course_competencies as cc')
        .innerJoin('competencies as k', 'k.id', 'cc.competency_id')
        .select(['cc.course_id', 'k.code', 'cc.from_level', 'cc.to_level'])
        .where('cc.course_id', 'in', ids)
        .orderBy('k.code')
        .execute()
    : [];
  const prereqs = ids.length
    ? await db
        .selectFrom('training_course_prerequisites as p')
        .innerJoin('training_courses as c', 'c.id', 'p.prerequisite_id')
        .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
        .select(['p.course_id', 'c.code', 'c.institution_id', 'i.code as institutionCode'])
        .where('p.course_id', 'in', ids)
        .orderBy('c.code')
        .execute()
    : [];
  const rows: CatalogueRow[] = [];
  for (const c of courses) {
    const prerequisites = prereqs
      .filter((p) => p.course_id === c.id)
      .map((p) => (p.institution_id === institutionId ? p.code : `${p.institutionCode}/${p.code}`))
      .join('; ');
    for (const t of targets.filter((x) => x.course_id === c.id)) {
      rows.push({
        institution: institution.code,
        code: c.code,
        version: c.version,
        title: c.title,
        titleEn: c.title_en,
        description: c.description,
        format: FORMAT_LABEL[c.format],
        hours: Number(c.hours),
        cost: Number(c.cost_per_seat),
        minAttendance: Number(c.min_attendance),
        passScore: c.pass_score === null ? null : Number(c.pass_score),
        prerequisites,
        framework: c.frameworkCode,
        frameworkVersion: c.versionNo,
        competency: t.code,
        fromLevel: t.from_level,
        toLevel: t.to_level,
      });
    }
  }
  return { file: await writeCatalogueXlsx(rows), code: institution.code };
}

export interface RowIssue {
  row: number;
  column: string;
  message: string;
}

/** Columns that describe the course itself: every row of one course must agree on them. */
const COURSE_COLUMNS: ColumnKey[] = [
  'title',
  'titleEn',
  'description',
  'format',
  'hours',
  'cost',
  'minAttendance',
  'passScore',
  'prerequisites',
  'framework',
  'frameworkVersion',
];

interface ParsedCourse {
  code: string;
  rows: ReadRow[];
  content: Omit<CourseContent, 'prerequisiteIds'>;
  prerequisiteCodes: string[];
}

const num = (value: string) => (value === '' ? NaN : Number(value.replace(/\s/g, '').replace(',', '.')));

/**
 * Imports a catalogue file into an institution, all or nothing: every row is
 * checked and every problem reported (row, column, message in the caller's
 * language) before anything is kept. A course of the file already in the
 * catalogue with the same content is left as it is (re-importing an export
 * changes nothing); with other content it gets a new version; a new code is a
 * new course. Courses missing from the file are not touched.
 */
export async function importCatalogue(db: Db, actor: Actor, institutionId: string, file: Buffer, language: Language) {
  const read = await readCatalogueXlsx(file);
  const fail = (issues: RowIssue[]) => new AppError('training_import_invalid', 422, { issues });
  if (!read.ok && read.problem === 'unreadable') {
    // Say what the file holds, from its bytes (a PDF, a CSV with its columns), never the zip library's words.
    const found = (await detectFileFormat(file)).description[language];
    throw fail([
      { row: 1, column: '', message: importMessage('unreadable', language, language === 'vi' ? ` Tệp này là ${found}.` : ` This file is ${found}.`) },
    ]);
  }
  if (!read.ok) throw fail([{ row: 1, column: '', message: importMessage(read.problem, language, read.columns?.join(', ') ?? '') }]);
  if (read.rows.length === 0) throw fail([{ row: 1, column: '', message: importMessage('empty', language) }]);

  return db.transaction().execute(async (trx) => {
    const institution = await managedInstitution(trx, actor, institutionId);
    const issues: RowIssue[] = [];
    const report = (row: number, column: ColumnKey | '', problem: ImportProblem) =>
      issues.push({ row, column: column ? COLUMNS[column] : '', message: importMessage(problem, language) });
    const courses = await parseCourses(trx, read.rows, institution.code, report);
    if (issues.length) throw fail(issues);

    // Every course of the file gets its id first, so prerequisites can name courses of the same file.
    const ids = new Map<string, string>();
    const current = new Map<string, Awaited<ReturnType<typeof repo.findCourse>>>();
    for (const course of courses) {
      const existing = await trx
        .selectFrom('training_courses')
        .selectAll()
        .where('institution_id', '=', institutionId)
        .where('code', '=', course.code)
        .where('status', '<>', 'retired')
        .orderBy('version', 'desc')
        .executeTakeFirst();
      current.set(course.code, existing);
      if (existing) ids.set(course.code, existing.id);
    }
    const contents = new Map<string, CourseContent>();
    for (const course of courses) {
      const prerequisiteIds: string[] = [];
      for (const ref of course.prerequisiteCodes) {
        const id = await resolvePrerequisite(trx, institutionId, ref, ids, courses);
        if (id === undefined) report(course.rows[0]!.row, 'prerequisites', 'training_prerequisite_unknown');
        else prerequisiteIds.push(id);
      }
      contents.set(course.code, cleanContent({ ...course.content, prerequisiteIds }));
    }
    if (issues.length) throw fail(issues);

    let created = 0;
    let versioned = 0;
    let unchanged = 0;
    // New courses first (without prerequisites), then every prerequisite set, then the loop check over the result.
    for (const course of courses) {
      if (current.get(course.code)) continue;
      const content = contents.get(course.code)!;
      const retired = await trx
        .selectFrom('training_courses')
        .select(['id', 'version'])
        .where('institution_id', '=', institutionId)
        .where('code', '=', course.code)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      const { id } = await trx
        .insertInto('training_courses')
        .values({
          ...repo.courseRow(content, course.code),
          institution_id: institutionId,
          code: course.code,
          status: 'active',
          version: (retired?.version ?? 0) + 1,
          supersedes_id: retired?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(course.code, id);
      await repo.writeTargets(trx, id, { competencies: content.competencies, prerequisiteIds: [] });
      created++;
    }
    // A course revised earlier in this loop has a new id: prerequisites naming its old one follow it.
    const replaced = new Map<string, string>();
    for (const course of courses) {
      const content = contents.get(course.code)!;
      // Placeholders of this file's new courses are resolved now that they have ids.
      const prerequisiteIds = content.prerequisiteIds.map((id) => (id.startsWith('file:') ? ids.get(id.slice(5))! : (replaced.get(id) ?? id)));
      const full = { ...content, prerequisiteIds };
      const existing = current.get(course.code);
      if (!existing) {
        const id = ids.get(course.code)!;
        await repo.writeTargets(trx, id, full);
        await recordAudit(trx, actor, {
          action: 'import_create',
          entity: 'training_course',
          entityId: id,
          agencyPath: institution.agencyPath,
          after: { code: course.code, ...full },
        });
        continue;
      }
      const outcome = await reviseCourse(trx, actor, institution, existing, full);
      if (outcome.changed === 'none') unchanged++;
      else versioned++;
      if (outcome.id !== existing.id) replaced.set(existing.id, outcome.id);
      ids.set(course.code, outcome.id);
    }
    const edges = await repo.prerequisiteEdges(trx);
    for (const course of courses) {
      const id = ids.get(course.code)!;
      if (findPrerequisiteCycle(id, edges.get(id) ?? [], edges)) report(course.rows[0]!.row, 'prerequisites', 'training_prerequisite_cycle');
    }
    if (issues.length) throw fail(issues);
    await recordAudit(trx, actor, {
      action: 'import',
      entity: 'training_institution',
      entityId: institutionId,
      agencyPath: institution.agencyPath,
      after: { created, versioned, unchanged },
    });
    return { created, versioned, unchanged };
  });
}

/** "CODE" is a course of this institution (of the file or already active); "INST/CODE" one of another institution. */
async function resolvePrerequisite(
  trx: Trx,
  institutionId: string,
  ref: string,
  known: Map<string, string>,
  inFile: ParsedCourse[],
): Promise<string | undefined> {
  const slash = ref.indexOf('/');
  if (slash < 0) {
    if (known.has(ref)) return known.get(ref);
    if (inFile.some((c) => c.code === ref)) return `file:${ref}`;
    return (await repo.activeCourseByCode(trx, institutionId, ref))?.id;
  }
  const other = await trx.selectFrom('training_institutions').select('id').where('code', '=', ref.slice(0, slash)).executeTakeFirst();
  return other ? (await repo.activeCourseByCode(trx, other.id, ref.slice(slash + 1)))?.id : undefined;
}

async function parseCourses(
  trx: Trx,
  rows: ReadRow[],
  institutionCode: string,
  report: (row: number, column: ColumnKey | '', problem: ImportProblem) => void,
): Promise<ParsedCourse[]> {
  const byCode = new Map<string, ReadRow[]>();
  for (const r of rows) {
    const code = r.get('code');
    if (!code) report(r.row, 'code', 'required');
    else if (!/^[A-Za-z0-9._-]{1,40}$/.test(code)) report(r.row, 'code', 'bad_code');
    else byCode.set(code, [...(byCode.get(code) ?? []), r]);
    const inst = r.get('institution');
    if (inst && inst !== institutionCode) report(r.row, 'institution', 'institution');
  }
  const versions = new Map<string, Awaited<ReturnType<typeof repo.frameworkVersionScope>> | null>();
  const courses: ParsedCourse[] = [];
  for (const [code, group] of byCode) {
    const first = group[0]!;
    for (const r of group.slice(1)) for (const column of COURSE_COLUMNS) if (r.get(column) !== first.get(column)) report(r.row, column, 'inconsistent');
    const title = first.get('title');
    if (!title) report(first.row, 'title', 'required');
    const format = parseFormat(first.get('format'));
    if (!format) report(first.row, 'format', 'format');
    const hours = num(first.get('hours'));
    if (!(hours > 0 && hours <= 9999 && Math.abs(Math.round(hours * 10) - hours * 10) < 1e-9)) report(first.row, 'hours', 'hours');
    const cost = num(first.get('cost'));
    if (!(Number.isInteger(cost) && cost >= 0)) report(first.row, 'cost', 'cost');
    const share = first.get('minAttendance') === '' ? 0.8 : num(first.get('minAttendance'));
    if (!(share >= 0 && share <= 1)) report(first.row, 'minAttendance', 'share');
    const passScore = first.get('passScore') === '' ? null : num(first.get('passScore'));
    if (passScore !== null && !(passScore >= 0 && passScore <= 100)) report(first.row, 'passScore', 'score');
    const versionKey = `${first.get('framework')}#${first.get('frameworkVersion')}`;
    if (!versions.has(versionKey)) {
      const found = await trx
        .selectFrom('framework_versions as v')
        .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
        .select('v.id')
        .where('f.code', '=', first.get('framework'))
        .where('v.version_no', '=', Number.isInteger(num(first.get('frameworkVersion'))) ? num(first.get('frameworkVersion')) : -1)
        .executeTakeFirst();
      const scope = found ? await repo.frameworkVersionScope(trx, found.id) : undefined;
      versions.set(versionKey, scope && scope.status === 'published' ? scope : null);
    }
    const version = versions.get(versionKey);
    if (!version) report(first.row, 'framework', 'training_framework_version');
    const competencies = group.map((r) => {
      const from = num(r.get('fromLevel'));
      const to = num(r.get('toLevel'));
      if (!Number.isInteger(from)) report(r.row, 'fromLevel', 'level');
      if (!Number.isInteger(to)) report(r.row, 'toLevel', 'level');
      const competencyId = version?.byCode.get(r.get('competency'));
      if (version && !competencyId) report(r.row, 'competency', 'training_competency_other_version');
      return { competencyId: competencyId ?? '', fromLevel: from, toLevel: to };
    });
    if (version) {
      for (const issue of checkCompetencyTargets(competencies, version)) {
        const [, index, field] = issue.field.split('.');
        if (field === 'competencyId' && issue.code === 'training_competency_other_version') continue; // reported above
        const column: ColumnKey = field === 'fromLevel' ? 'fromLevel' : field === 'toLevel' ? 'toLevel' : 'competency';
        report(group[Number(index)]!.row, column, issue.code);
      }
    }
    courses.push({
      code,
      rows: group,
      content: {
        title,
        titleEn: first.get('titleEn'),
        description: first.get('description'),
        format: format ?? 'online',
        hours,
        costPerSeat: cost,
        frameworkVersionId: version?.id ?? '',
        minAttendance: share,
        passScore,
        competencies,
      },
      prerequisiteCodes: first
        .get('prerequisites')
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    });
  }
  return courses;
}
