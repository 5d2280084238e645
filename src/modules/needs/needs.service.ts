import { sql } from 'kysely';
import type { z } from 'zod';
import type * as schema from './needs.schema.js';
import { preparedAs, type Db } from '../../platform/db/engine.js';
import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/scope.js';
import { escapeLike } from '../../platform/text/like.js';
import { notFound } from '../../platform/errors.js';
import { foldForSearch } from '../../platform/text/vietnamese.js';
import * as repo from './needs.repository.js';
import { rollUp, toFigures, EMPTY_MEASURES, addMeasures, type NeedFigures } from './needs.figures.js';
import { loadCompetencyCatalogue, type CompetencyInfo } from './competency-catalogue.js';
import type { SummaryMeasures } from './needs.repository.js';
import { CENTRAL } from './summaries.js';

/** How the bodies tied to no province are named in the country table. */
const CENTRAL_NAME = 'Cơ quan trung ương';
import { computeGaps, meetsProfile, DEFAULT_CRITICALITY, isNeedSql, positiveGapSql, weightedNeedSql } from './gaps.js';
import { buildTargetGroups, type PersonNeeds, type TargetGroupOptions } from './target-groups.js';
import { peoplePolicy } from '../people/people.policy.js';
import { assessmentPolicy } from '../assessment/assessment.policy.js';

export type ColumnMode = z.output<typeof schema.breakdownQuery>['columns'];
export type Drill = z.infer<typeof schema.drill>;
export type BreakdownRow = z.infer<typeof schema.breakdownRow>;
export type Breakdown = z.infer<typeof schema.breakdown>;

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

function columnsOf(catalogue: Map<string, CompetencyInfo>, mode: ColumnMode) {
  const seen = new Map<string, { key: string; code: string; name: { vi: string; en: string }; order: number }>();
  for (const c of catalogue.values()) {
    const key = mode === 'group' ? c.groupCode : c.code;
    if (!seen.has(key)) seen.set(key, { key, code: key, name: mode === 'group' ? c.groupName : c.name, order: mode === 'group' ? c.groupOrder : c.order });
  }
  return [...seen.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...column }) => column);
}

async function buildRows<T extends SummaryMeasures & { competencyId: string }>(
  db: Db,
  rows: T[],
  rowKey: (row: T) => string,
  mode: ColumnMode,
  describe: (keys: string[]) => Promise<Map<string, { name: string; drill: Drill }>>,
): Promise<Omit<Breakdown, 'level' | 'title'>> {
  const catalogue = await loadCompetencyCatalogue(db, [...new Set(rows.map((r) => r.competencyId))]);
  const columnOf = (row: T) => {
    const c = catalogue.get(row.competencyId);
    return c && (mode === 'group' ? c.groupCode : c.code);
  };
  const cells = rollUp(rows, rowKey, columnOf);
  const names = await describe([...cells.keys()]);
  let grand = EMPTY_MEASURES;
  const out: BreakdownRow[] = [];
  for (const [key, line] of cells) {
    let total = EMPTY_MEASURES;
    const figures: Record<string, NeedFigures> = {};
    for (const [column, m] of line) {
      total = addMeasures(total, m);
      figures[column] = toFigures(m);
    }
    grand = addMeasures(grand, total);
    const info = names.get(key) ?? { name: key, drill: null };
    out.push({ key, name: info.name, drill: info.drill, total: toFigures(total), cells: figures });
  }
  out.sort((a, b) => collator.compare(a.name, b.name));
  return { columns: columnsOf(catalogue, mode), rows: out, total: toFigures(grand) };
}

/**
 * Results of an open cycle are for HR only: the assessment module publishes
 * them to the people rated and their leaders when HR closes the cycle (comparing
 * two consolidations around one late peer form would reveal it). Aggregates
 * follow the same rule, since a small agency's aggregate is nearly a person.
 */
export async function assertCycleReadable(db: Db, actor: Actor, cycleId: string): Promise<void> {
  const cycle = await db.selectFrom('assessment_cycles').select('status').where('id', '=', cycleId).executeTakeFirst();
  if (!cycle) throw notFound();
  if (cycle.status !== 'closed' && !assessmentPolicy.seesUnpublishedResults(actor, { agencyPath: actor.agencyPath })) throw notFound();
}

