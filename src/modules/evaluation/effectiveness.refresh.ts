import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { timeZone } from '../../platform/clock.js';
import {
  addSums,
  emptySums,
  personObservations,
  sumsOfObservation,
  type CellSums,
  type CourseCompletion,
  type Observation,
  type ResultPoint,
} from './comparison-group.js';

/** The course id of comparison rows and cells (a key column cannot be null). */
export const COMPARISON_COURSE = '00000000-0000-0000-0000-000000000000';
const CHUNK = 500;

interface CellKey {
  agency_id: string;
  competency_id: string;
  gap_band: number;
  role_category: string;
  tier: string;
  course_id: string;
}
const keyString = (k: CellKey) => `${k.agency_id}|${k.competency_id}|${k.gap_band}|${k.role_category}|${k.tier}|${k.course_id}`;

/**
 * Re-derives these people's observations from their consolidated results and
 * completed courses, and moves the summary cells by the difference (the old
 * rows subtracted, the new added): the work is proportional to the people
 * whose results or training changed, never to the whole table. Runs in the
 * transaction of the event that changed them (results consolidated, a course
 * completed), so the figures commit with the change.
 */
export async function refreshEffectObservations(db: Kysely<Database>, personIds: readonly string[], competencyIds?: readonly string[]): Promise<void> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0 || competencyIds?.length === 0) return;
  for (let i = 0; i < unique.length; i += CHUNK) await refreshChunk(db, unique.slice(i, i + CHUNK), competencyIds ? [...new Set(competencyIds)] : null);
}

/**
 * A completion moves only the observations of its course's competencies: an
 * observation of a competency depends on that competency's results and the
 * courses teaching it alone (personObservations), so re-deriving these
 * competencies gives the cells a full re-derivation would, for about 1/56 of
 * the work (measured: the refresh was most of a session close).
 */
export async function refreshCompletedCourse(db: Kysely<Database>, personIds: readonly string[], courseId: string): Promise<void> {
  const competencies = await db.selectFrom('training_course_competencies').select('competency_id').where('course_id', '=', courseId).execute();
  await refreshEffectObservations(
    db,
    personIds,
    competencies.map((c) => c.competency_id),
  );
}

