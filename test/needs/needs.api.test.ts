import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { computeGaps } from '../../src/modules/needs/gaps.js';
import { vacuumNeedsSummaries } from '../../src/modules/needs/summaries.js';
import { insertCycle, insertResults, nationalCompetencies, type FixtureResult } from './needs-fixture.js';

let t: TestApp;
let cycle2024: string;
let cycle2025: string;
let results2025: FixtureResult[];
const agencyIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  const competencies = await nationalCompetencies(t.db, 8);
  expect(new Set(competencies.map((c) => c.groupCode)).size).toBeGreaterThan(1);
  cycle2024 = await insertCycle(t.db, 'Đánh giá năm 2024', '2024-10-01', competencies[0]!.versionId);
  cycle2025 = await insertCycle(t.db, 'Đánh giá năm 2025', '2025-10-01', competencies[0]!.versionId);
  await insertResults(t.db, cycle2024, competencies, -0.5);
  results2025 = await insertResults(t.db, cycle2025, competencies);
  for (const a of await t.db.selectFrom('agencies').select(['id', 'code']).execute()) agencyIds.set(a.code, a.id);
});
afterAll(() => t.close());

/** The figures computed straight from the consolidated results, to check the summaries against. */
function expected(rows: FixtureResult[]) {
  const people = rows.length;
  const needs = rows.filter((r) => r.requiredLevel > r.assessedLevel).length;
  const sumGap = rows.reduce((s, r) => s + Math.max(r.requiredLevel - r.assessedLevel, 0), 0);
  return { people, needs, needShare: Math.round((needs / people) * 1000) / 1000, meanGap: Math.round((sumGap / people) * 100) / 100 };
}
const inAgencies = (...codes: string[]) => results2025.filter((r) => codes.some((c) => r.agencyCode === c || r.agencyCode.startsWith(c + '-')));