/** Country level: provinces of today's (or the historical) geography. National administrators only. */
export async function countryBreakdown(db: Db, actor: Actor, cycleId: string, mode: ColumnMode, geography: repo.Geography): Promise<Breakdown> {
  const rows = await repo.provinceCompetencyTable(db, actor, cycleId, geography);
  const body = await buildRows(
    db,
    rows,
    (r) => r.provinceId ?? CENTRAL,
    mode,
    async (keys) => {
      const units = await db
        .selectFrom('admin_units')
        .select(['id', 'full_name'])
        .where('id', 'in', keys.length ? keys : [''])
        .execute();
      const names = new Map<string, { name: string; drill: Drill }>(units.map((u) => [u.id, { name: u.full_name, drill: { kind: 'province', id: u.id } }]));
      names.set(CENTRAL, { name: CENTRAL_NAME, drill: { kind: 'province', id: CENTRAL } });
      return names;
    },
  );
  return { level: 'country', title: { id: null, name: '' }, ...body };
}

/** Province level: each agency of the province (or of the central bodies) with its own staff. */
export async function provinceBreakdown(db: Db, actor: Actor, cycleId: string, provinceId: string, mode: ColumnMode): Promise<Breakdown> {
  const unit =
    provinceId === CENTRAL
      ? undefined
      : await db.selectFrom('admin_units').select(['id', 'full_name', 'era']).where('id', '=', provinceId).where('tier', '=', 'province').executeTakeFirst();
  if (!unit && provinceId !== CENTRAL) throw notFound();
  const province = unit ?? { id: CENTRAL, full_name: CENTRAL_NAME, era: '2025' };
  // A province of the earlier era is looked up in the historical geography.
  const geography = province.era === '2025' ? 'current' : 'historical';
  const rows = await repo.oneProvinceTable(db, actor, cycleId, provinceId, geography);
  const body = await buildRows(
    db,
    rows,
    (r) => r.agencyId,
    mode,
    (keys) => agencyNames(db, keys),
  );
  return { level: 'province', title: { id: province.id, name: province.full_name }, ...body };
}

/** Agency level: each child agency with its subtree, and the agency's own staff. */
export async function agencyBreakdown(db: Db, actor: Actor, cycleId: string, agencyId: string, mode: ColumnMode): Promise<Breakdown> {
  const agency = await db.selectFrom('agencies').select(['id', 'name', 'path']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency || !isInScope(actor, agency.path)) throw notFound();
  const rows = await repo.childAgencyTable(db, actor, cycleId, agency.path);
  const body = await buildRows(
    db,
    rows,
    (r) => r.childId ?? agency.id,
    mode,
    async (keys) => {
      const names = await agencyNames(
        db,
        keys.filter((k) => k !== agency.id),
      );
      names.set(agency.id, { name: agency.name, drill: { kind: 'people', id: agency.id } });
      return names;
    },
  );
  return { level: 'agency', title: { id: agency.id, name: agency.name }, ...body };
}

/** Row key of results without a post, and of those without a role category (as the summaries store them). */
export const NO_POSITION = 'none';

/**
 * A subtree by role category or by position (the finest summary, which
 * consolidation keeps for exactly this): rows are the categories or posts,
 * columns the competencies or their groups.
 */
export async function dimensionBreakdown(
  db: Db,
  actor: Actor,
  cycleId: string,
  dimension: 'role_category' | 'position',
  agencyId: string | undefined,
  mode: ColumnMode,
): Promise<Breakdown> {
  await assertCycleReadable(db, actor, cycleId);
  const path = await subtreePath(db, actor, agencyId);
  const agency = agencyId ? await db.selectFrom('agencies').select(['id', 'name']).where('id', '=', agencyId).executeTakeFirstOrThrow() : undefined;
  const rows = await repo.dimensionTable(db, actor, cycleId, path, dimension === 'position' ? 'position_id' : 'role_category');
  const body = await buildRows(
    db,
    rows,
    (r) => r.key ?? NO_POSITION,
    mode,
    async (keys) => {
      if (dimension === 'role_category') return new Map(keys.map((k) => [k, { name: k, drill: null }]));
      const posts = await db
        .selectFrom('positions')
        .select(['id', 'title_vi'])
        .where('id', 'in', keys.filter((k) => k !== NO_POSITION).concat([NIL_UUID]))
        .execute();
      return new Map(posts.map((p) => [p.id, { name: p.title_vi, drill: null }]));
    },
  );
  return { level: dimension, title: { id: agency?.id ?? null, name: agency?.name ?? '' }, ...body };
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

async function agencyNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; drill: Drill }>();
  const agencies = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(agencies.map((a) => [a.id, { name: a.name, drill: { kind: 'agency' as const, id: a.id } }]));
}

