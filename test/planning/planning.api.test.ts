import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCycle } from '../../src/modules/assessment/cycles.service.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { FACTORY_PASSWORD, account, agency, consolidatedCycle, person, world } from '../support/factories.js';
import { day } from '../support/waits.js';
import { course, institution, session } from '../training/plans-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let hr: Agent;
let outsiderHr: Agent;
let servant: Agent;
const sessions: Record<string, string> = {};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Four staff, each with gaps C01 2 levels (criticality 1), C02 3 (2), C03 2 (3)
 * after a closed cycle (every rating level 1). Sessions cost 2,000,000 a seat:
 * K1 raises C02 (2 seats), K2 raises C03 (2 seats), K3 raises C01 (10 seats), K0 (C01) is full.
 */
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await world(t, { people: 4, competencies: 3 });
  const cycle = await consolidatedCycle(t, { hr: w.hr, framework: w.framework, personIds: w.staff.map((s) => s.id), levels: () => 1 });
  await updateCycle(t.db, w.hr.actor, cycle.id, { status: 'closed' });
  const [c1, c2, c3] = w.framework.competencyIds as [string, string, string];
  const inst = await institution(t.db, w.root);
  for (const [code, competency, seats, from] of [
    ['K1', c2, 2, 20],
    ['K2', c3, 2, 30],
    ['K3', c1, 10, 40],
    ['K0', c1, 1, 50],
  ] as const) {
    const dates = { startsOn: day(from), endsOn: day(from + 2), opensOn: day(-1), closesOn: day(10) };
    const courseId = await course(t.db, {
      institutionId: inst,
      versionId: w.framework.versionId,
      code: `${code}-${crypto.randomUUID().slice(0, 4)}`,
      competencies: [[competency, 1, 3]],
    });
    sessions[code] = await session(t.db, { courseId, code: `${code}-2026`, ...dates, seats });
  }
  // K0's one seat is taken: it has none left to plan.
  await t.db
    .insertInto('training_enrolments')
    .values({ session_id: sessions.K0!, person_id: w.staff[3]!.id, agency_id: w.dept.id, status: 'enrolled', source: 'hr' })
    .execute();
  hr = await t.signIn(w.hr.username, FACTORY_PASSWORD);
  servant = await t.signIn(w.staff[0]!.account.username, FACTORY_PASSWORD);
  const other = await agency(t, { parent: w.root });
  outsiderHr = await t.signIn((await account(t, { agency: other, role: 'hr_officer' })).username, FACTORY_PASSWORD);
});
afterAll(() => t.close());

const offered = () => [sessions.K1!, sessions.K2!, sessions.K3!];

async function newPlan(budget: number, sessionIds = offered(), extra: Record<string, unknown> = {}) {
  const res = await hr.post('/api/planning/plans', { year: 2026, name: 'Kế hoạch bồi dưỡng 2026', budget, inputs: { sessionIds, ...extra } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as string;
}

async function solved(planId: string) {
  const run = await hr.post(`/api/planning/plans/${planId}/solve`, { timeLimitSeconds: 20 });
  expect(run.statusCode, run.body).toBe(200);
  return run.json();
}

type Seat = { personId: string; sessionId: string; reasons: unknown[]; benefitPerMillion: number };

// First: the approval below fills the sessions.
describe('input no plan can satisfy', () => {
  it('a budget below the cheapest seat fails the run with the limit and by how much', async () => {
    const run = await solved(await newPlan(1_500_000));
    expect(run).toMatchObject({
      status: 'failed',
      error: { code: 'planning_budget_below_cheapest_seat', details: { budget: 1_500_000, cheapest: 2_000_000, by: 500_000 } },
    });
    expect(run.error.message).toMatch(/Ngân sách/);
  });

  it('a full session of the catalogue is left out when no session is named, not an error', async () => {
    const run = await solved(await newPlan(10_000_000, []));
    expect(run, JSON.stringify(run)).toMatchObject({ status: 'done' });
    const version = (await hr.get(`/api/planning/plans/${run.planId}/versions/${run.version}`)).json();
    expect(version.seats.length).toBeGreaterThan(0);
    expect(version.seats.map((s: Seat) => s.sessionId)).not.toContain(sessions.K0);
  });

  it('a session with no seats is named', async () => {
    const run = await solved(await newPlan(10_000_000, [sessions.K0!, sessions.K3!]));
    expect(run).toMatchObject({ status: 'failed', error: { code: 'planning_session_no_seats', details: { session: sessions.K0 } } });
  });

  it('contradictory mandatory courses are named', async () => {
    const personId = w.staff[0]!.id;
    const run = await solved(
      await newPlan(10_000_000, offered(), {
        hoursLimit: 10,
        mandatory: [
          { personId, sessionId: sessions.K1 },
          { personId, sessionId: sessions.K3 },
        ],
      }),
    );
    expect(run).toMatchObject({ status: 'failed', error: { code: 'planning_mandatory_over_hours', details: { person: personId, hoursLimit: 10 } } });
  });
});

describe('ids the plan cannot act on', () => {
  it('refuses an unknown exclusion, another agency’s person, an unknown session and unit, each at its field, and saves nothing', async () => {
    const stranger = await person(t, { agency: await agency(t) });
    const ghost = '00000000-0000-4000-8000-0000000000aa';
    const before = await t.db
      .selectFrom('planning_plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await hr.post('/api/planning/plans', {
      year: 2026,
      name: 'Kế hoạch sai mã',
      budget: 10_000_000,
      inputs: {
        sessionIds: [sessions.K1, ghost],
        excludedPersonIds: [w.staff[0]!.id, ghost, stranger.id],
        mandatory: [{ personId: w.staff[1]!.id, sessionId: ghost }],
        unitBudgets: [{ agencyId: ghost, budget: 1_000_000 }],
      },
    });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('planning_unknown_ids');
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'inputs.sessionIds.1',
      'inputs.excludedPersonIds.1',
      'inputs.excludedPersonIds.2',
      'inputs.mandatory.0.sessionId',
      'inputs.unitBudgets.0.agencyId',
    ]);
    const after = await t.db
      .selectFrom('planning_plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses the same on a change of a draft', async () => {
    const planId = await newPlan(10_000_000);
    const res = await hr.put(`/api/planning/plans/${planId}`, {
      name: 'Kế hoạch',
      budget: 10_000_000,
      inputs: { sessionIds: offered(), excludedPersonIds: ['00000000-0000-4000-8000-0000000000bb'] },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'inputs.excludedPersonIds.0', issue: 'unknown' })]);
  });
});

