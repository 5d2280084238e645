/**
 * Appointment and promotion rounds (issue 17, item 5): HR picks a leadership position of its agency, sets the
 * eligibility rules, previews and then freezes the shortlist of internal candidates (the position agency's
 * subtree), and records the decision with its reasons. Every change is one transaction with its audit record.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope, scopeCondition } from '../../../platform/auth/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { now, today } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/engine.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import type { z } from 'zod';
import type { PromotionRules } from './eligibility.js';
import { promotionPolicy } from './promotion.policy.js';
import { positionProfile, storedStandings, storeStandings, subtreeEvidence, type ProfileEntry, type StoredStanding } from './promotion.repository.js';
import type { createRoundBody, rulesInput, updateRoundBody } from './promotion.schema.js';
import { computeStandings, type Standing } from './standing.js';

type Executor = Parameters<typeof recordAudit>[0];
const LEADERSHIP = ['leader', 'manager'] as const;

/** The last year whose classification is complete: the year before today's. */
const lastClassifiedYear = () => Number(today().slice(0, 4)) - 1;

async function loadRound(db: Executor, id: string) {
  return db
    .selectFrom('recruitment_promotion_rounds as r')
    .innerJoin('positions as po', 'po.id', 'r.position_id')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .selectAll('r')
    .select(['po.code as position_code', 'po.title_vi', 'po.title_en', 'po.role_category', 'a.name as agency_name', 'a.path as agency_path'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}
type RoundRow = NonNullable<Awaited<ReturnType<typeof loadRound>>>;

/** The round if the caller may read it (404 otherwise, as if it did not exist); 403 when they may read but not change it. */
async function findRound(db: Executor, actor: Actor, id: string, write = false): Promise<RoundRow> {
  const round = await loadRound(db, id);
  if (!round || !promotionPolicy.canRead(actor, { agencyPath: round.agency_path })) throw notFound();
  if (write && !promotionPolicy.canWrite(actor, { agencyPath: round.agency_path })) throw forbidden();
  return round;
}

function roundView(actor: Actor, round: RoundRow, profile: ProfileEntry[]) {
  return {
    id: round.id,
    title: round.title,
    status: round.status,
    position: { id: round.position_id, code: round.position_code, titleVi: round.title_vi, titleEn: round.title_en, roleCategory: round.role_category },
    agency: { id: round.agency_id, name: round.agency_name },
    rules: round.rules,
    profile,
    asOf: round.as_of,
    shortlistedAt: round.shortlisted_at,
    decidedAt: round.decided_at,
    decisionReasons: round.decision_reasons,
    canWrite: promotionPolicy.canWrite(actor, { agencyPath: round.agency_path }),
    createdAt: round.created_at,
  };
}

/** The rules as stored: the quality window's last year fixed now, the named courses known, a digital minimum only with digital competencies. */
async function resolveRules(db: Executor, input: z.infer<typeof rulesInput>, profile: ProfileEntry[]): Promise<PromotionRules> {
  const rules: PromotionRules = {
    quality: input.quality ? { years: input.quality.years, toYear: input.quality.toYear ?? lastClassifiedYear(), minLevel: input.quality.minLevel } : null,
    training: input.training ? { ...input.training, courseCodes: [...new Set(input.training.courseCodes)] } : null,
    minFit: input.minFit,
    digital: input.digital,
  };
  const codes = rules.training?.courseCodes ?? [];
  if (codes.length) {
    const known = new Set((await db.selectFrom('training_courses').select('code').distinct().where('code', 'in', codes).execute()).map((c) => c.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw new AppError('promotion_unknown_course', 422, { field: 'rules.training.courseCodes', codes: unknown });
  }
  if (rules.digital.minLevel !== null && !profile.some((p) => p.digital))
    throw new AppError('promotion_no_digital_in_profile', 422, { field: 'rules.digital.minLevel' });
  return rules;
}

/** Leadership positions (leader, manager) of the caller's subtree that have a profile to measure against. */
export async function leadershipPositions(db: Db, actor: Actor) {
  const items = await db
    .selectFrom('positions as po')
    .innerJoin('agencies as a', 'a.id', 'po.agency_id')
    .select((eb) => [
      'po.id',
      'po.code',
      'po.title_vi as titleVi',
      'po.title_en as titleEn',
      'po.role_category as roleCategory',
      'a.id as agencyId',
      'a.name as agencyName',
      eb.selectFrom('position_requirements as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.position_id', '=', 'po.id').as('requirements'),
    ])
    .where('po.role_category', 'in', LEADERSHIP)
    .where(scopeCondition(actor, 'a.path'))
    .orderBy('a.name')
    .orderBy('po.code')
    .limit(500)
    .execute();
  return { items: items.map((p) => ({ ...p, requirements: Number(p.requirements ?? 0) })) };
}

export async function listRounds(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('recruitment_promotion_rounds as r')
    .innerJoin('positions as po', 'po.id', 'r.position_id')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([
      'r.id',
      'r.title',
      'r.status',
      'r.position_id',
      'po.code',
      'po.title_vi',
      'po.title_en',
      'po.role_category',
      'r.agency_id',
      'a.name as agency_name',
      'r.shortlisted_at',
      'r.decided_at',
      'r.created_at',
    ])
    .where(scopeCondition(actor, 'a.path'))
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      position: { id: r.position_id, code: r.code, titleVi: r.title_vi, titleEn: r.title_en, roleCategory: r.role_category },
      agency: { id: r.agency_id, name: r.agency_name },
      shortlistedAt: r.shortlisted_at,
      decidedAt: r.decided_at,
      createdAt: r.created_at,
    })),
  };
}

