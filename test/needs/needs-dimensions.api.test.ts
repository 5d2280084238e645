import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seedDemoAssessments } from '../../src/dataset/demo-assessments.js';
import { computeGaps } from '../../src/modules/needs/gaps.js';
import { escapeLike } from '../../src/platform/text/like.js';

let t: TestApp;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoAssessments(t.db);
  cycleId = (
    await t.db
      .selectFrom('assessment_cycles')
      .select('id')
      .where('status', '=', 'closed')
      .where('kind', '<>', 'follow_up')
      .orderBy('opens_on', 'desc')
      .executeTakeFirstOrThrow()
  ).id;
  // The demo city's two cycles are rated and consolidated here: minutes on a loaded machine.
}, 300_000);
afterAll(() => t.close());

interface Totals {
  people: number;
  needs: number;
  meanGap: number;
  meanWeightedNeed: number;
}

/** The breakdown's row totals computed from the raw results with computeGaps, not from the summaries. */
async function fromResults(subtreePath: string, dimension: 'role_category' | 'position_id'): Promise<Record<string, Totals>> {
  const { rows } = await sql<{ key: string | null; competency_id: string; required_level: number; assessed_level: number; criticality: number | null }>`
    SELECT ${dimension === 'role_category' ? sql`COALESCE(r.role_category, 'unknown')` : sql`r.position_id::text`} AS key,
           r.competency_id, r.required_level, r.assessed_level, r.criticality
    FROM assessment_results r JOIN agencies a ON a.id = r.agency_id
    WHERE r.cycle_id = ${cycleId} AND r.required_level IS NOT NULL AND a.path LIKE ${escapeLike(subtreePath) + '%'}`.execute(t.db);
  const sums = new Map<string, { people: number; needs: number; gap: number; weighted: number }>();
  for (const row of rows) {
    const [g] = computeGaps([
      { competencyId: row.competency_id, requiredLevel: row.required_level, assessedLevel: row.assessed_level, criticality: row.criticality },
    ]);
    const key = row.key ?? 'none';
    const s = sums.get(key) ?? { people: 0, needs: 0, gap: 0, weighted: 0 };
    sums.set(key, { people: s.people + 1, needs: s.needs + (g!.isNeed ? 1 : 0), gap: s.gap + Math.max(g!.gap, 0), weighted: s.weighted + g!.weightedNeed });
  }
  return Object.fromEntries(
    [...sums].map(([k, s]) => [k, { people: s.people, needs: s.needs, meanGap: s.gap / s.people, meanWeightedNeed: s.weighted / s.people }]),
  );
}

const totalsOf = (body: { rows: Array<{ key: string; total: Totals }> }) =>
  Object.fromEntries(
    body.rows.map((r) => [r.key, { people: r.total.people, needs: r.total.needs, meanGap: r.total.meanGap, meanWeightedNeed: r.total.meanWeightedNeed }]),
  );

describe('needs by role category and by position', () => {
  it('equal a computation from the raw results, country-wide and in an HR officer’s subtree', async () => {
    const admin = await t.signIn('admin');
    const hr = await t.signIn('hr.hanoi');
    const hanoiPath = (
      await t.db
        .selectFrom('users as u')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .select('a.path')
        .where('u.username', '=', 'hr.hanoi')
        .executeTakeFirstOrThrow()
    ).path;
    for (const [agent, path] of [
      [admin, '/'],
      [hr, hanoiPath],
    ] as const) {
      for (const [dimension, column] of [
        ['role_category', 'role_category'],
        ['position', 'position_id'],
      ] as const) {
        const res = await agent.get(`/api/needs/breakdown-by?cycleId=${cycleId}&dimension=${dimension}&columns=competency`);
        expect(res.statusCode).toBe(200);
        expect(res.json().level).toBe(dimension);
        const expected = await fromResults(path, column);
        expect(Object.keys(expected).length).toBeGreaterThan(0);
        // Counts exactly; the means as the API rounds them to two decimals (a mean that falls on a half,
        // 0.285, may round either way after a float sum, so it is within half a hundredth of the exact mean).
        const got = totalsOf(res.json());
        expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
        for (const [key, want] of Object.entries(expected)) {
          expect({ key, people: got[key]!.people, needs: got[key]!.needs }).toEqual({ key, people: want.people, needs: want.needs });
          expect(Math.abs(got[key]!.meanGap - want.meanGap), `${key} meanGap`).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(Math.abs(got[key]!.meanWeightedNeed - want.meanWeightedNeed), `${key} meanWeightedNeed`).toBeLessThanOrEqual(0.005 + 1e-9);
        }
      }
    }
  });

  it('names positions by their title and answers 404 for an agency out of scope', async () => {
    const hr = await t.signIn('hr.hanoi');
    const body = (await hr.get(`/api/needs/breakdown-by?cycleId=${cycleId}&dimension=position`)).json();
    const titled = body.rows.filter((r: { key: string }) => r.key !== 'none');
    expect(titled.length).toBeGreaterThan(0);
    for (const row of titled) expect(row.name).not.toBe(row.key);
    const danang =
      (await t.db.selectFrom('agencies').select('id').where('code', '=', 'SNV-DN').executeTakeFirst()) ??
      (await t.db
        .selectFrom('users as u')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .select('a.id')
        .where('u.username', '=', 'hr.danang')
        .executeTakeFirstOrThrow());
    const res = await hr.get(`/api/needs/breakdown-by?cycleId=${cycleId}&dimension=role_category&agencyId=${danang.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
