import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { emit } from '../events.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import { isInScope, scopeCondition } from '../../platform/auth/scope.js';
import { normalizeVietnamese } from '../../platform/text/vietnamese.js';
import { assessmentPolicy } from './assessment.policy.js';
import type { CycleKind, CycleScope, CycleStatus } from './assessment.tables.js';
import { frameworkVersion } from './catalogue.js';
import { DEFAULT_RULES, SOURCES, type SourceWeights } from './consolidation.js';
import { validCutoffs } from './knowledge-test.js';

export interface CycleInput {
  name: string;
  nameEn?: string | null;
  kind: CycleKind;
  year?: number | null;
  agencyId?: string;
  scope?: Partial<CycleScope>;
  opensOn: string;
  closesOn: string;
  frameworkVersionId: string;
  weights?: SourceWeights;
  minPeers?: number;
  anonymityThreshold?: number;
  gapThreshold?: number;
  testCutoffs?: number[] | null;
  status?: CycleStatus;
}

/**
 * The scope with its three lists always present: a row written outside the app
 * (a data load, a fixture) may hold `{}`, which the bulk assignment and the
 * answer's schema both read as three arrays.
 */
const fullScope = sql<CycleScope>`jsonb_build_object(
  'agencyIds', COALESCE(c.scope->'agencyIds', '[]'::jsonb),
  'positionIds', COALESCE(c.scope->'positionIds', '[]'::jsonb),
  'personIds', COALESCE(c.scope->'personIds', '[]'::jsonb))`.as('scope');

export const cycleColumns = [
  'c.id',
  'c.agency_id as agencyId',
  'a.name as agencyName',
  'a.path as agencyPath',
  'c.name',
  'c.name_en as nameEn',
  'c.kind',
  'c.year',
  fullScope,
  'c.opens_on as opensOn',
  'c.closes_on as closesOn',
  'c.framework_version_id as frameworkVersionId',
  'c.weights',
  'c.min_peers as minPeers',
  'c.anonymity_threshold as anonymityThreshold',
  'c.gap_threshold as gapThreshold',
  'c.test_cutoffs as testCutoffs',
  'c.status',
  'c.created_at as createdAt',
] as const;