export async function readRound(db: Db, actor: Actor, id: string) {
  const round = await findRound(db, actor, id);
  return roundView(actor, round, await positionProfile(db, round.position_id));
}

export async function createRound(db: Db, actor: Actor, input: z.infer<typeof createRoundBody>) {
  const id = await db.transaction().execute(async (trx) => {
    const position = await trx
      .selectFrom('positions as po')
      .innerJoin('agencies as a', 'a.id', 'po.agency_id')
      .select(['po.id', 'po.agency_id', 'po.role_category', 'a.path'])
      .where('po.id', '=', input.positionId)
      .executeTakeFirst();
    if (!position || !isInScope(actor, position.path)) throw notFound();
    if (!promotionPolicy.canWrite(actor, { agencyPath: position.path })) throw forbidden();
    if (!(LEADERSHIP as readonly string[]).includes(position.role_category))
      throw new AppError('promotion_position_not_leadership', 422, { field: 'positionId', roleCategory: position.role_category });
    const profile = await positionProfile(trx, position.id);
    if (profile.length === 0) throw new AppError('promotion_position_no_profile', 422, { field: 'positionId' });
    const rules = await resolveRules(trx, input.rules, profile);
    const row = await trx
      .insertInto('recruitment_promotion_rounds')
      .values({ agency_id: position.agency_id, position_id: position.id, title: input.title, rules: JSON.stringify(rules), created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'promotion_round',
      entityId: row.id,
      agencyPath: position.path,
      after: { title: input.title, positionId: position.id, rules },
    });
    return row.id;
  });
  return readRound(db, actor, id);
}

async function lockRound(trx: Executor, actor: Actor, id: string) {
  const round = await findRound(trx, actor, id, true);
  await trx.selectFrom('recruitment_promotion_rounds').select('id').where('id', '=', id).forUpdate().execute();
  // Read again under the lock: a concurrent change may have moved the status.
  return (await loadRound(trx, id)) ?? round;
}

/** Title and rules: a draft changes in place; a shortlisted round goes back to draft (its frozen standings dropped). */
export async function updateRound(db: Db, actor: Actor, id: string, input: z.infer<typeof updateRoundBody>) {
  await db.transaction().execute(async (trx) => {
    const round = await lockRound(trx, actor, id);
    if (round.status === 'decided') throw new AppError('promotion_round_decided', 409);
    const profile = await positionProfile(trx, round.position_id);
    const rules = input.rules ? await resolveRules(trx, input.rules, profile) : round.rules;
    const title = input.title ?? round.title;
    if (round.status === 'shortlisted') await trx.deleteFrom('recruitment_promotion_standings').where('round_id', '=', id).execute();
    await trx
      .updateTable('recruitment_promotion_rounds')
      .set({ title, rules: JSON.stringify(rules), status: 'draft', as_of: null, shortlisted_at: null, updated_at: now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'promotion_round',
      entityId: id,
      agencyPath: round.agency_path,
      before: { title: round.title, rules: round.rules, status: round.status },
      after: { title, rules, status: 'draft' },
    });
  });
  return readRound(db, actor, id);
}

async function compute(db: Executor, round: RoundRow, profile: ProfileEntry[], asOf: string) {
  const people = await subtreeEvidence(db, {
    agencyPath: round.agency_path,
    positionId: round.position_id,
    profileIds: profile.map((p) => p.competencyId),
    rules: round.rules,
    asOf,
  });
  return computeStandings(profile, round.rules, people, asOf);
}

