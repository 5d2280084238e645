import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { scopeCondition } from '../../../platform/auth/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/engine.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { now } from '../../../platform/clock.js';
import { courseDetails, planSubject, recommendationEvidence, type RecommendationEvidence } from './plans.repository.js';
import { plansPolicy } from './plans.policy.js';
import { alreadyHeld, recommendCourses, type GapClosed } from './recommend.js';

type Executor = Parameters<typeof planSubject>[0];

/** How many courses a plan recommends at most. */
const RECOMMENDATIONS = 5;

async function readableSubject(db: Executor, actor: Actor, personId: string) {
  const subject = await planSubject(db, personId);
  if (!subject || !plansPolicy.canRead(actor, { personId, agencyPath: subject.agency_path })) throw notFound();
  return subject;
}

async function competencyNames(db: Executor, cycleId: string) {
  const rows = await db
    .selectFrom('competencies as k')
    .innerJoin('assessment_cycles as c', 'c.framework_version_id', 'k.version_id')
    .select(['k.code', 'k.name_vi as nameVi', 'k.name_en as nameEn'])
    .where('c.id', '=', cycleId)
    .execute();
  return new Map(rows.map((r) => [r.code, { nameVi: r.nameVi, nameEn: r.nameEn }]));
}

/** Reasons with the competency's names, for the page and the PDF. */
function describe(reasons: readonly GapClosed[], names: Map<string, { nameVi: string; nameEn: string }>) {
  return reasons.map((r) => ({ ...r, nameVi: names.get(r.competency)?.nameVi ?? r.competency, nameEn: names.get(r.competency)?.nameEn ?? r.competency }));
}

async function withCourses<T extends { courseId: string }>(db: Executor, items: readonly T[]) {
  const { courses, sessions } = await courseDetails(
    db,
    items.map((i) => i.courseId),
  );
  const byId = new Map(courses.map((c) => [c.id, c]));
  return items.flatMap((item) => {
    const course = byId.get(item.courseId);
    if (!course) return [];
    const next = sessions.filter((s) => s.course_id === item.courseId).slice(0, 3);
    return [
      {
        ...item,
        course,
        sessions: next.map((s) => ({
          id: s.id,
          code: s.code,
          startsOn: s.starts_on,
          endsOn: s.ends_on,
          place: s.place,
          enrolClosesOn: s.enrol_closes_on,
          seatsLeft: s.seats_left,
        })),
      },
    ];
  });
}

async function loadPlan(db: Executor, personId: string, cycleId: string) {
  const plan = await db
    .selectFrom('training_development_plans')
    .selectAll()
    .where('person_id', '=', personId)
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
  if (!plan) return null;
  const items = await db.selectFrom('training_plan_items').selectAll().where('plan_id', '=', plan.id).orderBy('position').execute();
  return { plan, items };
}

/**
 * A person's development plan for their newest published cycle: the plan
 * as chosen so far (if any) and the recommendations that would close their
 * largest weighted gaps now, each with why.
 */
export async function personPlan(db: Db, actor: Actor, personId: string) {
  const subject = await readableSubject(db, actor, personId);
  const person = { id: subject.person_id, fullName: subject.full_name, staffCode: subject.staff_code };
  if (!subject.cycle_id) return { person, cycle: null, plan: null, recommendations: [], canChoose: false, canDecide: false };
  const cycleId = subject.cycle_id;
  const [evidence, names, stored] = await Promise.all([
    recommendationEvidence(db, personId, cycleId),
    competencyNames(db, cycleId),
    loadPlan(db, personId, cycleId),
  ]);
  const recommended = recommendCourses(evidence.standings, evidence.courses, {
    completed: evidence.completed,
    enrolled: evidence.enrolled,
    limit: RECOMMENDATIONS,
  });
  const scoped = { personId, agencyPath: subject.agency_path };
  const planItems = stored
    ? await withCourses(
        db,
        stored.items.map((i) => ({
          courseId: i.course_id,
          sessionId: i.session_id,
          benefit: i.benefit,
          reasons: describe(i.reasons as GapClosed[], names),
          addedBy: i.added_by,
        })),
      )
    : [];
  return {
    person,
    cycle: { id: cycleId, name: subject.cycle_name! },
    plan: stored
      ? {
          id: stored.plan.id,
          status: stored.plan.status,
          leaderNote: stored.plan.leader_note,
          submittedAt: stored.plan.submitted_at,
          decidedAt: stored.plan.decided_at,
          items: planItems,
        }
      : null,
    recommendations: await withCourses(
      db,
      recommended.map((r) => ({ courseId: r.courseId, benefit: r.benefit, reasons: describe(r.reasons, names) })),
    ),
    canChoose: plansPolicy.canChoose(actor, scoped) && (!stored || stored.plan.status === 'draft' || stored.plan.status === 'returned'),
    canDecide: plansPolicy.canDecide(actor, scoped) && stored?.plan.status === 'submitted',
  };
}

