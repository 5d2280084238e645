import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { enrolPeopleIn } from '../training/sessions/enrolment.service.js';
import { explainPlan } from './explain.js';
import { openClass } from './planning.openings.js';
import { planContext, type PlanContext } from './plan-context.js';
import { checkPlan, seatsOf, type PlanCheck, type Seat } from './plan-check.js';
import { PlanLedger } from './plan-ledger.js';
import { assertInputIdsKnown } from './input-ids.js';
import { planInputs, type PlanInputs, type VersionSummary } from './planning.schema.js';
import { planningPolicy } from './planning.policy.js';

type Trx = Transaction<Database>;
type Executor = Db | Trx;

export interface PlanRow {
  id: string;
  agencyId: string;
  agencyName: string;
  agencyPath: string;
  year: number;
  name: string;
  budget: number;
  inputs: PlanInputs;
  status: 'draft' | 'approved';
  approvedVersion: number | null;
  latestVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
}

const planBase = (db: Executor) =>
  db
    .selectFrom('planning_plans as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select([
      'p.id',
      'p.agency_id as agencyId',
      'a.name as agencyName',
      'a.path as agencyPath',
      'p.year',
      'p.name',
      'p.budget',
      'p.inputs',
      'p.status',
      'p.approved_version as approvedVersion',
      'p.created_at as createdAt',
      'p.updated_at as updatedAt',
      (eb) =>
        eb
          .selectFrom('planning_versions as v')
          .whereRef('v.plan_id', '=', 'p.id')
          .select((e) => e.fn.max('v.number').as('n'))
          .as('latestVersion'),
    ]);

const answer = ({ agencyPath: _path, ...plan }: PlanRow) => ({ ...plan, budget: Number(plan.budget), inputs: planInputs.parse(plan.inputs) });

/** A plan the actor may read (or write); absent and out of scope answer alike. */
export async function findPlan(db: Executor, actor: Actor, id: string, write = false): Promise<PlanRow> {
  const row = await planBase(db).where('p.id', '=', id).executeTakeFirst();
  if (!row || !(write ? planningPolicy.canWrite(actor, row) : planningPolicy.canRead(actor, row))) throw notFound({ planId: id });
  return row;
}

export async function listPlans(db: Db, actor: Actor, year?: number) {
  let query = planBase(db).where(scopeCondition(actor, 'a.path'));
  if (year) query = query.where('p.year', '=', year);
  const rows = (await query.orderBy('p.year', 'desc').orderBy('p.created_at', 'desc').execute()) as PlanRow[];
  return { items: rows.map(answer) };
}

export async function readPlan(db: Db, actor: Actor, id: string) {
  return answer(await findPlan(db, actor, id));
}

export async function createPlan(db: Db, actor: Actor, body: { year: number; name: string; budget: number; inputs?: PlanInputs }) {
  const inputs = body.inputs ?? planInputs.parse({});
  return db.transaction().execute(async (trx) => {
    await assertInputIdsKnown(trx, actor.agencyPath, inputs);
    const row = { agency_id: actor.agencyId, year: body.year, name: body.name, budget: body.budget, inputs: JSON.stringify(inputs), created_by: actor.userId };
    const { id } = await trx.insertInto('planning_plans').values(row).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entity: 'planning_plan', entityId: id, agencyPath: actor.agencyPath, after: { ...row, inputs } });
    return answer(await findPlan(trx, actor, id));
  });
}

function assertDraft(plan: PlanRow) {
  if (plan.status !== 'draft') throw conflict('planning_plan_approved', { planId: plan.id, approvedVersion: plan.approvedVersion });
}