async function refreshChunk(db: Kysely<Database>, ids: string[], competencyIds: string[] | null): Promise<void> {
  const onlyResults = competencyIds ? sql`AND r.competency_id = ANY(${competencyIds}::uuid[])` : sql``;
  const onlyTaught = competencyIds ? sql`AND cc.competency_id = ANY(${competencyIds}::uuid[])` : sql``;
  const { rows: points } = await sql<{
    person_id: string;
    competency_id: string;
    cycle_id: string;
    opens_on: string;
    closes_on: string;
    level: number;
    required_level: number | null;
    role_category: string | null;
    tier: string | null;
    agency_id: string;
  }>`
    SELECT r.person_id, r.competency_id, r.cycle_id, c.opens_on::text AS opens_on, c.closes_on::text AS closes_on,
           r.assessed_level::float8 AS level, r.required_level::float8 AS required_level, r.role_category, pos.tier, r.agency_id
    FROM assessment_results r
    JOIN assessment_cycles c ON c.id = r.cycle_id
    LEFT JOIN positions pos ON pos.id = r.position_id
    WHERE r.person_id = ANY(${ids}::uuid[]) ${onlyResults}`.execute(db);
  const { rows: completions } = await sql<{ person_id: string; course_id: string; completed_on: string; competency_ids: string[] }>`
    SELECT e.person_id, s.course_id, to_char(e.completed_at AT TIME ZONE ${timeZone()}, 'YYYY-MM-DD') AS completed_on,
           array_agg(cc.competency_id::text) AS competency_ids
    FROM training_enrolments e
    JOIN training_sessions s ON s.id = e.session_id
    JOIN training_course_competencies cc ON cc.course_id = s.course_id
    WHERE e.person_id = ANY(${ids}::uuid[]) AND e.status = 'completed' AND e.completed_at IS NOT NULL ${onlyTaught}
    GROUP BY e.id, e.person_id, s.course_id, e.completed_at`.execute(db);

  const resultsByPerson = new Map<string, Map<string, ResultPoint[]>>();
  for (const p of points) {
    const byCompetency = resultsByPerson.get(p.person_id) ?? new Map<string, ResultPoint[]>();
    resultsByPerson.set(p.person_id, byCompetency);
    const list = byCompetency.get(p.competency_id) ?? [];
    byCompetency.set(p.competency_id, list);
    list.push({
      cycleId: p.cycle_id,
      opensOn: p.opens_on,
      closesOn: p.closes_on,
      level: Number(p.level),
      requiredLevel: p.required_level === null ? null : Number(p.required_level),
      roleCategory: p.role_category,
      tier: p.tier,
      agencyId: p.agency_id,
    });
  }
  const completionsByPerson = new Map<string, CourseCompletion[]>();
  for (const k of completions) {
    const list = completionsByPerson.get(k.person_id) ?? [];
    completionsByPerson.set(k.person_id, list);
    list.push({ courseId: k.course_id, completedOn: k.completed_on, competencyIds: k.competency_ids });
  }
  const fresh: Array<Observation & { personId: string }> = [];
  for (const id of ids) {
    const results = resultsByPerson.get(id);
    if (!results) continue;
    for (const o of personObservations(results, completionsByPerson.get(id) ?? [])) fresh.push({ ...o, personId: id });
  }

  const deltas = new Map<string, CellKey & { sums: CellSums }>();
  const move = (key: CellKey, sums: CellSums, sign: number) => {
    const k = keyString(key);
    const entry = deltas.get(k) ?? {
      agency_id: key.agency_id,
      competency_id: key.competency_id,
      gap_band: key.gap_band,
      role_category: key.role_category,
      tier: key.tier,
      course_id: key.course_id,
      sums: emptySums(),
    };
    deltas.set(k, entry);
    addSums(entry.sums, sums, sign);
  };
  const old = await db
    .selectFrom('evaluation_effect_observations')
    .select(['agency_id', 'competency_id', 'gap_band', 'role_category', 'tier', 'course_id', 'before_level', 'after_level'])
    .where('person_id', 'in', ids)
    .$if(competencyIds !== null, (q) => q.where('competency_id', 'in', competencyIds!))
    .execute();
  for (const o of old) move(o, sumsOfObservation({ beforeLevel: Number(o.before_level), afterLevel: Number(o.after_level) }), -1);
  const rows = fresh.map((o) => ({
    person_id: o.personId,
    competency_id: o.competencyId,
    agency_id: o.agencyId,
    course_id: o.courseId ?? COMPARISON_COURSE,
    before_cycle_id: o.beforeCycleId,
    after_cycle_id: o.afterCycleId,
    gap_band: o.gapBand,
    role_category: o.roleCategory,
    tier: o.tier,
    before_level: o.beforeLevel,
    after_level: o.afterLevel,
  }));
  for (const r of rows) move(r, sumsOfObservation({ beforeLevel: r.before_level, afterLevel: r.after_level }), 1);

  if (old.length)
    await db
      .deleteFrom('evaluation_effect_observations')
      .where('person_id', 'in', ids)
      .$if(competencyIds !== null, (q) => q.where('competency_id', 'in', competencyIds!))
      .execute();
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('evaluation_effect_observations')
      .values(rows.slice(i, i + CHUNK))
      .execute();

  const changed = [...deltas.values()].filter((d) => d.sums.n !== 0 || Math.abs(d.sums.sumChange) > 1e-9 || Math.abs(d.sums.sumBefore) > 1e-9);
  if (changed.length === 0) return;
  await moveSums(
    db,
    'evaluation_effect_cells',
    'agency_id',
    changed.map(({ sums, agency_id, ...stratum }) => ({ scope: agency_id, stratum, sums })),
  );
  // The same deltas, summed per scope a ranking is read for (the country, the top agencies and the ones below them).
  const agencyIds = [...new Set(changed.map((d) => d.agency_id))];
  const paths = new Map((await db.selectFrom('agencies').select(['id', 'path']).where('id', 'in', agencyIds).execute()).map((a) => [a.id, a.path] as const));
  const rolled = new Map<string, { scope: string; stratum: Omit<CellKey, 'agency_id'>; sums: CellSums }>();
  for (const { sums, agency_id, ...stratum } of changed) {
    for (const scope of rollupScopes(paths.get(agency_id) ?? '')) {
      const k = `${scope}|${keyString({ ...stratum, agency_id: '' })}`;
      const entry = rolled.get(k) ?? { scope, stratum, sums: emptySums() };
      rolled.set(k, entry);
      addSums(entry.sums, sums);
    }
  }
  await moveSums(db, 'evaluation_effect_rollups', 'scope_id', [...rolled.values()]);
}