export interface PlanChoice {
  courseId: string;
  sessionId?: string | null;
}

/**
 * Each chosen course must close one of the person's gaps now (never one they
 * completed, are enrolled in, or whose levels they hold): its reasons are
 * computed as if it were recommended alone, in the order chosen.
 */
async function validatedItems(db: Executor, evidence: RecommendationEvidence, choices: readonly PlanChoice[]) {
  const levels = new Map(evidence.standings.map((s) => [s.competency, s.assessedLevel]));
  const byId = new Map(evidence.courses.map((c) => [c.courseId, c]));
  const items = choices.map((choice, index) => {
    const course = byId.get(choice.courseId);
    const alone =
      course && !alreadyHeld(course, levels)
        ? recommendCourses(evidence.standings, [course], { completed: evidence.completed, enrolled: evidence.enrolled, limit: 1 })[0]
        : undefined;
    if (!alone) throw new AppError('plan_course_not_needed', 422, { field: `items.${index}.courseId`, courseId: choice.courseId });
    return { ...choice, index, benefit: alone.benefit, reasons: alone.reasons };
  });
  const sessionIds = items.flatMap((i) => (i.sessionId ? [i.sessionId] : []));
  if (sessionIds.length) {
    const { sessions } = await courseDetails(
      db,
      items.map((i) => i.courseId),
    );
    for (const item of items) {
      if (item.sessionId && !sessions.some((s) => s.id === item.sessionId && s.course_id === item.courseId)) {
        throw new AppError('plan_session_invalid', 422, { field: `items.${item.index}.sessionId` });
      }
    }
  }
  return items;
}

async function replaceItems(trx: Executor, planId: string, items: Awaited<ReturnType<typeof validatedItems>>, addedBy: 'person' | 'leader') {
  await trx.deleteFrom('training_plan_items').where('plan_id', '=', planId).execute();
  if (items.length === 0) return;
  await trx
    .insertInto('training_plan_items')
    .values(
      items.map((i) => ({
        plan_id: planId,
        course_id: i.courseId,
        session_id: i.sessionId ?? null,
        position: i.index,
        benefit: i.benefit,
        reasons: JSON.stringify(i.reasons),
        added_by: addedBy,
      })),
    )
    .execute();
}

const itemSummary = (items: readonly { courseId: string; sessionId?: string | null }[]) =>
  items.map((i) => ({ courseId: i.courseId, sessionId: i.sessionId ?? null }));