const standingView = (s: Standing | StoredStanding) => {
  const { explanation, ...who } = s;
  return { ...who, chosen: 'chosen' in s ? s.chosen : false, ...explanation };
};

/** The standings: computed now for a draft (a preview of the current rules), the frozen ones after shortlisting. */
export async function roundStandings(db: Db, actor: Actor, id: string, limit: number | null) {
  const round = await findRound(db, actor, id);
  const profile = await positionProfile(db, round.position_id);
  if (round.status === 'draft') {
    const asOf = today();
    const { eligible, ineligible } = await compute(db, round, profile, asOf);
    const cut = <T>(list: T[]) => (limit === null ? list : list.slice(0, limit));
    return {
      round: roundView(actor, round, profile),
      frozen: false,
      asOf,
      counts: { eligible: eligible.length, ineligible: ineligible.length },
      eligible: cut(eligible).map(standingView),
      ineligible: cut(ineligible).map(standingView),
    };
  }
  const stored = await storedStandings(db, id, limit);
  return {
    round: roundView(actor, round, profile),
    frozen: true,
    asOf: round.as_of!,
    counts: stored.counts,
    eligible: stored.eligible.map(standingView),
    ineligible: stored.ineligible.map(standingView),
  };
}

/** Freeze the standings under the current rules: the decision is taken, and printed, on these figures. */
export async function shortlistRound(db: Db, actor: Actor, id: string, limit: number) {
  await db.transaction().execute(async (trx) => {
    const round = await lockRound(trx, actor, id);
    if (round.status === 'decided') throw new AppError('promotion_round_decided', 409);
    const asOf = today();
    const profile = await positionProfile(trx, round.position_id);
    const { eligible, ineligible } = await compute(trx, round, profile, asOf);
    await storeStandings(trx, id, [...eligible, ...ineligible]);
    await trx
      .updateTable('recruitment_promotion_rounds')
      .set({ status: 'shortlisted', as_of: asOf, shortlisted_at: now(), updated_at: now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'shortlist',
      entity: 'promotion_round',
      entityId: id,
      agencyPath: round.agency_path,
      before: { status: round.status },
      after: {
        status: 'shortlisted',
        asOf,
        rules: round.rules,
        eligible: eligible.length,
        ineligible: ineligible.length,
        top: eligible.slice(0, 10).map((s) => ({ personId: s.personId, staffCode: s.staffCode, rank: s.rank, fit: s.explanation.fit })),
      },
    });
  });
  return roundStandings(db, actor, id, limit);
}

/** HR records the chosen person(s) of the frozen shortlist and the reasons; the round is then final. */
export async function decideRound(db: Db, actor: Actor, id: string, input: { personIds: string[]; reasons: string }, limit: number) {
  await db.transaction().execute(async (trx) => {
    const round = await lockRound(trx, actor, id);
    if (round.status === 'decided') throw new AppError('promotion_round_decided', 409);
    if (round.status !== 'shortlisted') throw new AppError('promotion_not_shortlisted', 409);
    const personIds = [...new Set(input.personIds)];
    const chosen = await trx
      .selectFrom('recruitment_promotion_standings as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select(['s.person_id', 'p.staff_code', 'p.full_name', 's.rank', 's.fit'])
      .where('s.round_id', '=', id)
      .where('s.eligible', '=', true)
      .where('s.person_id', 'in', personIds)
      .execute();
    const found = new Set(chosen.map((c) => c.person_id));
    const notEligible = personIds.filter((p) => !found.has(p));
    if (notEligible.length) throw new AppError('promotion_choice_not_eligible', 422, { field: 'personIds', personIds: notEligible });
    await trx.updateTable('recruitment_promotion_standings').set({ chosen: true }).where('round_id', '=', id).where('person_id', 'in', personIds).execute();
    const at = now();
    await trx
      .updateTable('recruitment_promotion_rounds')
      .set({ status: 'decided', decision_reasons: input.reasons, decided_at: at, decided_by: actor.userId, updated_at: at })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'decide',
      entity: 'promotion_round',
      entityId: id,
      agencyPath: round.agency_path,
      before: { status: round.status, chosen: [], reasons: null },
      after: {
        status: 'decided',
        chosen: chosen
          .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
          .map((c) => ({ personId: c.person_id, staffCode: c.staff_code, fullName: c.full_name, rank: c.rank, fit: c.fit === null ? null : Number(c.fit) })),
        reasons: input.reasons,
      },
    });
  });
  return roundStandings(db, actor, id, limit);
}
