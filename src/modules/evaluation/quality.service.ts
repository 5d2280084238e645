import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { isInScope, scopeCondition } from '../../platform/auth/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/engine.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { now } from '../../platform/clock.js';
import { peoplePolicy } from '../people/people.policy.js';
import {
  annualScore,
  checkExcellentQuota,
  levelForScore,
  levelRank,
  periodProblem,
  scoreProblems,
  type PeriodScore,
  type QualityLevel,
} from './quality-classification.js';
import { FIRST_SCORED_YEAR } from './quality.schema.js';
import { readQualityRows } from './quality.import.js';
import { readSheet } from '../people/import/staff-import.read.js';

type Executor = Parameters<typeof recordAudit>[0];
type Period = PeriodScore & { period: string };

export type QualityInput = { periods: Period[]; disqualified: boolean; disqualifyingReason: string; level?: QualityLevel } | { level: QualityLevel };

interface RecordRow {
  person_id: string;
  full_name: string;
  staff_code: string;
  year: number;
  basis: 'decree_335_2025' | 'decree_90_2020' | null;
  periods: Period[] | null;
  score: number | null;
  disqualified: boolean | null;
  disqualifying_reason: string | null;
  level: QualityLevel | null;
  updated_at: Date | null;
}

function view(r: RecordRow) {
  const scored = r.basis === 'decree_335_2025' && r.score !== null;
  return {
    personId: r.person_id,
    fullName: r.full_name,
    staffCode: r.staff_code,
    year: r.year,
    basis: r.basis,
    periods: r.periods ?? [],
    score: r.score,
    eligibleLevel: scored ? levelForScore(r.score!, r.disqualified ?? false) : null,
    level: r.level,
    disqualified: r.disqualified ?? false,
    disqualifyingReason: r.disqualifying_reason ?? '',
    updatedAt: r.updated_at,
  };
}

async function personInScope(db: Executor, actor: Actor, personId: string, write: boolean) {
  const person = await db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.agency_id as agencyId', 'a.path as agencyPath'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person || !peoplePolicy.canRead(actor, { id: person.id, agencyPath: person.agencyPath })) throw notFound();
  if (write && !peoplePolicy.canWrite(actor, person)) throw forbidden();
  return person;
}

async function isFinalized(db: Executor, agencyId: string, year: number) {
  return !!(await db.selectFrom('evaluation_quality_years').select('year').where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst());
}

/** What the input becomes once checked: the stored columns. Every problem of the periods is reported at once. */
function checked(year: number, input: QualityInput) {
  if (!('periods' in input)) {
    if (year >= FIRST_SCORED_YEAR) throw new AppError('quality_basis_mismatch', 422, { field: 'periods', firstScoredYear: FIRST_SCORED_YEAR });
    return { basis: 'decree_90_2020' as const, periods: [], score: null, disqualified: false, disqualifying_reason: '', level: input.level };
  }
  if (year < FIRST_SCORED_YEAR) throw new AppError('quality_basis_mismatch', 422, { field: 'periods', firstScoredYear: FIRST_SCORED_YEAR });
  const badPeriod = periodProblem(
    year,
    input.periods.map((p) => p.period),
  );
  if (badPeriod !== null) throw new AppError('quality_period_invalid', 422, { field: `periods.${badPeriod}.period` });
  const problems = scoreProblems(input.periods);
  if (problems.length)
    throw new AppError('quality_score_out_of_range', 422, { fields: problems.map((p) => `periods.${p.index}.${p.field}`), max: { general: 30, tasks: 70 } });
  const score = annualScore(input.periods)!;
  const eligible = levelForScore(score, input.disqualified);
  // The head may rate below what the score allows (the quota), never above it.
  if (input.level && levelRank(input.level) < levelRank(eligible)) throw new AppError('quality_level_above_score', 422, { field: 'level', eligible, score });
  return {
    basis: 'decree_335_2025' as const,
    periods: input.periods,
    score,
    disqualified: input.disqualified,
    disqualifying_reason: input.disqualifyingReason,
    level: input.level ?? eligible,
  };
}

async function recordsOf(db: Executor, where: { personId: string } | { agencyId: string; year: number }) {
  const { rows } = await sql<RecordRow>`
    SELECT p.id AS person_id, p.full_name, p.staff_code, ${'personId' in where ? sql`q.year` : sql`${where.year}::int`} AS year,
           q.basis, q.periods, q.score::float8 AS score, q.disqualified, q.disqualifying_reason, q.level, q.updated_at
    FROM people p
    ${
      'personId' in where
        ? sql`JOIN evaluation_quality_records q ON q.person_id = p.id WHERE p.id = ${where.personId} ORDER BY q.year DESC`
        : sql`LEFT JOIN evaluation_quality_records q ON q.person_id = p.id AND q.year = ${where.year}
            WHERE p.agency_id = ${where.agencyId} OR q.agency_id = ${where.agencyId}
            ORDER BY p.name_sort_key COLLATE "C" NULLS LAST, p.staff_code`
    }`.execute(db);
  return rows.map(view);
}

