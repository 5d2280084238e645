import type { Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/engine.js';
import type { Database } from '../../../platform/db/schema.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { foldForSearch, normalizeVietnamese } from '../../../platform/text/vietnamese.js';
import { cataloguePolicy } from './catalogue.policy.js';
import { findInstitution, managedInstitution, staffInstitutionOf } from './institutions.service.js';

type Executor = Db | Transaction<Database>;

export interface LecturerInput {
  fullName: string;
  title: string;
  email: string | null;
  userId: string | null;
  competencies: Array<{ competencyId: string; maxLevel: number }>;
}

async function lecturersOf(db: Executor, where: { institutionId?: string; id?: string }) {
  const rows = await db
    .selectFrom('training_lecturers')
    .select(['id', 'institution_id as institutionId', 'full_name as fullName', 'title', 'email', 'user_id as userId', 'search_name'])
    .$if(!!where.institutionId, (q) => q.where('institution_id', '=', where.institutionId!))
    .$if(!!where.id, (q) => q.where('id', '=', where.id!))
    .execute();
  const ids = rows.map((r) => r.id);
  const skills = ids.length
    ? await db
        .selectFrom('training_lecturer_competencies as l')
        .innerJoin('competencies as k', 'k.id', 'l.competency_id')
        .select(['l.lecturer_id', 'l.competency_id as competencyId', 'k.code', 'k.name_vi', 'k.name_en', 'l.max_level as maxLevel'])
        .where('l.lecturer_id', 'in', ids)
        .orderBy('k.code')
        .execute()
    : [];
  const collator = new Intl.Collator('vi');
  return rows
    .sort((a, b) => collator.compare(a.fullName, b.fullName))
    .map(({ search_name: _s, ...r }) => ({
      ...r,
      competencies: skills
        .filter((s) => s.lecturer_id === r.id)
        .map((s) => ({ competencyId: s.competencyId, code: s.code, name: { vi: s.name_vi, en: s.name_en }, maxLevel: s.maxLevel })),
    }));
}

export async function listLecturers(db: Db, actor: Actor, institutionId: string) {
  const institution = await findInstitution(db, institutionId);
  if (!institution || !cataloguePolicy.canReadLecturers(actor, institution, await staffInstitutionOf(db, actor))) throw notFound();
  return { items: await lecturersOf(db, { institutionId }) };
}

/** Max levels lie within each competency's own scale; the account, if any, must exist. */
async function assertSkills(trx: Executor, input: LecturerInput) {
  const ids = input.competencies.map((c) => c.competencyId);
  const scales = ids.length
    ? await trx
        .selectFrom('competencies as k')
        .innerJoin('framework_versions as v', 'v.id', 'k.version_id')
        .select(['k.id', 'v.level_count'])
        .where('k.id', 'in', ids)
        .execute()
    : [];
  const seen = new Set<string>();
  input.competencies.forEach((c, i) => {
    const scale = scales.find((s) => s.id === c.competencyId);
    if (!scale || seen.has(c.competencyId)) throw new AppError('invalid_value', 422, { field: `competencies.${i}.competencyId` });
    if (c.maxLevel > scale.level_count) throw new AppError('training_level_outside_scale', 422, { field: `competencies.${i}.maxLevel` });
    seen.add(c.competencyId);
  });
  if (input.userId && !(await trx.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst()))
    throw new AppError('invalid_value', 422, { field: 'userId' });
}

function lecturerRow(input: LecturerInput) {
  const fullName = normalizeVietnamese(input.fullName);
  return { full_name: fullName, search_name: foldForSearch(fullName), title: normalizeVietnamese(input.title), email: input.email, user_id: input.userId };
}

async function writeSkills(trx: Transaction<Database>, lecturerId: string, input: LecturerInput) {
  await trx.deleteFrom('training_lecturer_competencies').where('lecturer_id', '=', lecturerId).execute();
  if (input.competencies.length) {
    await trx
      .insertInto('training_lecturer_competencies')
      .values(input.competencies.map((c) => ({ lecturer_id: lecturerId, competency_id: c.competencyId, max_level: c.maxLevel })))
      .execute();
  }
}

export async function createLecturer(db: Db, actor: Actor, institutionId: string, input: LecturerInput) {
  return db.transaction().execute(async (trx) => {
    const institution = await managedInstitution(trx, actor, institutionId);
    await assertSkills(trx, input);
    const row = lecturerRow(input);
    const { id } = await trx
      .insertInto('training_lecturers')
      .values({ ...row, institution_id: institutionId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeSkills(trx, id, input);
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'training_lecturer',
      entityId: id,
      agencyPath: institution.agencyPath,
      after: { ...row, competencies: input.competencies },
    });
    return (await lecturersOf(trx, { id }))[0]!;
  });
}

async function managedLecturer(trx: Executor, actor: Actor, id: string) {
  const [lecturer] = await lecturersOf(trx, { id });
  if (!lecturer) throw notFound();
  const institution = await managedInstitution(trx, actor, lecturer.institutionId);
  return { lecturer, institution };
}

export async function updateLecturer(db: Db, actor: Actor, id: string, input: LecturerInput) {
  return db.transaction().execute(async (trx) => {
    const { lecturer, institution } = await managedLecturer(trx, actor, id);
    await assertSkills(trx, input);
    const row = lecturerRow(input);
    await trx
      .updateTable('training_lecturers')
      .set({ ...row, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await writeSkills(trx, id, input);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'training_lecturer',
      entityId: id,
      agencyPath: institution.agencyPath,
      before: lecturer,
      after: { ...row, competencies: input.competencies },
    });
    return (await lecturersOf(trx, { id }))[0]!;
  });
}

/** A lecturer who taught a session stays (the session names them); others go. */
export async function deleteLecturer(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const { lecturer, institution } = await managedLecturer(trx, actor, id);
    if (await trx.selectFrom('training_session_lecturers').select('lecturer_id').where('lecturer_id', '=', id).executeTakeFirst())
      throw new AppError('referenced_record', 409, { field: 'id' });
    await trx.deleteFrom('training_lecturers').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entity: 'training_lecturer', entityId: id, agencyPath: institution.agencyPath, before: lecturer });
  });
}