export async function updatePlan(db: Db, actor: Actor, id: string, body: { name: string; budget: number; inputs?: PlanInputs }) {
  return db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, actor, id, true);
    assertDraft(plan);
    const inputs = body.inputs ?? plan.inputs;
    await assertInputIdsKnown(trx, plan.agencyPath, inputs);
    await trx
      .updateTable('planning_plans')
      .set({ name: body.name, budget: body.budget, inputs: JSON.stringify(inputs), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'planning_plan',
      entityId: id,
      agencyPath: plan.agencyPath,
      before: { name: plan.name, budget: plan.budget, inputs: plan.inputs },
      after: { name: body.name, budget: body.budget, inputs },
    });
    return answer(await findPlan(trx, actor, id));
  });
}

/** Seats by ids → seats of the model; a person or session outside it is a seat nobody needs (the checker says so). */
function seatsOfIds(
  context: PlanContext,
  seats: ReadonlyArray<{ personId: string; sessionId: string }>,
): { seats: Seat[]; unknown: Array<{ index: number; personId: string; sessionId: string }> } {
  const known: Seat[] = [];
  const unknown: Array<{ index: number; personId: string; sessionId: string }> = [];
  seats.forEach((s, index) => {
    const person = context.personIndex.get(s.personId);
    const session = context.sessionIndex.get(s.sessionId);
    if (person === undefined || session === undefined) unknown.push({ index, ...s });
    else known.push({ person, session });
  });
  return { seats: known, unknown };
}

/** Live re-check of a plan as edited: every limit, the benefit, and the distance from the best bound known. */
export function checkSeats(context: PlanContext, seats: ReadonlyArray<{ personId: string; sessionId: string }>, bound: number | null, ledger?: PlanLedger) {
  const { seats: known, unknown } = seatsOfIds(context, seats);
  let check: PlanCheck;
  if (ledger) {
    ledger.setSeats(known);
    check = ledger.check();
  } else check = checkPlan(context.instance, known, context.candidates);
  const { people, sessions } = context.instance;
  const violations = [
    ...unknown.map((u) => ({
      limit: 'not_in_plan_scope',
      personId: u.personId,
      sessionId: u.sessionId,
      unitId: null,
      competency: null,
      limitValue: 0,
      actual: 0,
      by: 0,
    })),
    ...check.violations.map((v) => ({
      limit: v.limit,
      personId: v.person === undefined ? null : people[v.person]!.id,
      sessionId: v.session === undefined ? null : sessions[v.session]!.id,
      unitId: v.unitId ?? null,
      competency: v.competency ?? null,
      limitValue: v.limitValue,
      actual: v.actual,
      by: v.by,
    })),
  ];
  return {
    benefit: check.benefit,
    cost: check.cost,
    seats: check.seats,
    bound,
    gapToBound: bound ? Math.max(0, (bound - check.benefit) / bound) : null,
    violations,
  };
}

async function latestBound(db: Executor, planId: string): Promise<number | null> {
  const row = await db
    .selectFrom('planning_versions')
    .select('bound')
    .where('plan_id', '=', planId)
    .where('source', '=', 'solver')
    .orderBy('number', 'desc')
    .executeTakeFirst();
  return row?.bound ?? null;
}

async function versionSeats(db: Executor, planId: string, version: number) {
  return db
    .selectFrom('planning_assignments')
    .select(['person_id as personId', sql<string>`COALESCE(session_id, opening_id)`.as('sessionId')])
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .orderBy('person_id')
    .orderBy(sql`COALESCE(session_id, opening_id)`)
    .execute();
}

/**
 * The live re-check keeps each plan's model and a ledger of the seats it last
 * checked for a minute: the page posts the whole edited plan after every move,
 * and building the model from the database (2.5 s at 5,000 × 200) would take
 * the 50 ms many times over. The ledger then re-evaluates only the limits of
 * the seats that differ from the last check (plan-ledger.ts). A change of the
 * plan's inputs or a new version starts afresh; saving a version re-checks
 * everything against the database as it stands (saveSeats).
 */
const LIVE_CHECK_MS = 60_000;
const LIVE_CHECK_PLANS = 4;
const liveChecks = new Map<string, { stamp: string; until: number; context: PlanContext; ledger: PlanLedger }>();