/** The person saves their choice (a draft, or a plan the leader returned). */
export async function choosePlan(db: Db, actor: Actor, personId: string, choices: readonly PlanChoice[]) {
  await db.transaction().execute(async (trx) => {
    const subject = await readableSubject(trx, actor, personId);
    if (!plansPolicy.canChoose(actor, { personId })) throw forbidden();
    if (!subject.cycle_id) throw new AppError('plan_no_results', 409);
    const cycleId = subject.cycle_id;
    const stored = await loadPlan(trx, personId, cycleId);
    if (stored && stored.plan.status !== 'draft' && stored.plan.status !== 'returned')
      throw new AppError('plan_not_editable', 409, { status: stored.plan.status });
    const items = await validatedItems(trx, await recommendationEvidence(trx, personId, cycleId), choices);
    const planId = stored
      ? stored.plan.id
      : (
          await trx
            .insertInto('training_development_plans')
            .values({ person_id: personId, cycle_id: cycleId, agency_id: subject.agency_id })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    if (stored) await trx.updateTable('training_development_plans').set({ status: 'draft', updated_at: now() }).where('id', '=', planId).execute();
    await replaceItems(trx, planId, items, 'person');
    await recordAudit(trx, actor, {
      action: stored ? 'update' : 'create',
      entity: 'development_plan',
      entityId: planId,
      agencyPath: subject.agency_path,
      before: stored
        ? { status: stored.plan.status, items: itemSummary(stored.items.map((i) => ({ courseId: i.course_id, sessionId: i.session_id }))) }
        : undefined,
      after: { status: 'draft', cycleId, items: itemSummary(items) },
    });
  });
  return personPlan(db, actor, personId);
}

async function planForUpdate(trx: Executor, planId: string) {
  const { rows } = await sql<{ id: string; person_id: string; status: string; agency_path: string }>`
    SELECT d.id, d.person_id, d.status, a.path AS agency_path
    FROM training_development_plans d JOIN people p ON p.id = d.person_id JOIN agencies a ON a.id = p.agency_id
    WHERE d.id = ${planId} FOR UPDATE OF d`.execute(trx);
  return rows[0];
}

/** The person hands the plan to their leader. */
export async function submitPlan(db: Db, actor: Actor, planId: string) {
  const personId = await db.transaction().execute(async (trx) => {
    const plan = await planForUpdate(trx, planId);
    if (!plan || !plansPolicy.canRead(actor, { personId: plan.person_id, agencyPath: plan.agency_path })) throw notFound();
    if (!plansPolicy.canChoose(actor, { personId: plan.person_id })) throw forbidden();
    if (plan.status !== 'draft' && plan.status !== 'returned') throw new AppError('plan_not_editable', 409, { status: plan.status });
    const count = await trx
      .selectFrom('training_plan_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) === 0) throw new AppError('plan_not_editable', 409, { field: 'items', reason: 'empty' });
    await trx.updateTable('training_development_plans').set({ status: 'submitted', submitted_at: now(), updated_at: now() }).where('id', '=', planId).execute();
    await recordAudit(trx, actor, {
      action: 'submit',
      entity: 'development_plan',
      entityId: planId,
      agencyPath: plan.agency_path,
      before: { status: plan.status },
      after: { status: 'submitted' },
    });
    return plan.person_id;
  });
  return personPlan(db, actor, personId);
}

/** The leader approves the plan, or returns it with a note; they may change its courses as they approve. */
export async function decidePlan(
  db: Db,
  actor: Actor,
  planId: string,
  decision: { decision: 'approve' | 'return'; note?: string; items?: readonly PlanChoice[] },
) {
  const personId = await db.transaction().execute(async (trx) => {
    const plan = await planForUpdate(trx, planId);
    if (!plan || !plansPolicy.canRead(actor, { personId: plan.person_id, agencyPath: plan.agency_path })) throw notFound();
    if (!plansPolicy.canDecide(actor, { personId: plan.person_id, agencyPath: plan.agency_path })) throw forbidden();
    if (plan.status !== 'submitted') throw new AppError('plan_not_editable', 409, { status: plan.status });
    const stored = await trx.selectFrom('training_development_plans').select(['cycle_id']).where('id', '=', planId).executeTakeFirstOrThrow();
    let changed: Awaited<ReturnType<typeof validatedItems>> | undefined;
    if (decision.items) {
      changed = await validatedItems(trx, await recommendationEvidence(trx, plan.person_id, stored.cycle_id), decision.items);
      await replaceItems(trx, planId, changed, 'leader');
    }
    const status = decision.decision === 'approve' ? 'approved' : 'returned';
    await trx
      .updateTable('training_development_plans')
      .set({ status, leader_note: decision.note ?? '', decided_by: actor.userId, decided_at: now(), updated_at: now() })
      .where('id', '=', planId)
      .execute();
    await trx
      .insertInto('training_notifications')
      .values({ person_id: plan.person_id, kind: status === 'approved' ? 'plan_approved' : 'plan_returned' })
      .execute();
    await recordAudit(trx, actor, {
      action: decision.decision,
      entity: 'development_plan',
      entityId: planId,
      agencyPath: plan.agency_path,
      before: { status: plan.status },
      after: { status, note: decision.note ?? '', ...(changed ? { items: itemSummary(changed) } : {}) },
    });
    return plan.person_id;
  });
  return personPlan(db, actor, personId);
}

/** The plans of the caller's agency subtree, for HR and leaders. */
export async function listPlans(db: Db, actor: Actor, filter: { status?: 'draft' | 'submitted' | 'approved' | 'returned'; limit: number; offset: number }) {
  if (!plansPolicy.canList(actor)) throw forbidden();
  let query = db
    .selectFrom('training_development_plans as d')
    .innerJoin('people as p', 'p.id', 'd.person_id')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .innerJoin('assessment_cycles as c', 'c.id', 'd.cycle_id')
    .where(scopeCondition(actor, 'a.path'));
  if (filter.status) query = query.where('d.status', '=', filter.status);
  const [items, count] = await Promise.all([
    query
      .select((eb) => [
        'd.id',
        'd.status',
        'd.person_id as personId',
        'p.full_name as fullName',
        'p.staff_code as staffCode',
        'a.name as agencyName',
        'c.name as cycleName',
        'd.submitted_at as submittedAt',
        'd.decided_at as decidedAt',
        eb
          .selectFrom('training_plan_items as i')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('i.plan_id', '=', 'd.id')
          .as('courses'),
        eb
          .selectFrom('training_plan_items as i')
          .innerJoin('training_courses as co', 'co.id', 'i.course_id')
          .select(sql<number>`COALESCE(sum(co.cost_per_seat), 0)::bigint`.as('cost'))
          .whereRef('i.plan_id', '=', 'd.id')
          .as('cost'),
      ])
      .orderBy('d.status')
      .orderBy(sql`p.name_sort_key COLLATE "C" NULLS LAST`)
      .orderBy('p.staff_code')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((i) => ({ ...i, courses: Number(i.courses ?? 0), cost: Number(i.cost ?? 0) })), total: Number(count.total) };
}