/** The people of one agency (not its subtree) with their needs in a cycle. */
export async function agencyPeople(db: Db, actor: Actor, cycleId: string, agencyId: string, search?: string) {
  await assertCycleReadable(db, actor, cycleId);
  const agency = await db.selectFrom('agencies').select(['id', 'name', 'path']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency || !isInScope(actor, agency.path)) throw notFound();
  const folded = search ? `%${foldForSearch(search)}%` : null;
  const required = sql`r.required_level`,
    assessed = sql`r.assessed_level`;
  const { rows } = await sql<{
    personId: string;
    fullName: string;
    staffCode: string;
    competencies: number;
    needs: number;
    sumWeightedNeed: number;
    sumGap: number;
  }>`
    SELECT p.id AS "personId", p.full_name AS "fullName", p.staff_code AS "staffCode",
           count(*)::int AS competencies,
           (count(*) FILTER (WHERE ${isNeedSql(required, assessed)}))::int AS needs,
           COALESCE(sum(${weightedNeedSql(required, assessed, sql`r.criticality`)}), 0)::float8 AS "sumWeightedNeed",
           COALESCE(sum(${positiveGapSql(required, assessed)}), 0)::float8 AS "sumGap"
    FROM assessment_results r JOIN people p ON p.id = r.person_id
    WHERE r.cycle_id = ${cycleId} AND r.agency_id = ${agencyId} AND r.required_level IS NOT NULL
      AND (${folded}::text IS NULL OR p.search_name LIKE ${folded})
    GROUP BY p.id, p.full_name, p.staff_code, p.name_sort_key
    ORDER BY p.name_sort_key COLLATE "C", p.staff_code`.execute(db);
  return {
    agency: { id: agency.id, name: agency.name },
    people: rows.map((row) => ({ ...row, sumWeightedNeed: Math.round(row.sumWeightedNeed * 100) / 100, sumGap: Math.round(row.sumGap * 100) / 100 })),
  };
}

/**
 * Cycles a caller may look at: those run inside their subtree, those run above
 * them (a provincial cycle covers their agency too), and any that assessed
 * people of their subtree (a national cycle run by the ministry).
 */
export async function visibleCycles(db: Db, actor: Actor) {
  const mine = escapeLike(actor.agencyPath) + '%';
  const { rows } = await sql<z.infer<typeof schema.needsCycle>>`
    SELECT c.id, c.name, c.name_en AS "nameEn", c.year, c.opens_on AS "opensOn", c.closes_on AS "closesOn", c.status, c.kind, a.name AS "agencyName"
    FROM assessment_cycles c JOIN agencies a ON a.id = c.agency_id
    WHERE ${
      actor.role === 'national_admin'
        ? sql`true`
        : sql`(a.path LIKE ${mine} OR ${actor.agencyPath} LIKE a.path || '%'
       OR EXISTS (SELECT 1 FROM needs_summary_people s WHERE s.cycle_id = c.id AND s.agency_path LIKE ${mine}))`
    }
      ${assessmentPolicy.seesUnpublishedResults(actor, { agencyPath: actor.agencyPath }) ? sql`` : sql`AND c.status = 'closed'`}
    -- Follow-ups after training last: the first is the one the dashboard opens on, the newest full cycle.
    ORDER BY c.kind = 'follow_up', c.opens_on DESC, c.name`.execute(db);
  return rows;
}