async function liveCheck(db: Db, plan: PlanRow) {
  const stamp = `${new Date(plan.updatedAt).toISOString()}|${plan.latestVersion ?? 0}`;
  const now = Date.now();
  const kept = liveChecks.get(plan.id);
  if (kept && kept.stamp === stamp && kept.until > now) return kept;
  const context = await planContext(db, plan);
  const entry = { stamp, until: now + LIVE_CHECK_MS, context, ledger: new PlanLedger(context.instance, context.candidates) };
  liveChecks.delete(plan.id);
  liveChecks.set(plan.id, entry);
  for (const [key, value] of liveChecks) if (liveChecks.size > LIVE_CHECK_PLANS || value.until <= now) liveChecks.delete(key);
  return entry;
}

export async function checkPlanSeats(db: Db, actor: Actor, id: string, seats: ReadonlyArray<{ personId: string; sessionId: string }>) {
  const plan = await findPlan(db, actor, id);
  const [{ context, ledger }, bound] = await Promise.all([liveCheck(db, plan), latestBound(db, id)]);
  return checkSeats(context, seats, bound, ledger);
}

/** Writes a version and its seats (the solver's, an edit or an import), inside the caller's transaction. */
export async function insertVersion(
  trx: Trx,
  plan: { id: string },
  context: PlanContext,
  chosen: readonly number[],
  figures: {
    source: 'solver' | 'edit' | 'import';
    method: string | null;
    bound: number | null;
    greedyBenefit: number | null;
    summary: VersionSummary;
    createdBy: string | null;
  },
) {
  const { rows } = await sql<{ n: number }>`SELECT COALESCE(max(number), 0)::int + 1 AS n FROM planning_versions WHERE plan_id = ${plan.id}`.execute(trx);
  const number = rows[0]!.n;
  const check = checkPlan(context.instance, seatsOf(context.instance, chosen));
  await trx
    .insertInto('planning_versions')
    .values({
      plan_id: plan.id,
      number,
      source: figures.source,
      method: figures.method,
      benefit: check.benefit,
      cost: check.cost,
      bound: figures.bound,
      greedy_benefit: figures.greedyBenefit,
      summary: JSON.stringify(figures.summary),
      created_by: figures.createdBy,
    })
    .execute();
  const { people, sessions, candidates } = context.instance;
  const rowsToInsert = chosen.map((i) => {
    const session = sessions[candidates.session[i]!]!;
    const person = people[candidates.person[i]!]!;
    // A class to open has no session yet: its seats point at the opening until approval creates one.
    return {
      plan_id: plan.id,
      version: number,
      person_id: person.id,
      session_id: session.opening ? null : session.id,
      opening_id: session.opening ? session.id : null,
      agency_id: person.unitId,
    };
  });
  // Chunks keep each statement under the engines' parameter limit (65,535).
  for (let k = 0; k < rowsToInsert.length; k += 5_000)
    await trx
      .insertInto('planning_assignments')
      .values(rowsToInsert.slice(k, k + 5_000))
      .execute();
  return { number, benefit: check.benefit, cost: check.cost };
}

/** The explanation's totals, with labels, as stored with a version. */
export function versionSummary(
  context: PlanContext,
  chosen: readonly number[],
  figures: { gap: number | null; lpBound: number | null; budgetShadowPrice: number | null; mipStatus: string | null; elapsedMs: number },
): VersionSummary {
  const explanation = explainPlan(context.instance, chosen, {
    budgetShadowPrice: figures.budgetShadowPrice,
    groupOf: (k) => context.evidence.groups.get(k)?.code ?? k,
  });
  const groupNames = new Map([...context.evidence.groups.values()].map((g) => [g.code, g.name]));
  const label = (names: Map<string, string>) => (t: { key: string; levels: number; benefit: number; seats: number }) => ({
    ...t,
    label: names.get(t.key) ?? t.key,
  });
  return {
    gap: figures.gap,
    lpBound: figures.lpBound,
    benefitPer10Million: explanation.benefitPer10Million,
    mipStatus: figures.mipStatus,
    elapsedMs: Math.round(figures.elapsedMs),
    byGroup: explanation.byGroup.map(label(groupNames)),
    byUnit: explanation.byUnit.map(label(context.evidence.unitNames)),
    byPosition: explanation.byPosition.map(label(context.evidence.positionNames)),
  };
}