/** The zero uuid: the roll-up of the whole country. */
export const NATIONAL_SCOPE = '00000000-0000-0000-0000-000000000000';
/** Agencies this deep or shallower (a top agency, and a ministry or province under it) have a roll-up of their subtree. */
export const ROLLUP_DEPTH = 2;

/** The roll-up scopes an agency's cells count in: the country and its ancestors (itself included) down to ROLLUP_DEPTH. */
function rollupScopes(path: string): string[] {
  return [NATIONAL_SCOPE, ...path.split('/').filter(Boolean).slice(0, ROLLUP_DEPTH)];
}

/**
 * Adds signed sums to a summary table's rows (created when missing), then
 * drops the rows of these keys that are left empty — only those: never a
 * scan of the whole table per refresh.
 */
async function moveSums(
  db: Kysely<Database>,
  table: 'evaluation_effect_cells' | 'evaluation_effect_rollups',
  scopeColumn: 'agency_id' | 'scope_id',
  deltas: ReadonlyArray<{ scope: string; stratum: Omit<CellKey, 'agency_id'>; sums: CellSums }>,
): Promise<void> {
  const columns = [scopeColumn, 'competency_id', 'gap_band', 'role_category', 'tier', 'course_id'] as const;
  const rows = deltas.map(({ scope, stratum, sums }) => ({
    [scopeColumn]: scope,
    ...stratum,
    n: sums.n,
    sum_before: sums.sumBefore,
    sum_after: sums.sumAfter,
    sum_change: sums.sumChange,
    sum_change_sq: sums.sumChangeSq,
  }));
  const t = sql.table(table);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const emptied = await (db as Kysely<any>)
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns([...columns]).doUpdateSet({
          n: sql`${t}.n + excluded.n`,
          sum_before: sql`${t}.sum_before + excluded.sum_before`,
          sum_after: sql`${t}.sum_after + excluded.sum_after`,
          sum_change: sql`${t}.sum_change + excluded.sum_change`,
          sum_change_sq: sql`${t}.sum_change_sq + excluded.sum_change_sq`,
        }),
      )
      .returning([...columns, 'n'])
      .execute();
    const gone = emptied.filter((r) => Number(r.n) <= 0);
    if (gone.length === 0) continue;
    await sql`
      DELETE FROM ${t} x
      USING (SELECT * FROM jsonb_to_recordset(${JSON.stringify(gone)}::jsonb)
             AS k(${sql.ref(scopeColumn)} uuid, competency_id uuid, gap_band smallint, role_category text, tier text, course_id uuid)) k
      WHERE x.${sql.ref(scopeColumn)} = k.${sql.ref(scopeColumn)} AND x.competency_id = k.competency_id AND x.gap_band = k.gap_band
        AND x.role_category = k.role_category AND x.tier = k.tier AND x.course_id = k.course_id AND x.n <= 0`.execute(db);
  }
}

/**
 * Agencies moved: the roll-ups of their old ancestors are stale. Rare (a
 * reorganisation), so the roll-ups are summed again from the cells.
 */
export async function rebuildEffectRollups(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM evaluation_effect_rollups`.execute(db);
  await sql`
    INSERT INTO evaluation_effect_rollups (scope_id, competency_id, gap_band, role_category, tier, course_id,
                                           n, sum_before, sum_after, sum_change, sum_change_sq)
    SELECT s.scope_id, x.competency_id, x.gap_band, x.role_category, x.tier, x.course_id,
           sum(x.n), sum(x.sum_before), sum(x.sum_after), sum(x.sum_change), sum(x.sum_change_sq)
    FROM evaluation_effect_cells x
    JOIN agencies a ON a.id = x.agency_id
    CROSS JOIN LATERAL (VALUES (${NATIONAL_SCOPE}::uuid),
                               (nullif(split_part(a.path, '/', 2), '')::uuid),
                               (nullif(split_part(a.path, '/', 3), '')::uuid)) s(scope_id)
    WHERE s.scope_id IS NOT NULL
    GROUP BY s.scope_id, x.competency_id, x.gap_band, x.role_category, x.tier, x.course_id`.execute(db);
}