/** One person's gap profile in a cycle (the newest cycle with results when none is named). */
export async function personGapProfile(db: Db, actor: Actor, personId: string, cycleId?: string) {
  // One prepared statement (the embedded engine pays ~0.7 ms a round trip, and
  // more to plan): the person, and their results in the latest cycle they were
  // assessed in and the latest closed one; which of the two the caller sees is
  // decided below, by policy, once the person's agency is known.
  const { rows } = await sql<ProfileRow>`${preparedAs('needs_person_profile')}
    WITH person AS (
      SELECT p.id, p.full_name, p.staff_code, a.name AS agency_name, a.path AS agency_path
      FROM people p JOIN agencies a ON a.id = p.agency_id WHERE p.id = ${personId}),
    cycles AS (
      SELECT DISTINCT ON (c.status = 'closed') c.id, c.name, c.opens_on, c.status = 'closed' AS closed
      FROM assessment_cycles c
      WHERE EXISTS (SELECT 1 FROM assessment_results r WHERE r.cycle_id = c.id AND r.person_id = ${personId})
        -- Unnamed, the newest full cycle: a follow-up after training rates only the trained competencies.
        AND (${cycleId ?? null}::uuid IS NULL AND c.kind <> 'follow_up' OR c.id = ${cycleId ?? null}::uuid)
      ORDER BY c.status = 'closed', c.opens_on DESC)
    SELECT person.*, k.id AS cycle_id, k.name AS cycle_name, k.opens_on, k.closed,
           r.competency_id, r.required_level, r.assessed_level, r.criticality
    FROM person LEFT JOIN (cycles k JOIN assessment_results r ON r.cycle_id = k.id AND r.person_id = ${personId}) ON true`.execute(db);
  const first = rows[0];
  if (!first) throw notFound();
  const person = { id: first.id, fullName: first.full_name, staffCode: first.staff_code, agencyName: first.agency_name };
  const scoped = { ...person, agencyPath: first.agency_path };
  if (!peoplePolicy.canRead(actor, scoped)) throw notFound();
  const visible = rows.filter((r) => r.cycle_id !== null && (r.closed || assessmentPolicy.seesUnpublishedResults(actor, scoped)));
  const latest = visible.reduce<ProfileRow | undefined>((best, r) => (!best || r.opens_on! > best.opens_on! ? r : best), undefined);
  if (!latest) return { person, cycle: null, gaps: [], meetsProfile: null };
  const results = visible.filter((r) => r.cycle_id === latest.cycle_id);
  const catalogue = await loadCompetencyCatalogue(
    db,
    results.map((r) => r.competency_id!),
  );
  const gaps = computeGaps(
    results.map((r) => ({ competencyId: r.competency_id!, requiredLevel: r.required_level, assessedLevel: r.assessed_level!, criticality: r.criticality })),
  )
    .map((g) => ({ ...g, competency: catalogue.get(g.competencyId) ?? null }))
    .sort((a, b) => (a.competency?.order ?? 0) - (b.competency?.order ?? 0));
  return {
    person,
    cycle: { id: latest.cycle_id!, name: latest.cycle_name!, opensOn: latest.opens_on! },
    gaps,
    meetsProfile: meetsProfile(gaps),
  };
}

interface ProfileRow {
  id: string;
  full_name: string;
  staff_code: string;
  agency_name: string;
  agency_path: string;
  cycle_id: string | null;
  cycle_name: string | null;
  opens_on: string | null;
  closed: boolean | null;
  competency_id: string | null;
  required_level: number | null;
  assessed_level: number | null;
  criticality: number | null;
}

/** Trend across cycles in a subtree: share meeting the profile and the mean gap per cycle. */
export async function needsTrend(db: Db, actor: Actor, agencyId: string | undefined) {
  const path = await subtreePath(db, actor, agencyId);
  const [people, competencies, cycles] = await Promise.all([
    repo.profileTrend(db, actor, path),
    repo.competencyTrend(db, actor, path),
    visibleCycles(db, actor),
  ]);
  const byCycle = new Map<string, SummaryMeasures>();
  for (const row of competencies) byCycle.set(row.cycleId, addMeasures(byCycle.get(row.cycleId) ?? EMPTY_MEASURES, row));
  return (
    cycles
      // A follow-up after training rates a few trained competencies: not a point of the whole-profile trend.
      .filter((c) => byCycle.has(c.id) && c.kind !== 'follow_up')
      .map((c) => {
        const p = people.find((row) => row.cycleId === c.id);
        const figures = toFigures(byCycle.get(c.id)!);
        return {
          cycle: { id: c.id, name: c.name, nameEn: c.nameEn, opensOn: c.opensOn },
          people: p?.people ?? 0,
          meetingProfile: p?.meetingProfile ?? 0,
          meetingShare: p && p.people > 0 ? Math.round((p.meetingProfile / p.people) * 1000) / 1000 : 0,
          // Over person x competency results: share of results that are needs, mean positive gap.
          needShare: figures.needShare,
          meanGap: figures.meanGap,
        };
      })
      .sort((a, b) => a.cycle.opensOn.localeCompare(b.cycle.opensOn))
  );
}

/** The path of a subtree the caller may see: theirs by default, the whole country for a national administrator. */
export async function subtreePath(db: Db, actor: Actor, agencyId: string | undefined): Promise<string> {
  if (!agencyId) return actor.role === 'national_admin' ? '/' : actor.agencyPath;
  const agency = await db.selectFrom('agencies').select('path').where('id', '=', agencyId).executeTakeFirst();
  if (!agency || !isInScope(actor, agency.path)) throw notFound();
  return agency.path;
}