describe('training needs from the summaries', () => {
  it('gives the national administrator a province table that matches the raw results', async () => {
    const admin = await t.signIn('admin');
    const res = await admin.get(`/api/needs/breakdown?cycleId=${cycle2025}&columns=competency`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.level).toBe('country');
    const byKey = Object.fromEntries(body.rows.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual(['2025-P01', '2025-P48']);
    expect(byKey['2025-P01'].name).toMatch(/Hà Nội/);
    expect(byKey['2025-P01'].total).toMatchObject(expected(inAgencies('HN')));
    expect(byKey['2025-P48'].total).toMatchObject(expected(inAgencies('DN')));
    expect(body.total).toMatchObject(expected(results2025));
    // one column per competency, each cell matching too
    const first = body.columns[0].key;
    const competencyId = results2025[0]!.competencyId;
    expect(body.columns).toHaveLength(8);
    expect(byKey['2025-P01'].cells[first]).toMatchObject(expected(inAgencies('HN').filter((r) => r.competencyId === competencyId)));
  });

  it('keeps a 2024 cycle under the 2024 provinces, or rolls it up into today’s', async () => {
    const admin = await t.signIn('admin');
    const historical = (await admin.get(`/api/needs/breakdown?cycleId=${cycle2024}&geography=historical`)).json();
    expect(historical.rows.map((r: { key: string }) => r.key).sort()).toEqual(['pre2025-P01', 'pre2025-P48']);
    const current = (await admin.get(`/api/needs/breakdown?cycleId=${cycle2024}&geography=current`)).json();
    expect(current.rows.map((r: { key: string }) => r.key).sort()).toEqual(['2025-P01', '2025-P48']);
    expect(current.total.people).toBe(historical.total.people);
  });

  it('drills down from a province to its agencies, an agency’s children and its people', async () => {
    const admin = await t.signIn('admin');
    const province = (await admin.get(`/api/needs/breakdown?cycleId=${cycle2025}&level=province&id=2025-P01`)).json();
    expect(province.rows.map((r: { name: string }) => r.name).sort((a: string, b: string) => a.localeCompare(b, 'vi'))).toEqual([
      'Sở Nội vụ thành phố Hà Nội',
      'Ủy ban nhân dân phường Hoàn Kiếm',
    ]);
    const city = (await admin.get(`/api/needs/breakdown?cycleId=${cycle2025}&level=agency&id=${agencyIds.get('HN')}`)).json();
    const snv = city.rows.find((r: { name: string }) => r.name === 'Sở Nội vụ thành phố Hà Nội');
    expect(snv.drill).toEqual({ kind: 'agency', id: agencyIds.get('HN-SNV') });
    expect(snv.total).toMatchObject(expected(inAgencies('HN-SNV')));
    const people = (await admin.get(`/api/needs/agencies/${agencyIds.get('HN-SNV')}/people?cycleId=${cycle2025}`)).json();
    const staff = new Set(inAgencies('HN-SNV').map((r) => r.personId));
    expect(people.people).toHaveLength(staff.size);
    const lan = people.people.find((p: { fullName: string }) => p.fullName === 'Nguyễn Thị Lan');
    expect(lan.needs).toBe(results2025.filter((r) => r.personId === lan.personId && r.requiredLevel > r.assessedLevel).length);
    const search = (await admin.get(`/api/needs/agencies/${agencyIds.get('HN-SNV')}/people?cycleId=${cycle2025}&q=nguyen thi lan`)).json();
    expect(search.people.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Thị Lan']);
  });

  it('limits an HR officer to their subtree', async () => {
    const hr = await t.signIn('hr.hanoi');
    const own = await hr.get(`/api/needs/breakdown?cycleId=${cycle2025}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().total).toMatchObject(expected(inAgencies('HN')));
    expect((await hr.get(`/api/needs/breakdown?cycleId=${cycle2025}&level=country`)).statusCode).toBe(403);
    expect((await hr.get(`/api/needs/breakdown?cycleId=${cycle2025}&level=agency&id=${agencyIds.get('DN')}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/needs/agencies/${agencyIds.get('DN-SNV')}/people?cycleId=${cycle2025}`)).statusCode).toBe(404);
    const otherProvince = (await hr.get(`/api/needs/breakdown?cycleId=${cycle2025}&level=province&id=2025-P48`)).json();
    expect(otherProvince.rows).toEqual([]);
    expect((await (await t.signIn('canbo.hanoi')).get(`/api/needs/breakdown?cycleId=${cycle2025}`)).statusCode).toBe(403);
  });

  it('shows one person’s gap profile to them and to HR in scope only', async () => {
    const me = await t.signIn('canbo.hanoi');
    const meRow = await t.db.selectFrom('users').select('person_id').where('username', '=', 'canbo.hanoi').executeTakeFirstOrThrow();
    const res = await me.get(`/api/needs/people/${meRow.person_id}?cycleId=${cycle2025}`);
    expect(res.statusCode).toBe(200);
    const mine = results2025.filter((r) => r.personId === meRow.person_id);
    const want = computeGaps(
      mine.map((r) => ({ competencyId: r.competencyId, requiredLevel: r.requiredLevel, assessedLevel: r.assessedLevel, criticality: r.criticality })),
    );
    const got = res.json().gaps.map(({ competency: _c, ...g }: { competency: unknown }) => g);
    expect(got.sort((a: { competencyId: string }, b: { competencyId: string }) => a.competencyId.localeCompare(b.competencyId))).toEqual(
      want.sort((a, b) => a.competencyId.localeCompare(b.competencyId)),
    );
    expect(res.json().gaps[0].competency.name.vi).toBeTruthy();
    const colleague = results2025.find((r) => r.agencyCode === 'HN-SNV' && r.personId !== meRow.person_id)!;
    expect((await me.get(`/api/needs/people/${colleague.personId}`)).statusCode).toBe(404);
    expect((await (await t.signIn('hr.danang')).get(`/api/needs/people/${meRow.person_id}`)).statusCode).toBe(404);
    expect((await (await t.signIn('hr.hanoi')).get(`/api/needs/people/${meRow.person_id}`)).statusCode).toBe(200);
  });

  it('shows the trend across cycles', async () => {
    const hr = await t.signIn('hr.hanoi');
    const { items } = (await hr.get('/api/needs/trend')).json();
    expect(items.map((i: { cycle: { name: string } }) => i.cycle.name)).toEqual(['Đánh giá năm 2024', 'Đánh giá năm 2025']);
    // the 2024 levels were half a level lower: more needs then
    expect(items[0].meanGap).toBeGreaterThan(items[1].meanGap);
    const hanoiPeople = new Set(inAgencies('HN').map((r) => r.personId));
    const meeting = [...hanoiPeople].filter((id) => results2025.filter((r) => r.personId === id).every((r) => r.requiredLevel <= r.assessedLevel)).length;
    expect(items[1]).toMatchObject({ people: hanoiPeople.size, meetingProfile: meeting });
  });

  it('updates the summaries when one person is consolidated again', async () => {
    const admin = await t.signIn('admin');
    const before = (await admin.get(`/api/needs/breakdown?cycleId=${cycle2024}`)).json().total;
    const { insertResults: again } = await import('./needs-fixture.js');
    const competencies = await (await import('./needs-fixture.js')).nationalCompetencies(t.db, 8);
    await again(t.db, cycle2024, competencies, 3); // everyone now at or above every requirement
    const after = (await admin.get(`/api/needs/breakdown?cycleId=${cycle2024}`)).json().total;
    expect(after.people).toBe(before.people);
    expect(after.needs).toBe(0);
    expect(before.needs).toBeGreaterThan(0);
    // The province rows, kept by deltas, equal a recount of the agency rows.
    const { rows: drift } = await sql`
      SELECT coalesce(p.province_id, a.province_id) AS province, p.people AS kept, a.people AS recount
      FROM (SELECT province_id, competency_id, people, sum_gap FROM needs_summary_province WHERE cycle_id = ${cycle2024} AND geography = 'current') p
      FULL JOIN (SELECT current_province_id AS province_id, competency_id, sum(people)::int AS people, sum(sum_gap) AS sum_gap
                 FROM needs_summary_agency WHERE cycle_id = ${cycle2024} GROUP BY 1, 2) a
        ON a.province_id = p.province_id AND a.competency_id = p.competency_id
      WHERE p.people IS DISTINCT FROM a.people OR p.sum_gap IS DISTINCT FROM a.sum_gap`.execute(t.db);
    expect(drift).toEqual([]);
    // The embedded engine's scheduled vacuum of the rewritten rows leaves the figures as they were.
    await vacuumNeedsSummaries(t.db, 'province');
    expect((await admin.get(`/api/needs/breakdown?cycleId=${cycle2024}`)).json().total).toEqual(after);
  });

  it('groups people with similar gaps for training', async () => {
    const hr = await t.signIn('hr.hanoi');
    const { items } = (await hr.get(`/api/needs/target-groups?cycleId=${cycle2025}&minSize=1`)).json();
    const withNeeds = new Set(
      inAgencies('HN')
        .filter((r) => r.requiredLevel > r.assessedLevel)
        .map((r) => r.personId),
    );
    expect(items.reduce((n: number, g: { size: number }) => n + g.size, 0)).toBe(withNeeds.size);
    expect(items[0].sharedGaps[0].name.vi).toBeTruthy();
  });

  it('exports the table to Excel and the annual submission to PDF', async () => {
    const hr = await t.signIn('hr.hanoi');
    const xlsx = await hr.get(`/api/needs/breakdown.xlsx?cycleId=${cycle2025}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Đơn vị');
    const names = [2, 3].map((r) => String(sheet.getRow(r).getCell(1).value)).sort();
    expect(names).toEqual(['Sở Nội vụ thành phố Hà Nội', 'Ủy ban nhân dân phường Hoàn Kiếm']);
    const pdf = await hr.get(`/api/needs/report.pdf?cycleId=${cycle2025}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await (await t.signIn('leader.hanoi')).get(`/api/needs/report.pdf?cycleId=${cycle2025}`)).statusCode).toBe(403);
  });

  it('shows an open cycle’s results to HR only, until HR closes it', async () => {
    const competencies = await nationalCompetencies(t.db, 8);
    const open = await insertCycle(t.db, 'Đánh giá đang mở', '2026-10-01', competencies[0]!.versionId, 'open');
    await insertResults(t.db, open, competencies);
    const hr = await t.signIn('hr.hanoi');
    const leader = await t.signIn('leader.hanoi');
    const me = await t.signIn('canbo.hanoi');
    expect((await hr.get(`/api/needs/breakdown?cycleId=${open}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/needs/breakdown?cycleId=${open}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/needs/agencies/${agencyIds.get('HN-SNV')}/people?cycleId=${open}`)).statusCode).toBe(404);
    expect((await leader.get('/api/needs/cycles')).json().items.map((c: { id: string }) => c.id)).not.toContain(open);
    expect((await hr.get('/api/needs/cycles')).json().items.map((c: { id: string }) => c.id)).toContain(open);
    const meRow = await t.db.selectFrom('users').select('person_id').where('username', '=', 'canbo.hanoi').executeTakeFirstOrThrow();
    const mine = (await me.get(`/api/needs/people/${meRow.person_id}?cycleId=${open}`)).json();
    expect(mine.cycle).toBeNull();
    expect(mine.gaps).toEqual([]);
    // without a named cycle, the newest the person may see is shown: the closed 2025 one
    expect((await me.get(`/api/needs/people/${meRow.person_id}`)).json().cycle.id).toBe(cycle2025);
  });
});
