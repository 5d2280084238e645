import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { refreshEffectObservations } from '../../src/modules/evaluation/effectiveness.refresh.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency, consolidatedCycle, framework, person, position, type PersonRow } from '../support/factories.js';
import { course } from '../training/credentials-fixtures.js';
import { institution } from '../training/sessions-fixtures.js';
import { runSession } from './evaluation-fixtures.js';

// A session's close re-derives its trainees' observations of the course's competencies only (not all of
// theirs): the cells, roll-ups and observations it leaves must be the ones a full re-derivation of every
// competency gives, and each completed seat gets its pending certificate from the one set-based insert.
let t: TestApp;
let staff: PersonRow[];
let closed: { sessionId: string; enrolments: Map<string, string> };

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const root = await agency(t, { name: 'Bộ thử đóng lớp' });
  const dept = await agency(t, { parent: root, name: 'Vụ thử đóng lớp' });
  const fw = await framework(t, { agency: root, competencies: 3 });
  const positionId = await position(t, { agency: dept, competencyIds: fw.competencyIds, requiredLevel: () => 3 });
  const hrRow = await account(t, { agency: dept, role: 'hr_officer' });
  staff = [];
  for (let i = 0; i < 6; i++) {
    const p = await person(t, { agency: dept, positionId, fullName: `Cán Bộ Đóng Lớp ${String.fromCharCode(65 + i)}` });
    await account(t, { agency: dept, person: p }); // a cycle rates people with an account
    staff.push(p);
  }
  const inst = await institution(t);
  const taught = await course(t, { institutionId: inst.id, versionId: fw.versionId, competencies: [{ id: fw.competencyIds[1]!, toLevel: 3 }] });
  await t.db.updateTable('training_courses').set({ pass_score: null }).where('id', '=', taught.id).execute();
  // Three cycles before the session is closed: 2024 and 2025 before it, 2026 (opening after it) as the follow-up,
  // so every competency already has comparison rows that the close must turn into trained rows for the taught one only.
  for (const [year, level] of [
    [2024, 2],
    [2025, 2],
    [2026, 3],
  ] as const) {
    setClock(`${year}-10-02T03:00:00Z`);
    await consolidatedCycle(t, {
      hr: hrRow,
      framework: fw,
      personIds: staff.map((p) => p.id),
      levels: (i, c) => level + ((i + c) % 2),
      input: { kind: 'periodic', year, opensOn: `${year}-10-01`, closesOn: `${year}-11-30` },
    });
  }
  const trainer = await t.signIn(inst.trainer.username, inst.trainer.password);
  const hr = await t.signIn(hrRow.username, hrRow.password);
  closed = await runSession({ trainer, hr, courseId: taught.id, day: '2026-03-02', present: staff.slice(0, 4), absent: staff.slice(4) });
  setClock(null);
}, 180_000);
afterAll(() => t?.close());

const snapshot = async () => {
  const cells = await t.db
    .selectFrom('evaluation_effect_cells')
    .selectAll()
    .orderBy('agency_id')
    .orderBy('competency_id')
    .orderBy('gap_band')
    .orderBy('role_category')
    .orderBy('tier')
    .orderBy('course_id')
    .execute();
  const rollups = await t.db
    .selectFrom('evaluation_effect_rollups')
    .selectAll()
    .orderBy('scope_id')
    .orderBy('competency_id')
    .orderBy('gap_band')
    .orderBy('role_category')
    .orderBy('tier')
    .orderBy('course_id')
    .execute();
  const observations = await t.db
    .selectFrom('evaluation_effect_observations')
    .select(['person_id', 'competency_id', 'course_id', 'agency_id', 'before_cycle_id', 'after_cycle_id', 'gap_band', 'before_level', 'after_level'])
    .orderBy('person_id')
    .orderBy('competency_id')
    .orderBy('course_id')
    .execute();
  // Equal up to the rounding of summing the same numbers in another order.
  return JSON.parse(JSON.stringify({ cells, rollups, observations }, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v))) as unknown;
};

describe('a session close moves only its course’s competencies', () => {
  test('the cells, roll-ups and observations after the close equal a full re-derivation of every competency', async () => {
    const afterClose = await snapshot();
    const trained = await t.db
      .selectFrom('evaluation_effect_observations')
      .select('person_id')
      .where('course_id', '<>', '00000000-0000-0000-0000-000000000000')
      .execute();
    expect(new Set(trained.map((r) => r.person_id))).toEqual(new Set(staff.slice(0, 4).map((p) => p.id)));
    await t.db.transaction().execute((trx) =>
      refreshEffectObservations(
        trx,
        staff.map((p) => p.id),
      ),
    );
    expect(await snapshot()).toEqual(afterClose);
  });

  test('each completed seat has one pending certificate, the absent none', async () => {
    const rows = await t.db.selectFrom('training_credentials').select(['enrolment_id', 'person_id', 'status', 'completed_at']).execute();
    const completed = staff.slice(0, 4).map((p) => closed.enrolments.get(p.id)!);
    expect(rows.map((r) => r.enrolment_id).sort()).toEqual([...completed].sort());
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    const completedAt = await t.db.selectFrom('training_enrolments').select(['id', 'completed_at']).where('id', 'in', completed).execute();
    for (const e of completedAt) expect(rows.find((r) => r.enrolment_id === e.id)!.completed_at.toISOString()).toBe(e.completed_at!.toISOString());
  });
});
