import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { courseEffect, effectEstimates, EFFECT_DIMENSIONS, type EffectScope } from '../../src/modules/evaluation/effectiveness.repository.js';
import { rebuildEffectRollups } from '../../src/modules/evaluation/effectiveness.refresh.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { agency, consolidatedCycle } from '../support/factories.js';
import { complete, enrol, session } from '../training/credentials-fixtures.js';
import { trainedDepartment } from './effectiveness-fixtures.js';

// The roll-ups (migration 0037) hold the cells summed per scope: a ranking read from them must be the
// ranking summed from the cells, for the country, a top agency, the agency below it and an institution.
let t: TestApp;
let w: Awaited<ReturnType<typeof trainedDepartment>>;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await trainedDepartment(t);
  // A second session of the course two months on, for two of the untrained: their comparison rows move to the course.
  setClock('2026-05-04T09:00:00.000Z');
  const s = await session(t, { courseId: w.course.id });
  for (const p of w.untrained.slice(0, 2))
    await complete(t, { enrolmentId: (await enrol(t, { sessionId: s.id, person: p })).id, completedAt: '2026-05-04T09:00:00.000Z' });
  setClock('2026-10-02T03:00:00Z');
  await consolidatedCycle(t, {
    hr: w.hr,
    framework: w.fw,
    personIds: w.staff.map((p) => p.id),
    levels: (i, c) => (i < 8 ? 3 + ((i + c) % 2) : 2 + (i % 2)),
    input: { kind: 'periodic', year: 2026, opensOn: '2026-10-01', closesOn: '2026-11-30' },
  });
  setClock(null);
}, 180_000);
afterAll(() => t?.close());

const scopes = (): Array<[string, EffectScope]> => [
  ['the country', { agencyPath: null, institutionId: null }],
  ['the top agency', { agencyPath: w.root.path, institutionId: null }],
  ['the department below it', { agencyPath: w.dept.path, institutionId: null }],
  ['the institution', { agencyPath: null, institutionId: w.school.id }],
];

/** Equal up to the rounding of summing the same numbers in another order. */
function expectSame(a: unknown, b: unknown) {
  expect(JSON.stringify(a, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v))).toBe(
    JSON.stringify(b, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)),
  );
}

describe('effectiveness roll-ups', () => {
  test('every ranking and course figure read from the roll-ups is the one summed from the cells', async () => {
    for (const [, scope] of scopes()) {
      for (const by of EFFECT_DIMENSIONS) {
        const fromRollups = await effectEstimates(t.db, scope, by);
        expectSame(fromRollups, await effectEstimates(t.db, scope, by, { fromCells: true }));
      }
      expectSame(await courseEffect(t.db, scope, w.course.id), await courseEffect(t.db, scope, w.course.id, { fromCells: true }));
    }
    const national = await effectEstimates(t.db, { agencyPath: null, institutionId: null }, 'course');
    expect(national).toMatchObject([{ key: w.course.id, treatedN: 8 }]);
  });

  test('the roll-ups kept by deltas equal the roll-ups summed again from the cells, and no emptied row is left', async () => {
    const read = () =>
      t.db
        .selectFrom('evaluation_effect_rollups')
        .selectAll()
        .orderBy('scope_id')
        .orderBy('competency_id')
        .orderBy('gap_band')
        .orderBy('role_category')
        .orderBy('tier')
        .orderBy('course_id')
        .execute();
    const kept = await read();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((r) => r.n > 0)).toBe(true);
    const cells = await t.db.selectFrom('evaluation_effect_cells').select('n').execute();
    expect(cells.every((r) => r.n > 0)).toBe(true);
    await rebuildEffectRollups(t.db);
    expectSame(await read(), kept);
  });

  test('an agency deeper than the roll-ups reads its own subtree from the cells', async () => {
    const unit = await agency(t, { parent: w.dept, name: 'Phòng thử hiệu quả' });
    expect(await effectEstimates(t.db, { agencyPath: unit.path, institutionId: null }, 'course')).toEqual([]);
  });
});
