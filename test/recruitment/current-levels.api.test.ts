// Each person's current assessed levels (migrations 0035, 0044: one row a person, the levels packed as text,
// promotion/current-levels.ts) equal the levels recomputed from the results the way the gap profile chooses them —
// after a consolidation, after a re-consolidation, after a newer cycle, a follow-up (which never counts) and a
// cycle reopened and closed again.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateCycle } from '../../src/modules/assessment/consolidate.service.js';
import { updateCycle } from '../../src/modules/assessment/cycles.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { consolidatedCycle, world } from '../support/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await world(t, { people: 3, competencies: 3 });
});

afterAll(async () => {
  await t.close();
});

/** The rule written out again, from the results: the newest closed full cycle with results, its levels. */
async function recomputed() {
  const { rows } = await sql<{ person_id: string; competency_id: string; cycle_id: string; level: number }>`
    WITH latest AS (
      SELECT DISTINCT ON (s.person_id) s.person_id, s.cycle_id
      FROM assessment_subjects s JOIN assessment_cycles c ON c.id = s.cycle_id
      WHERE c.status = 'closed' AND c.kind <> 'follow_up'
        AND EXISTS (SELECT 1 FROM assessment_results r WHERE r.cycle_id = s.cycle_id AND r.person_id = s.person_id)
      ORDER BY s.person_id, c.opens_on DESC, c.id)
    SELECT r.person_id, r.competency_id, r.cycle_id, r.assessed_level::float8 AS level
    FROM assessment_results r JOIN latest l ON l.person_id = r.person_id AND l.cycle_id = r.cycle_id
    ORDER BY 1, 2`.execute(t.db);
  return rows;
}

/** md5 as PostgreSQL's md5(text)::uuid writes it. */
const md5Uuid = (text: string) =>
  createHash('md5')
    .update(text)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** The packed rows, unpacked into one row a competency (the shape of the recomputation); each row's key checked. */
async function stored() {
  const { rows: packed } = await sql<{ person_id: string; cycle_id: string; competency_ids: string; levels: string; competency_key: string }>`
    SELECT person_id, cycle_id, competency_ids, levels, competency_key FROM recruitment_current_cycles ORDER BY 1`.execute(t.db);
  for (const p of packed) expect(p.competency_key).toBe(md5Uuid(p.competency_ids));
  const rows = packed.flatMap((p) => {
    const levels = p.levels.split(',');
    return p.competency_ids.split(',').map((competency_id, i) => ({ person_id: p.person_id, competency_id, cycle_id: p.cycle_id, level: Number(levels[i]) }));
  });
  expect(rows.every((r) => Number.isFinite(r.level))).toBe(true);
  rows.sort((a, b) => (a.person_id + a.competency_id < b.person_id + b.competency_id ? -1 : 1));
  return { rows, cycles: packed.map(({ person_id, cycle_id }) => ({ person_id, cycle_id })) };
}

async function expectInStep() {
  const want = await recomputed();
  const got = await stored();
  expect(got.rows).toEqual(want);
  expect(got.cycles).toEqual([...new Map(want.map((r) => [r.person_id, { person_id: r.person_id, cycle_id: r.cycle_id }])).values()]);
  return want;
}

describe('current levels', () => {
  const ids = () => w.staff.map((s) => s.id);
  let first: string;

  it('follow a consolidation once its cycle is closed', async () => {
    const c = await consolidatedCycle(t, {
      hr: w.hr,
      framework: w.framework,
      personIds: ids(),
      levels: (s, k) => 1 + ((s + k) % 5),
      input: { opensOn: '2025-01-10' },
    });
    first = c.id;
    // Open: not yet anyone's current levels.
    expect((await stored()).rows).toEqual([]);
    await updateCycle(t.db, w.hr.actor, c.id, { status: 'closed' });
    const levels = await expectInStep();
    expect(levels).toHaveLength(9);
  });

  it('follow a re-consolidation of the closed cycle', async () => {
    await sql`
      UPDATE assessment_ratings SET level = 5
      WHERE assignment_id IN (SELECT id FROM assessment_assignments WHERE cycle_id = ${first} AND subject_id = ${w.staff[0]!.id})`.execute(t.db);
    const before = await stored();
    await consolidateCycle(t.db, w.hr.actor, first);
    const after = await expectInStep();
    expect(after).not.toEqual(before.rows);
    expect(after.filter((r) => r.person_id === w.staff[0]!.id).every((r) => r.level === 5)).toBe(true);
  });

  it('move to a newer closed cycle, skip a follow-up, and fall back when the newer one reopens', async () => {
    const newer = await consolidatedCycle(t, {
      hr: w.hr,
      framework: w.framework,
      personIds: ids().slice(0, 2),
      levels: () => 2,
      input: { opensOn: '2026-01-10' },
    });
    await updateCycle(t.db, w.hr.actor, newer.id, { status: 'closed' });
    expect((await expectInStep()).filter((r) => r.cycle_id === newer.id)).toHaveLength(6);
    await updateCycle(t.db, w.hr.actor, newer.id, { kind: 'follow_up' });
    expect((await expectInStep()).every((r) => r.cycle_id === first)).toBe(true);
    await updateCycle(t.db, w.hr.actor, newer.id, { kind: 'ad_hoc' });
    expect((await expectInStep()).filter((r) => r.cycle_id === newer.id)).toHaveLength(6);
    await updateCycle(t.db, w.hr.actor, newer.id, { status: 'open' });
    expect((await expectInStep()).every((r) => r.cycle_id === first)).toBe(true);
  });

  it('come back to a cycle closed again, and never take a newer follow-up cycle, consolidated and closed', async () => {
    const newer = await consolidatedCycle(t, {
      hr: w.hr,
      framework: w.framework,
      personIds: ids(),
      levels: (s, k) => 1 + ((2 * s + k) % 5),
      input: { opensOn: '2026-03-10' },
    });
    await updateCycle(t.db, w.hr.actor, newer.id, { status: 'closed' });
    expect((await expectInStep()).every((r) => r.cycle_id === newer.id)).toBe(true);
    await updateCycle(t.db, w.hr.actor, newer.id, { status: 'open' });
    expect((await expectInStep()).some((r) => r.cycle_id === newer.id)).toBe(false);
    await updateCycle(t.db, w.hr.actor, newer.id, { status: 'closed' });
    const back = await expectInStep();
    expect(back.every((r) => r.cycle_id === newer.id)).toBe(true);

    // A follow-up after training opens later and rates only some competencies: it must not count.
    const followUp = await consolidatedCycle(t, {
      hr: w.hr,
      framework: w.framework,
      personIds: ids(),
      levels: () => 5,
      input: { opensOn: '2026-09-01', kind: 'follow_up' },
    });
    await updateCycle(t.db, w.hr.actor, followUp.id, { status: 'closed' });
    expect(await expectInStep()).toEqual(back);
    // Packed: one row a person, each with every competency of the cycle.
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM recruitment_current_cycles`.execute(t.db);
    expect(rows[0]!.n).toBe(3);
    expect(back).toHaveLength(9);
  });
});
