import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seedDemoAssessments } from '../../src/dataset/demo-assessments.js';
import { nationalAdmin } from '../../src/dataset/national-dataset.js';
import { consolidateCycle } from '../../src/modules/assessment/consolidate.service.js';
import { rebuildCycleSummaries, rebuildNeedsSummaries } from '../../src/modules/needs/summaries.js';
import type { Db } from '../../src/platform/db/engine.js';

let t: TestApp;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoAssessments(t.db);
  // The newest cycle of the whole demo (not a follow-up after training, which covers a few trainees).
  cycleId = (await t.db.selectFrom('assessment_cycles').select('id').where('kind', '<>', 'follow_up').orderBy('opens_on', 'desc').executeTakeFirstOrThrow()).id;
  // The demo city's two cycles are rated and consolidated here: minutes on a loaded machine.
}, 300_000);
afterAll(() => t.close());

/** Every summary row of the cycle, in a fixed order, measures as numbers. */
async function summaries(db: Db) {
  const measures = sql`people, needs, sum_gap::float8 AS sum_gap, sum_weighted_need::float8 AS sum_weighted_need,
                       sum_assessed::float8 AS sum_assessed, sum_required::float8 AS sum_required`;
  const finest = await sql`SELECT agency_id, agency_path, position_id, role_category, competency_id, ${measures} FROM needs_summary
                           WHERE cycle_id = ${cycleId} ORDER BY 1, 3, 4, 5`.execute(db);
  const agency = await sql`SELECT agency_id, admin_unit_id, province_id, current_province_id, competency_id, ${measures} FROM needs_summary_agency
                           WHERE cycle_id = ${cycleId} ORDER BY 1, 5`.execute(db);
  const province = await sql`SELECT geography, province_id, competency_id, ${measures} FROM needs_summary_province
                             WHERE cycle_id = ${cycleId} ORDER BY 1, 2, 3`.execute(db);
  const people = await sql<{
    agency_id: string;
    people: number;
    meeting_profile: number;
  }>`SELECT agency_id, people, meeting_profile FROM needs_summary_people WHERE cycle_id = ${cycleId} ORDER BY 1`.execute(db);
  return { finest: finest.rows, agency: agency.rows, province: province.rows, people: people.rows };
}

describe('summaries kept by per-person deltas', () => {
  it('equal a rebuild from the results after people change post, category and agency between consolidations', async () => {
    const admin = await nationalAdmin(t.db);
    const {
      rows: [mover, promoted],
    } = await sql<{ id: string; agency_id: string }>`
      SELECT p.id, p.agency_id FROM people p JOIN assessment_results r ON r.person_id = p.id AND r.cycle_id = ${cycleId}
      GROUP BY p.id, p.agency_id, p.staff_code ORDER BY p.staff_code LIMIT 2`.execute(t.db);
    const elsewhere = (
      await t.db
        .selectFrom('needs_summary_people')
        .select('agency_id as id')
        .where('cycle_id', '=', cycleId)
        .where('agency_id', '<>', mover!.agency_id)
        .orderBy('agency_id')
        .executeTakeFirstOrThrow()
    ).id;
    const otherPosition = (await t.db.selectFrom('positions').select('id').orderBy('code', 'desc').executeTakeFirstOrThrow()).id;
    // Between the two consolidations: one person moves agency, another changes post and role category.
    await sql`UPDATE people SET agency_id = ${elsewhere} WHERE id = ${mover!.id}`.execute(t.db);
    await sql`UPDATE people SET position_id = ${otherPosition}, role_category = 'support' WHERE id = ${promoted!.id}`.execute(t.db);
    const before = await summaries(t.db);

    await consolidateCycle(t.db, admin, cycleId, [mover!.id, promoted!.id]);
    const byDeltas = await summaries(t.db);
    expect(byDeltas).not.toEqual(before);
    const moved = await sql<{ people: number }>`SELECT people FROM needs_summary_people WHERE cycle_id = ${cycleId} AND agency_id = ${elsewhere}`.execute(t.db);
    expect(moved.rows[0]!.people).toBe(before.people.find((r) => r.agency_id === elsewhere)!.people + 1);

    // The same figures rebuilt from scratch from the consolidated results.
    const agencies = (await t.db.selectFrom('agencies').select('id').execute()).map((a) => a.id);
    await t.db.transaction().execute((trx) => rebuildNeedsSummaries(trx, cycleId, agencies));
    expect(await summaries(t.db)).toEqual(byDeltas);
  });

  it('leave the figures unchanged when the same forms are consolidated again', async () => {
    const admin = await nationalAdmin(t.db);
    const before = await summaries(t.db);
    await consolidateCycle(t.db, admin, cycleId);
    expect(await summaries(t.db)).toEqual(before);
  });

  it('are mended by the cycle rebuild (the repair command) after a hand edit', async () => {
    const good = await summaries(t.db);
    await sql`UPDATE needs_summary_province SET people = people + 5 WHERE cycle_id = ${cycleId}`.execute(t.db);
    await sql`DELETE FROM needs_summary WHERE cycle_id = ${cycleId} AND agency_id IN (SELECT agency_id FROM needs_summary LIMIT 1)`.execute(t.db);
    expect(await summaries(t.db)).not.toEqual(good);
    const progress: number[] = [];
    await rebuildCycleSummaries(t.db, cycleId, (done) => progress.push(done));
    expect(progress.length).toBeGreaterThan(0);
    expect(await summaries(t.db)).toEqual(good);
  });

  it('follow an agency moved to another parent, so the new parent’s HR sees its figures and the old one’s no longer does', async () => {
    const admin = await t.signIn('admin');
    const total = async (username: string) => (await (await t.signIn(username)).get(`/api/needs/breakdown?cycleId=${cycleId}`)).json().total.people as number;
    const [hanoi, danang] = [await total('hr.hanoi'), await total('hr.danang')];
    const department = await t.agencyId('HN-SNV');
    const {
      rows: [counted],
    } = await sql<{ people: number }>`
      SELECT sum(people)::int AS people FROM needs_summary_agency WHERE cycle_id = ${cycleId} AND agency_id = ${department}`.execute(t.db);
    expect(counted!.people).toBeGreaterThan(0);
    const moved = await admin.post(`/api/org/agencies/${department}/move`, { parentId: await t.agencyId('DN'), effectiveDate: '2027-01-01' });
    expect(moved.statusCode).toBe(200);
    expect(await total('hr.danang')).toBe(danang + counted!.people);
    expect(await total('hr.hanoi')).toBe(hanoi - counted!.people);
  });
});