/** HR records a person's year: the periods' scores from 2026, the level alone before. */
export async function recordQuality(db: Db, actor: Actor, personId: string, year: number, input: QualityInput) {
  await db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, actor, personId, true);
    const values = checked(year, input);
    const before = await trx
      .selectFrom('evaluation_quality_records')
      .selectAll()
      .where('person_id', '=', personId)
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    const agencyId = before?.agency_id ?? person.agencyId;
    if (await isFinalized(trx, agencyId, year)) throw new AppError('quality_year_finalized', 409, { year });
    const row = { ...values, periods: JSON.stringify(values.periods), recorded_by: actor.userId, updated_at: now() };
    await trx
      .insertInto('evaluation_quality_records')
      .values({ person_id: personId, year, agency_id: agencyId, ...row })
      .onConflict((oc) => oc.columns(['person_id', 'year']).doUpdateSet(row))
      .execute();
    await recordAudit(trx, actor, {
      action: before ? 'update' : 'create',
      entity: 'quality_classification',
      entityId: `${personId}:${year}`,
      agencyPath: person.agencyPath,
      before: before ? { level: before.level, score: before.score, disqualified: before.disqualified } : undefined,
      after: { level: values.level, score: values.score, disqualified: values.disqualified },
    });
  });
  return (await recordsOf(db, { personId })).find((r) => r.year === year)!;
}

export async function personQuality(db: Db, actor: Actor, personId: string) {
  await personInScope(db, actor, personId, false);
  return { items: await recordsOf(db, { personId }) };
}

async function agencyInScope(db: Executor, actor: Actor, agencyId: string) {
  const agency = await db.selectFrom('agencies').select(['id', 'name', 'path']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency || !isInScope(actor, agency.path) || !(actor.role === 'national_admin' || actor.role === 'hr_officer' || actor.role === 'leader'))
    throw notFound();
  return agency;
}

/** An agency's year: every person of the agency with their record (if any), and where the quota stands. */
export async function agencyQuality(db: Db, actor: Actor, agencyId: string, year: number) {
  const agency = await agencyInScope(db, actor, agencyId);
  const items = await recordsOf(db, { agencyId, year });
  const finalized = await db
    .selectFrom('evaluation_quality_years')
    .select('finalized_at')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  const levels = items.flatMap((i) => (i.level ? [i.level] : []));
  return { agency: { id: agency.id, name: agency.name }, year, finalizedAt: finalized?.finalized_at ?? null, quota: checkExcellentQuota(levels), items };
}

/**
 * The head signs the agency's year: refused while more are rated excellent than
 * 20 % of those rated good (Decree 335/2025); after it, the year's records are final.
 */
export async function finalizeQuality(db: Db, actor: Actor, agencyId: string, year: number) {
  await db.transaction().execute(async (trx) => {
    const agency = await agencyInScope(trx, actor, agencyId);
    if (actor.role === 'leader') throw forbidden();
    // Lock the year's records so none changes between the count and the signature.
    const levels = await trx
      .selectFrom('evaluation_quality_records')
      .select('level')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .forUpdate()
      .execute();
    if (await isFinalized(trx, agencyId, year)) throw new AppError('quality_year_finalized', 409, { year });
    const quota = checkExcellentQuota(levels.map((l) => l.level));
    if (!quota.ok) throw new AppError('quality_quota_exceeded', 422, { field: 'level', ...quota });
    await trx.insertInto('evaluation_quality_years').values({ agency_id: agencyId, year, finalized_by: actor.userId }).execute();
    await recordAudit(trx, actor, {
      action: 'finalize',
      entity: 'quality_year',
      entityId: `${agencyId}:${year}`,
      agencyPath: agency.path,
      after: { year, ...quota },
    });
  });
  return agencyQuality(db, actor, agencyId, year);
}

/**
 * Earlier years' levels from a sheet (Decree 90/2020): all rows or none, every
 * problem reported by row; a staff code must be of a person in the caller's scope.
 */
export async function importQuality(db: Db, actor: Actor, file: Buffer) {
  const { rows, problems } = readQualityRows(await readSheet(file));
  const codes = [...new Set(rows.map((r) => r.staffCode))];
  const people = codes.length
    ? await db
        .selectFrom('people as p')
        .innerJoin('agencies as a', 'a.id', 'p.agency_id')
        .select(['p.id', 'p.staff_code as staffCode', 'p.agency_id as agencyId', 'a.path as agencyPath'])
        .where('p.staff_code', 'in', codes)
        .where(scopeCondition(actor, 'a.path'))
        .execute()
    : [];
  const byCode = new Map(people.map((p) => [p.staffCode, p]));
  for (const r of rows) if (!byCode.has(r.staffCode)) problems.push({ row: r.row, field: 'staffCode', code: 'unknown_staff_code', value: r.staffCode });
  if (problems.length)
    throw new AppError('quality_import_invalid', 422, { problems: problems.sort((a, b) => a.row - b.row).slice(0, 500), count: problems.length });
  let created = 0;
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const person = byCode.get(r.staffCode)!;
      const before = await trx
        .selectFrom('evaluation_quality_records')
        .select(['level'])
        .where('person_id', '=', person.id)
        .where('year', '=', r.year)
        .executeTakeFirst();
      if (!before) created++;
      const row = {
        basis: 'decree_90_2020' as const,
        periods: '[]',
        score: null,
        disqualified: false,
        disqualifying_reason: '',
        level: r.level,
        recorded_by: actor.userId,
        updated_at: now(),
      };
      await trx
        .insertInto('evaluation_quality_records')
        .values({ person_id: person.id, year: r.year, agency_id: person.agencyId, ...row })
        .onConflict((oc) => oc.columns(['person_id', 'year']).doUpdateSet(row))
        .execute();
      await recordAudit(trx, actor, {
        action: 'import',
        entity: 'quality_classification',
        entityId: `${person.id}:${r.year}`,
        agencyPath: person.agencyPath,
        before,
        after: { level: r.level },
      });
    }
  });
  return { imported: rows.length, created, updated: rows.length - created };
}