/** Chosen candidate indices of stored seats; seats no longer in the model (a result changed) are left out of the explanation. */
function chosenOf(context: PlanContext, seats: ReadonlyArray<{ personId: string; sessionId: string }>): number[] {
  return seats.flatMap((s) => {
    const p = context.personIndex.get(s.personId);
    const q = context.sessionIndex.get(s.sessionId);
    const i = p === undefined || q === undefined ? undefined : context.candidates.get(`${p}:${q}`);
    return i === undefined ? [] : [i];
  });
}

export async function readVersion(db: Db, actor: Actor, id: string, number?: number) {
  const plan = await findPlan(db, actor, id);
  const n = number ?? plan.latestVersion;
  const version = n ? await db.selectFrom('planning_versions').selectAll().where('plan_id', '=', id).where('number', '=', n).executeTakeFirst() : undefined;
  if (!version) throw notFound({ planId: id, version: n ?? null, reason: 'planning_no_version' });
  const [context, seats] = await Promise.all([planContext(db, plan), versionSeats(db, id, version.number)]);
  const chosen = chosenOf(context, seats);
  const explanation = explainPlan(context.instance, chosen, { budgetShadowPrice: null, groupOf: (k) => k });
  const { people, sessions, candidates } = context.instance;
  const personById = new Map(context.evidence.people.map((p) => [p.id, p]));
  const sessionById = new Map(context.evidence.sessions.map((s) => [s.id, s]));
  return {
    number: version.number,
    source: version.source,
    method: version.method,
    benefit: version.benefit,
    cost: Number(version.cost),
    bound: version.bound,
    greedyBenefit: version.greedy_benefit,
    summary: version.summary,
    createdAt: version.created_at,
    check: checkSeats(context, seats, version.bound ?? (await latestBound(db, id))),
    seats: explanation.seats.map((s) => {
      const si = candidates.session[s.candidate]!;
      const person = personById.get(people[candidates.person[s.candidate]!]!.id)!;
      const session = sessionById.get(sessions[si]!.id)!;
      return {
        personId: person.id,
        staffCode: person.staffCode,
        fullName: person.fullName,
        agencyId: person.unitId,
        sessionId: session.id,
        sessionCode: session.code,
        courseTitle: session.courseTitle,
        cost: s.cost,
        benefit: s.benefit,
        benefitPerMillion: s.benefitPerMillion,
        reasons: s.reasons.map((r) => ({ ...r })),
        opening: sessions[si]!.opening !== null,
      };
    }),
    openings: openingsOf(context, chosen),
    leftOut: explanation.leftOut.map((l) => ({
      personId: people[l.person]!.id,
      fullName: personById.get(people[l.person]!.id)!.fullName,
      limit: l.limit,
      sessionId: sessions[candidates.session[l.bestCandidate]!]!.id,
    })),
  };
}

/** The classes to open of the model, with this version's count in each and whether it reaches the minimum size. */
function openingsOf(context: PlanContext, chosen: readonly number[]) {
  const { sessions, candidates } = context.instance;
  const count = new Int32Array(sessions.length);
  for (const i of chosen) count[candidates.session[i]!]! += 1;
  return context.evidence.sessions.flatMap((s, si) =>
    s.opening
      ? [
          {
            sessionId: s.id,
            code: s.code,
            courseTitle: s.courseTitle,
            openingCost: s.opening.cost,
            minClass: s.opening.minClass,
            seats: s.seats,
            chosen: count[si]!,
            opens: count[si]! >= s.opening.minClass,
          },
        ]
      : [],
  );
}

