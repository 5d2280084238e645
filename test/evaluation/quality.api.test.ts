import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { FACTORY_PASSWORD, account, agency, world } from '../support/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;
let hr: Agent;
let outsider: Agent;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await world(t, { people: 8, competencies: 1 });
  hr = await t.signIn(w.hr.username, FACTORY_PASSWORD);
  const other = await agency(t, { parent: w.root });
  outsider = await t.signIn((await account(t, { agency: other, role: 'hr_officer' })).username, FACTORY_PASSWORD);
});
afterAll(() => t.close());

const quarters = (general: number, tasks: number) => ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((period) => ({ period, general, tasks }));
const put = (agent: Agent, i: number, year: number, body: unknown) => agent.put(`/api/evaluation/quality/people/${w.staff[i]!.id}/${year}`, body);

describe('annual quality classification (Decree 335/2025)', () => {
  it('scores the year from its quarters and levels it: 90.5 is excellent', async () => {
    const res = await put(hr, 0, 2026, {
      periods: [
        { period: '2026-Q1', general: 28, tasks: 65 },
        { period: '2026-Q2', general: 27, tasks: 60 },
        { period: '2026-Q3', general: 30, tasks: 62 },
        { period: '2026-Q4', general: 29, tasks: 61 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ score: 90.5, eligibleLevel: 'excellent', level: 'excellent', basis: 'decree_335_2025' });
  });

  it('refuses scores outside 0–30 / 0–70 naming every field, a wrong period, or a level above the score, writing nothing', async () => {
    const bad = await put(hr, 1, 2026, {
      periods: [
        { period: '2026-Q1', general: 31, tasks: 70 },
        { period: '2026-Q2', general: 10, tasks: -1 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'quality_score_out_of_range', details: { fields: ['periods.0.general', 'periods.1.tasks'] } });
    expect((await put(hr, 1, 2026, { periods: [{ period: '2025-Q4', general: 20, tasks: 50 }] })).json().error).toMatchObject({
      code: 'quality_period_invalid',
      details: { field: 'periods.0.period' },
    });
    const above = await put(hr, 1, 2026, { periods: quarters(20, 55), level: 'excellent' });
    expect(above.json().error).toMatchObject({ code: 'quality_level_above_score', details: { eligible: 'good', score: 75 } });
    const disqualified = await put(hr, 1, 2026, {
      periods: quarters(30, 70),
      disqualified: true,
      disqualifyingReason: 'Bị kỷ luật khiển trách',
      level: 'good',
    });
    expect(disqualified.json().error.code).toBe('quality_level_above_score');
    expect((await hr.get(`/api/evaluation/quality/people/${w.staff[1]!.id}`)).json().items).toEqual([]);
  });

  it('records earlier years by level only (Decree 90/2020), and 2026 only by score', async () => {
    expect((await put(hr, 1, 2025, { level: 'good' })).json()).toMatchObject({ basis: 'decree_90_2020', level: 'good', score: null });
    expect((await put(hr, 1, 2025, { periods: quarters(20, 50) })).json().error.code).toBe('quality_basis_mismatch');
    expect((await put(hr, 1, 2026, { level: 'good' })).json().error.code).toBe('quality_basis_mismatch');
  });

  it('keeps excellent to 20 % of good when the year is made final, and nothing changes after', async () => {
    // Excellent: people 0 and 2; good: people 3–7 (5). Quota 1: refused with the counts.
    await put(hr, 2, 2026, { periods: quarters(30, 65) });
    for (const i of [3, 4, 5, 6, 7]) await put(hr, i, 2026, { periods: quarters(25, 55) });
    const url = `/api/evaluation/quality/agencies/${w.dept.id}/2026`;
    expect((await hr.get(url)).json().quota).toEqual({ ok: false, excellent: 2, good: 5, quota: 1, excess: 1 });
    const refused = await hr.post(`${url}/finalize`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'quality_quota_exceeded', details: { excellent: 2, good: 5, quota: 1, excess: 1 } });
    // The head rates one of the two "good" (below what the score allows): 1 excellent, 6 good.
    expect((await put(hr, 2, 2026, { periods: quarters(30, 65), level: 'good' })).json()).toMatchObject({ eligibleLevel: 'excellent', level: 'good' });
    const final = await hr.post(`${url}/finalize`, {});
    expect(final.statusCode).toBe(200);
    expect(final.json()).toMatchObject({ quota: { ok: true, excellent: 1, good: 6, quota: 1 } });
    expect(final.json().finalizedAt).not.toBeNull();
    expect((await put(hr, 3, 2026, { periods: quarters(30, 70) })).json().error.code).toBe('quality_year_finalized');
    expect((await hr.post(`${url}/finalize`, {})).statusCode).toBe(409);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', 'in', ['quality_classification', 'quality_year']).execute();
    expect(audit.filter((a) => a.entity === 'quality_year')).toEqual([{ action: 'finalize', entity: 'quality_year' }]);
  });

  it('another agency’s HR can neither read nor record; the person reads their own, a colleague nothing', async () => {
    expect((await put(outsider, 0, 2027, { periods: [{ period: '2027-01', general: 30, tasks: 70 }] })).statusCode).toBe(404);
    expect((await outsider.get(`/api/evaluation/quality/agencies/${w.dept.id}/2026`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/evaluation/quality/people/${w.staff[0]!.id}`)).statusCode).toBe(404);
    const self = await t.signIn(w.staff[0]!.account.username, FACTORY_PASSWORD);
    expect((await self.get(`/api/evaluation/quality/people/${w.staff[0]!.id}`)).json().items).toEqual([
      expect.objectContaining({ year: 2026, level: 'excellent' }),
    ]);
    expect((await self.get(`/api/evaluation/quality/people/${w.staff[1]!.id}`)).statusCode).toBe(404);
    expect((await self.put(`/api/evaluation/quality/people/${w.staff[0]!.id}/2027`, { level: 'good' })).statusCode).toBe(403);
  });
});

describe('earlier years from a sheet (Decree 90/2020)', () => {
  const CSV = { 'content-type': 'text/csv' };
  it('imports all rows or none, with every problem by row, only staff of the caller’s scope', async () => {
    const [a, b] = [w.staff[4]!, w.staff[5]!];
    const bad = [
      `Mã cán bộ,Năm,Xếp loại`,
      `${a.staffCode},2024,Hoàn thành tốt nhiệm vụ`,
      `NOBODY-1,2024,Hoàn thành nhiệm vụ`,
      `${b.staffCode},2027,Hoàn thành nhiệm vụ`,
      `${b.staffCode},2023,Giỏi`,
    ].join('\n');
    const refused = await hr.post('/api/evaluation/quality/import', Buffer.from(bad), CSV);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.problems).toEqual([
      { row: 3, field: 'staffCode', code: 'unknown_staff_code', value: 'NOBODY-1' },
      { row: 4, field: 'year', code: 'scored_year', value: '2027' },
      { row: 5, field: 'level', code: 'invalid_level', value: 'Giỏi' },
    ]);
    expect((await hr.get(`/api/evaluation/quality/people/${a.id}`)).json().items.filter((i: { year: number }) => i.year === 2024)).toEqual([]);
    // Staff of another agency are unknown to its HR, exactly like a code that does not exist.
    expect(
      (await outsider.post('/api/evaluation/quality/import', Buffer.from(`Mã cán bộ,Năm,Xếp loại\n${a.staffCode},2024,Hoàn thành nhiệm vụ`), CSV)).json().error
        .details.problems[0].code,
    ).toBe('unknown_staff_code');

    const good = [
      `Ma can bo;Nam;Xep loai`,
      `${a.staffCode};2024;Hoàn thành tốt nhiệm vụ`,
      `${a.staffCode};2025;hoan thanh xuat sac nhiem vu`,
      `${b.staffCode};2024;Không hoàn thành nhiệm vụ`,
    ].join('\n');
    const done = await hr.post('/api/evaluation/quality/import', Buffer.from(good), CSV);
    expect(done.json()).toEqual({ imported: 3, created: 3, updated: 0 });
    expect(
      (await hr.get(`/api/evaluation/quality/people/${a.id}`))
        .json()
        .items.map((i: { year: number; level: string; basis: string }) => [i.year, i.level, i.basis]),
    ).toEqual([
      [2026, 'good', 'decree_335_2025'],
      [2025, 'excellent', 'decree_90_2020'],
      [2024, 'good', 'decree_90_2020'],
    ]);
    expect((await hr.post('/api/evaluation/quality/import', Buffer.from(good), CSV)).json()).toEqual({ imported: 3, created: 0, updated: 3 });
  });
});
