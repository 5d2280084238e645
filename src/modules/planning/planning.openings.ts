/**
 * "A class to open" (issue 15, item 1): HR declares, for a course, a class
 * that runs only if a plan chooses at least its minimum size. It is offered to
 * the plans of its agency, of the agencies above it and of its subtree
 * (planning.repository.ts); the plan that opens it creates the session when
 * approved (openClass, called by approvePlan).
 */
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { isInScope, scopeCondition } from '../../platform/auth/scope.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { OpeningBody } from './planning.schema.js';

type Trx = Transaction<Database>;

const openingBase = (db: Db | Trx) =>
  db
    .selectFrom('planning_openings as o')
    .innerJoin('agencies as a', 'a.id', 'o.agency_id')
    .innerJoin('training_courses as c', 'c.id', 'o.course_id')
    .select([
      'o.id',
      'o.agency_id as agencyId',
      'a.name as agencyName',
      'a.path as agencyPath',
      'o.course_id as courseId',
      'c.title as courseTitle',
      'o.code',
      'o.starts_on as startsOn',
      'o.ends_on as endsOn',
      'o.seats',
      'o.min_class as minClass',
      'o.opening_cost as openingCost',
      'o.cost_per_seat as costPerSeat',
      'o.status',
      'o.session_id as sessionId',
      'o.created_at as createdAt',
    ]);

type OpeningRow = Awaited<ReturnType<ReturnType<typeof openingBase>['executeTakeFirstOrThrow']>>;
const answer = ({ agencyPath: _path, ...o }: OpeningRow) => ({ ...o, openingCost: Number(o.openingCost), costPerSeat: Number(o.costPerSeat) });

/** Classes to open of the caller's subtree and of the agencies above it (those its plans may fill). */
export async function listOpenings(db: Db, actor: Actor, status?: 'proposed' | 'opened' | 'withdrawn') {
  let query = openingBase(db).where((eb) =>
    eb.or([eb(scopeCondition(actor, 'a.path'), '=', true), eb(sql.val(actor.agencyPath), 'like', sql<string>`a.path || '%'`)]),
  );
  if (status) query = query.where('o.status', '=', status);
  const rows = await query.orderBy('o.starts_on').orderBy('o.code').execute();
  return { items: rows.map(answer) };
}

async function findOpening(db: Db | Trx, actor: Actor, id: string) {
  const row = await openingBase(db).where('o.id', '=', id).executeTakeFirst();
  if (!row || !isInScope(actor, row.agencyPath)) throw notFound({ openingId: id });
  return row;
}

export async function createOpening(db: Db, actor: Actor, body: OpeningBody) {
  if (body.minClass > body.seats)
    throw new AppError('planning_opening_min_class_above_seats', 422, {
      field: 'minClass',
      minClass: body.minClass,
      seats: body.seats,
      by: body.minClass - body.seats,
    });
  if (body.endsOn < body.startsOn) throw new AppError('planning_opening_dates_invalid', 422, { field: 'endsOn' });
  return db.transaction().execute(async (trx) => {
    const agencyId = body.agencyId ?? actor.agencyId;
    const [agency, course] = await Promise.all([
      trx.selectFrom('agencies').select(['id', 'path']).where('id', '=', agencyId).executeTakeFirst(),
      trx.selectFrom('training_courses').select(['id', 'status', 'cost_per_seat']).where('id', '=', body.courseId).executeTakeFirst(),
    ]);
    const unknown = [
      ...(agency && isInScope(actor, agency.path) ? [] : [{ in: 'body', path: 'agencyId', issue: 'unknown', id: agencyId }]),
      ...(course ? [] : [{ in: 'body', path: 'courseId', issue: 'unknown', id: body.courseId }]),
    ];
    if (unknown.length > 0) throw new AppError('planning_unknown_ids', 422, unknown);
    if (course!.status !== 'active') throw new AppError('planning_opening_course_inactive', 422, { field: 'courseId' });
    const taken = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM planning_openings WHERE code = ${body.code})::int + (SELECT count(*) FROM training_sessions WHERE code = ${body.code})::int AS n`.execute(
      trx,
    );
    if (taken.rows[0]!.n > 0) throw new AppError('already_exists', 409, { fields: ['code'] });
    const row = {
      agency_id: agencyId,
      course_id: body.courseId,
      code: body.code,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      seats: body.seats,
      min_class: body.minClass,
      opening_cost: body.openingCost,
      cost_per_seat: body.costPerSeat ?? Number(course!.cost_per_seat),
      created_by: actor.userId,
    };
    const { id } = await trx.insertInto('planning_openings').values(row).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entity: 'planning_opening', entityId: id, agencyPath: agency!.path, after: row });
    return answer(await findOpening(trx, actor, id));
  });
}

export async function withdrawOpening(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const opening = await findOpening(trx, actor, id);
    if (opening.status !== 'proposed') throw conflict('planning_opening_not_proposed', { openingId: id, status: opening.status });
    await trx.updateTable('planning_openings').set({ status: 'withdrawn', updated_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'withdraw',
      entity: 'planning_opening',
      entityId: id,
      agencyPath: opening.agencyPath,
      before: { status: 'proposed' },
      after: { status: 'withdrawn' },
    });
    return answer(await findOpening(trx, actor, id));
  });
}

/**
 * The approved plan opens the class: a session of the course with the class's
 * dates, seats and price, enrolment open from today to its last day. Inside
 * the approval's transaction; the seats are then enrolled like any session's.
 */
export async function openClass(trx: Trx, actor: Actor, openingId: string, planId: string): Promise<string> {
  const opening = await trx.selectFrom('planning_openings').selectAll().where('id', '=', openingId).forUpdate().executeTakeFirstOrThrow();
  if (opening.status !== 'proposed') throw conflict('planning_opening_withdrawn', { openingId, status: opening.status });
  const day = today();
  const row = {
    course_id: opening.course_id,
    code: opening.code,
    starts_on: opening.starts_on,
    ends_on: opening.ends_on,
    seats: opening.seats,
    enrol_opens_on: day < opening.ends_on ? day : opening.ends_on,
    enrol_closes_on: opening.ends_on,
    cost_per_seat: Number(opening.cost_per_seat),
    status: 'open' as const,
  };
  if (await trx.selectFrom('training_sessions').select('id').where('code', '=', opening.code).executeTakeFirst())
    throw new AppError('already_exists', 409, { fields: ['code'], openingId });
  const { id } = await trx.insertInto('training_sessions').values(row).returning('id').executeTakeFirstOrThrow();
  await trx.updateTable('planning_openings').set({ status: 'opened', session_id: id, updated_at: new Date() }).where('id', '=', openingId).execute();
  const agency = await trx.selectFrom('agencies').select('path').where('id', '=', opening.agency_id).executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'open',
    entity: 'planning_opening',
    entityId: openingId,
    agencyPath: agency.path,
    before: { status: 'proposed' },
    after: { status: 'opened', sessionId: id, planId, openingCost: Number(opening.opening_cost), session: row },
  });
  return id;
}
