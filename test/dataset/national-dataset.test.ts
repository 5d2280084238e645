// The synthetic national data set (issue 7) at a small size: what it holds and
// that its summaries agree with its raw data, as the benchmarks assume.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNationalDataset, NATIONAL_SCALE } from '../../src/dataset/national-dataset.js';
import { createTestDatabase } from '../support/test-database.js';
import type { OpenDatabase } from '../../src/platform/db/engine.js';

let database: OpenDatabase;
let built: Awaited<ReturnType<typeof buildNationalDataset>>;
beforeAll(async () => {
  database = await createTestDatabase();
  built = await buildNationalDataset(database.db, { ...NATIONAL_SCALE, people: 600, chunk: 250, log: () => {} });
}, 300_000);
afterAll(() => database?.close());

describe('the synthetic national data set', () => {
  it('holds the people, positions with profiles and two consolidated cycles asked for', async () => {
    const db = database.db;
    expect(built.cycles).toHaveLength(2);
    const {
      rows: [counts],
    } = await sql<{ generated: number; posts: number; placed: number; profiles: number }>`
      SELECT (SELECT count(*) FROM people WHERE staff_code LIKE 'DM-%')::int AS generated,
             (SELECT count(*) FROM positions WHERE code LIKE 'NL-VTVL-%')::int AS posts,
             (SELECT count(*) FROM people WHERE staff_code LIKE 'DM-%' AND position_id IS NOT NULL)::int AS placed,
             (SELECT count(DISTINCT position_id) FROM position_requirements)::int AS profiles`.execute(db);
    expect(counts!.generated).toBe(600);
    expect(counts!.posts).toBe(500);
    expect(counts!.placed).toBeGreaterThan(540);
    expect(counts!.profiles).toBeGreaterThanOrEqual(500);
    // Every subject rates themselves and has at least three other raters (three peers, one of whom may be the
    // leader) where the agency has enough people: about five raters a person at national scale, where an agency
    // holds ~70. Every rater rates every competency of the form.
    for (const cycleId of built.cycles) {
      const {
        rows: [raters],
      } = await sql<{ subjects: number; without_self: number; short_of_peers: number; unrated: number; results: number; expected: number }>`
        WITH size AS (SELECT agency_id, count(*) AS n FROM assessment_subjects WHERE cycle_id = ${cycleId} GROUP BY agency_id)
        SELECT (SELECT count(*) FROM assessment_subjects WHERE cycle_id = ${cycleId})::int AS subjects,
               (SELECT count(*) FROM assessment_subjects s WHERE s.cycle_id = ${cycleId} AND NOT EXISTS (
                  SELECT 1 FROM assessment_assignments x WHERE x.cycle_id = s.cycle_id AND x.subject_id = s.person_id AND x.source = 'self'))::int AS without_self,
               (SELECT count(*) FROM assessment_subjects s JOIN size ON size.agency_id = s.agency_id WHERE s.cycle_id = ${cycleId} AND size.n > 3 AND (
                  SELECT count(*) FROM assessment_assignments x WHERE x.cycle_id = s.cycle_id AND x.subject_id = s.person_id AND x.source IN ('peer', 'leader')) < 3)::int AS short_of_peers,
               (SELECT count(*) FROM assessment_assignments x WHERE x.cycle_id = ${cycleId}
                  AND (SELECT count(*) FROM assessment_ratings r WHERE r.assignment_id = x.id) <> (SELECT jsonb_array_length(s.competency_ids) FROM assessment_subjects s WHERE s.cycle_id = x.cycle_id AND s.person_id = x.subject_id))::int AS unrated,
               (SELECT count(*) FROM assessment_results WHERE cycle_id = ${cycleId})::int AS results,
               (SELECT sum(jsonb_array_length(competency_ids)) FROM assessment_subjects WHERE cycle_id = ${cycleId})::int AS expected`.execute(db);
      expect(raters!.subjects).toBeGreaterThan(540);
      expect(raters!.without_self).toBe(0);
      expect(raters!.short_of_peers).toBe(0);
      expect(raters!.unrated).toBe(0);
      expect(raters!.results).toBe(raters!.expected);
    }
  });

  it('has summaries that equal the same figures computed from the raw results', async () => {
    const db = database.db;
    for (const cycleId of built.cycles) {
      const { rows: diff } = await sql`
        WITH raw AS (
          SELECT COALESCE(u.current_province_id, u.province_id, 'central') AS province, r.competency_id, count(*)::int AS people,
                 (count(*) FILTER (WHERE r.required_level > r.assessed_level))::int AS needs
          FROM assessment_results r JOIN agencies a ON a.id = r.agency_id LEFT JOIN admin_units u ON u.id = a.admin_unit_id
          WHERE r.cycle_id = ${cycleId} AND r.required_level IS NOT NULL GROUP BY 1, 2),
        kept AS (SELECT province_id AS province, competency_id, people, needs FROM needs_summary_province WHERE cycle_id = ${cycleId} AND geography = 'current')
        SELECT * FROM raw FULL JOIN kept USING (province, competency_id)
        WHERE raw.people IS DISTINCT FROM kept.people OR raw.needs IS DISTINCT FROM kept.needs`.execute(db);
      expect(diff).toEqual([]);
    }
  });

  it('shows the training that happened between the cycles: fewer needs in the second', async () => {
    const needShare = async (cycleId: string) =>
      (
        await sql<{
          share: number;
        }>`SELECT sum(needs)::float / sum(people) AS share FROM needs_summary_province WHERE cycle_id = ${cycleId} AND geography = 'current'`.execute(
          database.db,
        )
      ).rows[0]!.share;
    expect(await needShare(built.cycles[1]!)).toBeLessThan(await needShare(built.cycles[0]!));
  });
});
