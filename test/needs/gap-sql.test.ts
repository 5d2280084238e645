import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/platform/db/engine.js';
import { computeGaps, isNeedSql, positiveGapSql, weightedNeedSql, type CompetencyStanding } from '../../src/modules/needs/gaps.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * The gap rules exist once in TypeScript (computeGaps) and once as SQL
 * fragments (the summaries, the per-agency lists): both must give the same
 * answer on every kind of case, run through the real database with the
 * results table's column types (numeric(4,2) assessed, smallint required and
 * criticality).
 */
const cases: Array<[required: number, assessed: number, criticality: number | null]> = [
  [4, 2.6, 3],
  [3, 3.4, 1],
  [3, 2, null],
  [3, 3, 2],
  [5, 1, 3],
  [1, 4.5, null],
  [2, 1.99, 1],
  [4, 3.75, null],
  [5, 0.01, 2],
  [3, 2.5, 3],
  [2, 2.01, null],
];

describe('gap rules in SQL and in TypeScript', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('give the same need, gap and weighted need', async () => {
    const values = sql.join(cases.map(([r, a, c], i) => sql`(${i}::int, ${r}::smallint, ${a}::numeric(4,2), ${c}::smallint)`));
    const required = sql`v.required_level`,
      assessed = sql`v.assessed_level`;
    const { rows } = await sql<{ i: number; is_need: boolean; gap: number; weighted: number }>`
      SELECT v.i, ${isNeedSql(required, assessed)} AS is_need, ${positiveGapSql(required, assessed)}::float8 AS gap,
             ${weightedNeedSql(required, assessed, sql`v.criticality`)}::float8 AS weighted
      FROM (VALUES ${values}) AS v(i, required_level, assessed_level, criticality) ORDER BY v.i`.execute(database.db);

    const standings: CompetencyStanding[] = cases.map(([requiredLevel, assessedLevel, criticality], i) => ({
      competencyId: String(i),
      requiredLevel,
      assessedLevel,
      criticality,
    }));
    const expected = computeGaps(standings).map((g) => ({ isNeed: g.isNeed, gap: Math.max(g.gap, 0), weighted: g.weightedNeed }));
    const round2 = (n: number) => Math.round(n * 100) / 100;
    expect(rows.map((r) => ({ isNeed: r.is_need, gap: round2(r.gap), weighted: round2(r.weighted) }))).toEqual(expected);
  });
});