export async function listVersions(db: Db, actor: Actor, id: string) {
  await findPlan(db, actor, id);
  const rows = await db
    .selectFrom('planning_versions')
    .select(['number', 'source', 'benefit', 'cost', 'created_at as createdAt'])
    .where('plan_id', '=', id)
    .orderBy('number', 'desc')
    .execute();
  return { items: rows.map((r) => ({ ...r, cost: Number(r.cost) })) };
}

/** A hand edit (or an import) becomes a new version only if every limit holds; otherwise nothing is written and the answer names each limit. */
export async function saveSeats(db: Db, actor: Actor, id: string, seats: ReadonlyArray<{ personId: string; sessionId: string }>, source: 'edit' | 'import') {
  return db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, actor, id, true);
    assertDraft(plan);
    const context = await planContext(trx, plan);
    const bound = await latestBound(trx, id);
    const check = checkSeats(context, seats, bound);
    if (check.violations.length > 0) throw new AppError('planning_plan_violates_limits', 422, { violations: check.violations.slice(0, 200) });
    const chosen = chosenOf(context, seats);
    const version = await insertVersion(trx, plan, context, chosen, {
      source,
      method: null,
      bound,
      greedyBenefit: null,
      summary: versionSummary(context, chosen, { gap: check.gapToBound, lpBound: null, budgetShadowPrice: null, mipStatus: null, elapsedMs: 0 }),
      createdBy: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: source,
      entity: 'planning_version',
      entityId: id,
      agencyPath: plan.agencyPath,
      after: { ...version, seats: seats.length },
    });
    return version.number;
  });
}

/**
 * Approval: every seat of the latest version becomes an enrolment through the
 * enrolment service (seats, waiting list, double booking), all in one
 * transaction — one refusal names the person and session and writes nothing.
 */
export async function approvePlan(db: Db, actor: Actor, id: string) {
  const result = await db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, actor, id, true);
    assertDraft(plan);
    if (!plan.latestVersion) throw conflict('planning_no_version', { planId: id });
    const seats = await versionSeats(trx, id, plan.latestVersion);
    const bySession = new Map<string, string[]>();
    for (const s of seats) bySession.set(s.sessionId, [...(bySession.get(s.sessionId) ?? []), s.personId]);
    // Classes to open that the version fills become sessions first (their minimum size was checked when the version was written).
    const openingIds = new Set(
      (
        await trx
          .selectFrom('planning_assignments')
          .select('opening_id')
          .distinct()
          .where('plan_id', '=', id)
          .where('version', '=', plan.latestVersion)
          .where('opening_id', 'is not', null)
          .execute()
      ).map((r) => r.opening_id!),
    );
    const opened: Array<{ openingId: string; sessionId: string }> = [];
    for (const openingId of [...openingIds].sort()) {
      const sessionId = await openClass(trx, actor, openingId, id);
      opened.push({ openingId, sessionId });
      bySession.set(sessionId, bySession.get(openingId) ?? []);
      bySession.delete(openingId);
    }
    let enrolled = 0;
    let waitlisted = 0;
    for (const [sessionId, personIds] of [...bySession].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const { items } = await enrolPeopleIn(trx, actor, sessionId, personIds, 'plan');
      for (const e of items) {
        if (e.status === 'enrolled') enrolled += 1;
        else waitlisted += 1;
      }
    }
    await trx
      .updateTable('planning_plans')
      .set({ status: 'approved', approved_version: plan.latestVersion, approved_by: actor.userId, approved_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'approve',
      entity: 'planning_plan',
      entityId: id,
      agencyPath: plan.agencyPath,
      before: { status: 'draft' },
      after: { status: 'approved', version: plan.latestVersion, enrolled, waitlisted, opened },
    });
    return { enrolled, waitlisted, opened };
  });
  return { plan: await readPlan(db, actor, id), ...result };
}