/** Target groups of a subtree in a cycle, from the consolidated results (see target-groups.ts for the method). */
export async function targetGroups(db: Db, actor: Actor, cycleId: string, agencyId: string | undefined, options: TargetGroupOptions) {
  // As the breakdown: an open cycle's results only for those who see unpublished results.
  await assertCycleReadable(db, actor, cycleId);
  const path = await subtreePath(db, actor, agencyId);
  const { rows } = await sql<{ personId: string; agencyId: string; competencyId: string; gap: number; criticality: number | null }>`
    SELECT r.person_id AS "personId", r.agency_id AS "agencyId", r.competency_id AS "competencyId",
           (r.required_level - r.assessed_level)::float8 AS gap, r.criticality
    FROM assessment_results r JOIN agencies a ON a.id = r.agency_id
    WHERE r.cycle_id = ${cycleId} AND a.path LIKE ${escapeLike(path) + '%'} AND r.required_level > r.assessed_level`.execute(db);
  const people = new Map<string, PersonNeeds>();
  for (const row of rows) {
    const person = people.get(row.personId) ?? { personId: row.personId, agencyId: row.agencyId, needs: [] };
    const weighted = Math.round(row.gap * (row.criticality ?? DEFAULT_CRITICALITY) * 100) / 100;
    (person.needs as Array<PersonNeeds['needs'][number]>).push({
      competencyId: row.competencyId,
      gap: Math.round(row.gap * 100) / 100,
      weightedNeed: weighted,
    });
    people.set(row.personId, person);
  }
  const groups = buildTargetGroups([...people.values()], options);
  const catalogue = await loadCompetencyCatalogue(db, [...new Set(rows.map((r) => r.competencyId))]);
  const agencyIds = [...new Set(groups.flatMap((g) => g.agencies.map((a) => a.agencyId)))];
  const agencies = agencyIds.length ? await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute() : [];
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  // Members by name: every one is in the caller's subtree (the results above are), so HR may read them as on the people list.
  const memberIds = groups.flatMap((g) => g.personIds);
  const records = memberIds.length
    ? await db.selectFrom('people').select(['id', 'full_name', 'staff_code', 'name_sort_key']).where('id', 'in', memberIds).execute()
    : [];
  const personOf = new Map(records.map((p) => [p.id, p]));
  const membersOf = (g: (typeof groups)[number]) =>
    g.personIds
      .flatMap((id) => {
        const p = personOf.get(id);
        const agency = people.get(id)?.agencyId;
        return p
          ? [
              {
                personId: id,
                fullName: p.full_name,
                staffCode: p.staff_code,
                agencyName: agency ? (agencyName.get(agency) ?? '') : '',
                sortKey: p.name_sort_key ?? '',
              },
            ]
          : [];
      })
      // The register's order: Vietnamese given name first (name_sort_key is built for a byte-wise comparison).
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.staffCode.localeCompare(b.staffCode)))
      .map(({ sortKey: _sortKey, ...member }) => member);
  return groups.map((g) => ({
    key: g.key,
    size: g.size,
    signature: g.signature.map((id) => catalogue.get(id)?.code ?? id),
    sharedGaps: g.sharedGaps.map((s) => ({ ...s, code: catalogue.get(s.competencyId)?.code ?? '', name: catalogue.get(s.competencyId)?.name ?? null })),
    agencies: g.agencies.map((a) => ({ ...a, name: agencyName.get(a.agencyId) ?? '' })),
    personIds: g.personIds,
    members: membersOf(g),
  }));
}

/** What a target-group export is titled with: the cycle's name and the subtree's, in the caller's language. */
export async function targetGroupsHeader(db: Db, actor: Actor, cycleId: string, agencyId: string | undefined, language: 'vi' | 'en') {
  const cycle = await db.selectFrom('assessment_cycles').select(['name', 'name_en']).where('id', '=', cycleId).executeTakeFirstOrThrow();
  const agency = agencyId ? await db.selectFrom('agencies').select(['name', 'name_en']).where('id', '=', agencyId).executeTakeFirst() : undefined;
  const scopeName = agency
    ? (language === 'en' && agency.name_en) || agency.name
    : actor.role === 'national_admin'
      ? language === 'en'
        ? 'Whole country'
        : 'Cả nước'
      : actor.agencyName;
  return { cycleName: (language === 'en' && cycle.name_en) || cycle.name, scopeName };
}