export async function findCycle(db: Db, id: string) {
  return db
    .selectFrom('assessment_cycles as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(cycleColumns)
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CycleRow = NonNullable<Awaited<ReturnType<typeof findCycle>>>;

/** The cycle, if the actor may manage it; 404 otherwise (out of scope looks like absent). */
export async function managedCycle(db: Db, actor: Actor, id: string): Promise<CycleRow> {
  const cycle = await findCycle(db, id);
  if (!cycle || !assessmentPolicy.canManageCycle(actor, cycle)) throw notFound();
  return cycle;
}

export async function listCycles(db: Db, actor: Actor) {
  let query = db.selectFrom('assessment_cycles as c').innerJoin('agencies as a', 'a.id', 'c.agency_id').select(cycleColumns);
  // The cycles HR may manage: those run by agencies of its subtree (the same rule as managedCycle).
  if (actor.role !== 'national_admin') query = query.where(scopeCondition(actor, 'a.path'));
  return query.orderBy('c.opens_on', 'desc').orderBy('c.name').execute();
}

/**
 * Cycles run by an agency outside the caller's subtree (a ministry's or the
 * national cycle) in which people of the caller's subtree were assessed. HR
 * does not manage them, but an empty list would wrongly say its staff were
 * never assessed; their results reach HR through the needs reports.
 */
export async function participatedCycles(db: Db, actor: Actor) {
  if (actor.role === 'national_admin') return [];
  return db
    .selectFrom('assessment_cycles as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .innerJoin('assessment_subjects as s', 's.cycle_id', 'c.id')
    .innerJoin('agencies as sa', 'sa.id', 's.agency_id')
    .select((eb) => [
      'c.id',
      'c.name',
      'c.name_en as nameEn',
      'a.name as agencyName',
      'c.year',
      'c.opens_on as opensOn',
      'c.closes_on as closesOn',
      'c.status',
      eb.fn.countAll<number>().as('subjectsInScope'),
    ])
    .where(scopeCondition(actor, 'sa.path'))
    .where(sql<boolean>`NOT (${scopeCondition(actor, 'a.path')})`)
    .groupBy(['c.id', 'a.name'])
    .orderBy('c.opens_on', 'desc')
    .execute();
}

async function validateSettings(db: Db, actor: Actor, input: CycleInput, agencyPath: string) {
  const problems: string[] = [];
  if (input.closesOn < input.opensOn) problems.push('closesOn');
  const weights = input.weights ?? DEFAULT_RULES.weights;
  if (SOURCES.every((s) => weights[s] === 0)) problems.push('weights');
  const version = await frameworkVersion(db, input.frameworkVersionId);
  if (!version) problems.push('frameworkVersionId');
  if (version && input.testCutoffs && !validCutoffs(input.testCutoffs, version.levelCount)) problems.push('testCutoffs');
  const scopeAgencies = input.scope?.agencyIds ?? [];
  if (scopeAgencies.length > 0) {
    const rows = await db.selectFrom('agencies').select('path').where('id', 'in', scopeAgencies).execute();
    if (rows.length !== new Set(scopeAgencies).size || rows.some((r) => !r.path.startsWith(agencyPath))) problems.push('scope.agencyIds');
  }
  if (problems.length > 0) throw badRequest('assessment_invalid_settings', { fields: problems });
  void actor;
}

export async function createCycle(db: Db, actor: Actor, input: CycleInput) {
  const agencyId = input.agencyId ?? actor.agencyId;
  const agency = await db.selectFrom('agencies').select(['id', 'path']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency || !isInScope(actor, agency.path) || !assessmentPolicy.canManageCycle(actor, { agencyPath: agency.path })) throw notFound();
  await validateSettings(db, actor, input, agency.path);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('assessment_cycles')
      .values({
        agency_id: agencyId,
        name: normalizeVietnamese(input.name),
        name_en: input.nameEn ? normalizeVietnamese(input.nameEn) : null,
        kind: input.kind,
        year: input.year ?? null,
        scope: JSON.stringify({
          agencyIds: input.scope?.agencyIds ?? [],
          positionIds: input.scope?.positionIds ?? [],
          personIds: input.scope?.personIds ?? [],
        }),
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        framework_version_id: input.frameworkVersionId,
        weights: JSON.stringify(input.weights ?? DEFAULT_RULES.weights),
        min_peers: input.minPeers ?? 3,
        anonymity_threshold: input.anonymityThreshold ?? DEFAULT_RULES.anonymityThreshold,
        gap_threshold: input.gapThreshold ?? DEFAULT_RULES.gapThreshold,
        test_cutoffs: input.testCutoffs ? JSON.stringify(input.testCutoffs) : null,
        status: input.status ?? 'open',
        created_by: actor.userId || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entity: 'assessment_cycle', entityId: row.id, agencyPath: agency.path, after: input });
    return row.id;
  });
}

export async function updateCycle(db: Db, actor: Actor, id: string, patch: Partial<CycleInput>) {
  const cycle = await managedCycle(db, actor, id);
  const merged: CycleInput = {
    name: patch.name ?? cycle.name,
    kind: patch.kind ?? cycle.kind,
    opensOn: patch.opensOn ?? cycle.opensOn,
    closesOn: patch.closesOn ?? cycle.closesOn,
    frameworkVersionId: patch.frameworkVersionId ?? cycle.frameworkVersionId,
    weights: patch.weights ?? cycle.weights,
    testCutoffs: patch.testCutoffs === undefined ? cycle.testCutoffs : patch.testCutoffs,
    scope: patch.scope ?? cycle.scope,
  };
  await validateSettings(db, actor, merged, cycle.agencyPath);
  const started = await db.selectFrom('assessment_subjects').select('person_id').where('cycle_id', '=', id).limit(1).executeTakeFirst();
  // Forms already hold competencies of this version: switching it would orphan them.
  if (started && patch.frameworkVersionId && patch.frameworkVersionId !== cycle.frameworkVersionId) {
    throw new AppError('assessment_invalid_settings', 409, { fields: ['frameworkVersionId'] });
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('assessment_cycles')
      .set({
        ...(patch.name !== undefined && { name: normalizeVietnamese(patch.name) }),
        ...(patch.nameEn !== undefined && { name_en: patch.nameEn ? normalizeVietnamese(patch.nameEn) : null }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.year !== undefined && { year: patch.year }),
        ...(patch.scope !== undefined && { scope: JSON.stringify({ agencyIds: [], positionIds: [], personIds: [], ...patch.scope }) }),
        ...(patch.opensOn !== undefined && { opens_on: patch.opensOn }),
        ...(patch.closesOn !== undefined && { closes_on: patch.closesOn }),
        ...(patch.frameworkVersionId !== undefined && { framework_version_id: patch.frameworkVersionId }),
        ...(patch.weights !== undefined && { weights: JSON.stringify(patch.weights) }),
        ...(patch.minPeers !== undefined && { min_peers: patch.minPeers }),
        ...(patch.anonymityThreshold !== undefined && { anonymity_threshold: patch.anonymityThreshold }),
        ...(patch.gapThreshold !== undefined && { gap_threshold: patch.gapThreshold }),
        ...(patch.testCutoffs !== undefined && { test_cutoffs: patch.testCutoffs ? JSON.stringify(patch.testCutoffs) : null }),
        ...(patch.status !== undefined && { status: patch.status }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, { action: 'update', entity: 'assessment_cycle', entityId: id, agencyPath: cycle.agencyPath, before: cycle, after: patch });
    if (patch.status !== undefined || patch.kind !== undefined || patch.opensOn !== undefined) await emit(trx, 'assessment.cycleChanged', { cycleId: id });
  });
}
