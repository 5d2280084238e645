import type { Actor } from '../../platform/auth/actor.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/engine.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { normalizeVietnamese } from '../../platform/text/vietnamese.js';
import { staffInstitution } from '../training/sessions/sessions.repository.js';
import { surveysPolicy } from './surveys.policy.js';
import type { SurveyQuestion } from './surveys.rules.js';

type Executor = Parameters<typeof recordAudit>[0];

export type QuestionInput =
  { kind: 'scale'; text: string; textEn?: string; points: Array<{ label: string; labelEn?: string }> } | { kind: 'text'; text: string; textEn?: string };

export interface SetInput {
  title: string;
  courseId?: string;
  sessionId?: string;
  questions: QuestionInput[];
}

/** Ids are the position (q1, q2 …): a set's questions change only while no survey has copied them. */
function questionsOf(input: readonly QuestionInput[]): SurveyQuestion[] {
  const nfc = (s: string | undefined) => normalizeVietnamese((s ?? '').trim());
  return input.map((q, i) =>
    q.kind === 'scale'
      ? {
          id: `q${i + 1}`,
          kind: 'scale',
          text: nfc(q.text),
          textEn: nfc(q.textEn),
          points: q.points.map((p) => ({ label: nfc(p.label), labelEn: nfc(p.labelEn) })),
        }
      : { id: `q${i + 1}`, kind: 'text', text: nfc(q.text), textEn: nfc(q.textEn) },
  );
}

/** The course (or the session's course) a set attaches to, and its institution. */
async function target(db: Executor, input: { courseId?: string; sessionId?: string }) {
  const row = input.sessionId
    ? await db
        .selectFrom('training_sessions as s')
        .innerJoin('training_courses as c', 'c.id', 's.course_id')
        .select(['c.id as courseId', 'c.institution_id as institutionId'])
        .where('s.id', '=', input.sessionId)
        .executeTakeFirst()
    : await db
        .selectFrom('training_courses as c')
        .select(['c.id as courseId', 'c.institution_id as institutionId'])
        .where('c.id', '=', input.courseId!)
        .executeTakeFirst();
  if (!row) throw notFound({ field: input.sessionId ? 'sessionId' : 'courseId' });
  return row;
}

/** A set with its owner's path, as every read of sets answers it. */
const setsQuery = (db: Executor) =>
  db
    .selectFrom('evaluation_survey_sets as s')
    .leftJoin('agencies as a', 'a.id', 's.agency_id')
    .select([
      's.id',
      's.institution_id as institutionId',
      's.agency_id as agencyId',
      'a.path as agencyPath',
      's.course_id as courseId',
      's.session_id as sessionId',
    ])
    .select(['s.title', 's.questions', 's.active', 's.updated_at as updatedAt']);

async function setRow(db: Executor, id: string) {
  return setsQuery(db).where('s.id', '=', id).executeTakeFirst();
}

/** A trainer's set is their institution's (for its own courses); an HR officer's is their agency's, asked of its staff. */
export async function createSet(db: Db, actor: Actor, input: SetInput) {
  if (!input.courseId === !input.sessionId) throw new AppError('survey_set_target_invalid', 400, { field: 'courseId' });
  const id = await db.transaction().execute(async (trx) => {
    const staffOf = actor.role === 'trainer' ? await staffInstitution(trx, actor.userId) : null;
    const owner = actor.role === 'trainer' ? { institutionId: staffOf, agencyPath: null } : { institutionId: null, agencyPath: actor.agencyPath };
    if (owner.institutionId === null && owner.agencyPath === null) throw forbidden();
    const course = await target(trx, input);
    // A trainer attaches only to their own institution's courses (another's answers 404, like a missing one).
    if (actor.role === 'trainer' && course.institutionId !== staffOf) throw notFound({ field: input.sessionId ? 'sessionId' : 'courseId' });
    if (!surveysPolicy.canManageSet(actor, staffOf, owner)) throw forbidden();
    const questions = questionsOf(input.questions);
    const row = await trx
      .insertInto('evaluation_survey_sets')
      .values({
        institution_id: owner.institutionId,
        agency_id: owner.institutionId ? null : actor.agencyId,
        course_id: input.sessionId ? null : course.courseId,
        session_id: input.sessionId ?? null,
        title: normalizeVietnamese(input.title.trim()),
        questions: JSON.stringify(questions),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'survey_set',
      entityId: row.id,
      agencyPath: owner.agencyPath,
      after: { title: input.title, courseId: input.courseId, sessionId: input.sessionId, questions },
    });
    return row.id;
  });
  return readSet(db, actor, id);
}

async function managedSet(db: Executor, actor: Actor, id: string) {
  const set = await setRow(db, id);
  const staffOf = actor.role === 'trainer' ? await staffInstitution(db, actor.userId) : null;
  if (!set || !surveysPolicy.canManageSet(actor, staffOf, set)) throw notFound();
  return set;
}

export async function readSet(db: Db, actor: Actor, id: string) {
  const set = await managedSet(db, actor, id);
  const used = await db.selectFrom('evaluation_surveys').select('id').where('set_id', '=', id).executeTakeFirst();
  return { ...set, inUse: !!used };
}

/** Title and active may change at any time; the questions only until a survey has copied them (then: a new set). */
export async function updateSet(db: Db, actor: Actor, id: string, patch: { title?: string; active?: boolean; questions?: QuestionInput[] }) {
  await db.transaction().execute(async (trx) => {
    const before = await managedSet(trx, actor, id);
    if (patch.questions) {
      const used = await trx.selectFrom('evaluation_surveys').select('id').where('set_id', '=', id).executeTakeFirst();
      if (used) throw new AppError('survey_set_in_use', 409, { field: 'questions' });
    }
    const questions = patch.questions ? questionsOf(patch.questions) : undefined;
    await trx
      .updateTable('evaluation_survey_sets')
      .set({
        ...(patch.title !== undefined && { title: normalizeVietnamese(patch.title.trim()) }),
        ...(patch.active !== undefined && { active: patch.active }),
        ...(questions && { questions: JSON.stringify(questions) }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'survey_set',
      entityId: id,
      agencyPath: before.agencyPath,
      before: { title: before.title, active: before.active, ...(questions && { questions: before.questions }) },
      after: { title: patch.title, active: patch.active, questions },
    });
  });
  return readSet(db, actor, id);
}

/** The sets the actor manages (their institution's, or their subtree's HR sets), newest first. */
export async function listSets(db: Db, actor: Actor) {
  const staffOf = actor.role === 'trainer' ? await staffInstitution(db, actor.userId) : null;
  let q = setsQuery(db)
    .select((eb) => eb.exists(eb.selectFrom('evaluation_surveys as v').whereRef('v.set_id', '=', 's.id').select('v.id')).as('inUse'))
    .orderBy('s.created_at', 'desc')
    .limit(200);
  if (actor.role === 'trainer') q = q.where('s.institution_id', '=', staffOf ?? '00000000-0000-0000-0000-000000000000');
  else q = q.where(scopeCondition(actor, 'a.path'));
  const items = (await q.execute()).filter((s) => surveysPolicy.canManageSet(actor, staffOf, s)).map((s) => ({ ...s, inUse: Boolean(s.inUse) }));
  return { items };
}