describe('the annual plan', () => {
  let planId: string;
  let seats: Seat[];

  it('is solved within budget, seats and one course per competency, and explained', async () => {
    planId = await newPlan(10_000_000);
    const run = await solved(planId);
    expect(run).toMatchObject({ status: 'done', version: 1 });
    expect(run.bound).toBeGreaterThanOrEqual(run.incumbent);
    const version = (await hr.get(`/api/planning/plans/${planId}/versions/1`)).json();
    seats = version.seats;
    expect(version.cost).toBeLessThanOrEqual(10_000_000);
    expect(seats).toHaveLength(5);
    expect(version.benefit).toBeGreaterThanOrEqual(version.greedyBenefit);
    expect(version.check.violations).toEqual([]);
    // The highest weighted gaps first: C02 (3 levels × 2, closes 2) and C03 (2 × 3) fill their 2 seats each.
    expect(seats.filter((s) => s.sessionId === sessions.K1)).toHaveLength(2);
    expect(seats.filter((s) => s.sessionId === sessions.K2)).toHaveLength(2);
    expect(seats[0]!.reasons[0]).toMatchObject({ assessedLevel: 1, levels: 2, weight: 1 });
    expect(seats[0]!.benefitPerMillion).toBeGreaterThan(0);
    expect(version.leftOut.length).toBeGreaterThan(0);
    expect(version.leftOut[0].limit).toMatch(/budget|seats|hours|priority/);
    expect(version.summary.byGroup.length).toBeGreaterThan(0);
    expect(version.summary.byUnit).toEqual([expect.objectContaining({ key: w.dept.id, seats: 5 })]);
    expect(version.summary.benefitPer10Million).not.toBeNull();
  });

  it('re-checks a hand edit live and refuses to save one past a limit, naming it', async () => {
    const extra = w.staff.map((s) => s.id).find((id) => !seats.some((s) => s.personId === id && s.sessionId === sessions.K1))!;
    const edited = [...seats.map(({ personId, sessionId }) => ({ personId, sessionId })), { personId: extra, sessionId: sessions.K1! }];
    const check = (await hr.post(`/api/planning/plans/${planId}/check`, { seats: edited })).json();
    expect(check.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ limit: 'seats', sessionId: sessions.K1, limitValue: 2, actual: 3, by: 1 }),
        expect.objectContaining({ limit: 'budget', limitValue: 10_000_000, actual: 12_000_000, by: 2_000_000 }),
      ]),
    );
    const refused = await hr.post(`/api/planning/plans/${planId}/versions`, { seats: edited });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('planning_plan_violates_limits');
    const fewer = seats.slice(1).map(({ personId, sessionId }) => ({ personId, sessionId }));
    const saved = await hr.post(`/api/planning/plans/${planId}/versions`, { seats: fewer });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ number: 2, source: 'edit' });
    expect(saved.json().check.gapToBound).toBeGreaterThan(0);
  });

  it('round-trips through xlsx with the edits, and refuses a broken sheet row by row', async () => {
    const file = await hr.get(`/api/planning/plans/${planId}/versions/2/xlsx`);
    expect(file.statusCode).toBe(200);
    const back = await hr.post(`/api/planning/plans/${planId}/import`, file.rawPayload, { 'content-type': XLSX });
    expect(back.statusCode, back.body).toBe(200);
    const v2 = (await hr.get(`/api/planning/plans/${planId}/versions/2`)).json();
    const key = (s: Seat) => `${s.personId}|${s.sessionId}`;
    expect(back.json().seats.map(key).sort()).toEqual(v2.seats.map(key).sort());
    expect(back.json()).toMatchObject({ number: 3, source: 'import' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    workbook.worksheets[0]!.getRow(2).getCell(1).value = 'KHONG-CO';
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    const refused = await hr.post(`/api/planning/plans/${planId}/import`, broken, { 'content-type': XLSX });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'planning_import_invalid',
      details: { problems: [{ row: 2, field: 'staffCode', code: 'unknown_staff_code' }] },
    });
    expect((await hr.get(`/api/planning/plans/${planId}/versions`)).json().items).toHaveLength(3);
  });

  it('is kept from another agency’s HR (404) and from civil servants (403)', async () => {
    for (const res of [
      await outsiderHr.get(`/api/planning/plans/${planId}`),
      await outsiderHr.get(`/api/planning/plans/${planId}/versions/1`),
      await outsiderHr.post(`/api/planning/plans/${planId}/solve`, {}),
      await outsiderHr.post(`/api/planning/plans/${planId}/check`, { seats: [] }),
      await outsiderHr.post(`/api/planning/plans/${planId}/approve`, {}),
    ])
      expect(res.statusCode).toBe(404);
    expect((await outsiderHr.get('/api/planning/plans')).json().items).toEqual([]);
    expect((await servant.get(`/api/planning/plans/${planId}`)).statusCode).toBe(403);
  });

  it('once approved, enrols its seats through the enrolment service and can no longer change', async () => {
    const latest = (await hr.get(`/api/planning/plans/${planId}/versions/3`)).json();
    const res = await hr.post(`/api/planning/plans/${planId}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ plan: { status: 'approved', approvedVersion: 3 }, enrolled: latest.seats.length, waitlisted: 0 });
    const rows = await t.db.selectFrom('training_enrolments').select(['person_id', 'session_id', 'status']).where('source', '=', 'plan').execute();
    expect(rows).toHaveLength(latest.seats.length);
    expect((await hr.post(`/api/planning/plans/${planId}/approve`, {})).json().error.code).toBe('planning_plan_approved');
    expect((await hr.post(`/api/planning/plans/${planId}/solve`, {})).statusCode).toBe(409);
  });

  it('counts in the budget view: planned by the approved version, spent by the seats taken in the year’s sessions', async () => {
    const latest = (await hr.get(`/api/planning/plans/${planId}/versions/3`)).json();
    // The sessions start 20–50 days from today: count the year of the first one, whatever today is.
    const starts = await t.db.selectFrom('training_sessions').select(['id', 'starts_on', 'cost_per_seat']).where('id', 'in', Object.values(sessions)).execute();
    const year = Number(String(starts.find((s) => s.id === sessions.K1)!.starts_on).slice(0, 4));
    const inYear = new Map(starts.filter((s) => String(s.starts_on).startsWith(`${year}-`)).map((s) => [s.id, Number(s.cost_per_seat)]));
    const taken = await t.db
      .selectFrom('training_enrolments')
      .select('session_id')
      .where('agency_id', '=', w.dept.id)
      .where('status', '=', 'enrolled')
      .execute();
    const spentSeats = taken.filter((e) => inYear.has(e.session_id));

    const view = await hr.get(`/api/planning/budget?year=${year}`);
    expect(view.statusCode, view.body).toBe(200);
    // HR works in the department: its own row holds its plans and its staff's seats.
    expect(view.json().parent).toMatchObject({ id: w.dept.id });
    const dept = view.json().rows.find((r: { agencyId: string }) => r.agencyId === w.dept.id);
    expect(dept).toMatchObject({ own: true, spentSeats: spentSeats.length, spent: spentSeats.reduce((sum, e) => sum + inYear.get(e.session_id)!, 0) });
    // The plan was made for 2026: it counts in that year.
    const planned = (await hr.get('/api/planning/budget?year=2026')).json().rows.find((r: { own: boolean }) => r.own);
    const planSeats = await t.db.selectFrom('training_enrolments').select('id').where('source', '=', 'plan').execute();
    expect(planned).toMatchObject({ approvedPlans: 1, planned: latest.cost, plannedSeats: planSeats.length });
    // Another agency's HR cannot drill into this one.
    expect((await outsiderHr.get(`/api/planning/budget?year=2026&agencyId=${w.dept.id}`)).statusCode).toBe(404);
  });
});
