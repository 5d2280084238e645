import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seedDemoAssessments } from '../../src/dataset/demo-assessments.js';
import { today } from '../../src/platform/clock.js';

/**
 * Target groups on the full first-start demo (the demo city and its two
 * consolidated cycles, issue 18 item 13): members by name within the caller's
 * scope, and the Excel export an HR officer hands to a training institution.
 */
let t: TestApp;
let cycle2025: string;

interface Member {
  personId: string;
  fullName: string;
  staffCode: string;
  agencyName: string;
}
interface Group {
  key: string;
  size: number;
  personIds: string[];
  members: Member[];
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoAssessments(t.db);
  cycle2025 = (await t.db.selectFrom('assessment_cycles').select('id').where('year', '=', 2025).where('kind', '<>', 'follow_up').executeTakeFirstOrThrow()).id;
}, 420_000);
afterAll(() => t.close());

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('the demo city', () => {
  it('gives Hà Nội’s HR officer a few hundred assessed people across departments and communes', async () => {
    const hr = await t.signIn('hr.hanoi');
    const res = await hr.get(`/api/needs/breakdown?cycleId=${cycle2025}`);
    expect(res.statusCode).toBe(200);
    const breakdown = res.json();
    expect(breakdown.total.people).toBeGreaterThan(250 * 20);
    expect(breakdown.rows.length).toBeGreaterThanOrEqual(8);
    const trend = (await hr.get('/api/needs/trend')).json();
    expect(trend.items.map((p: { people: number }) => p.people).every((n: number) => n >= 250)).toBe(true);
    expect(trend.items).toHaveLength(2);
  });
});

describe('target groups', () => {
  it('list their members by name, every member of the group and only people of the caller’s city', async () => {
    const hr = await t.signIn('hr.hanoi');
    const res = await hr.get(`/api/needs/target-groups?cycleId=${cycle2025}`);
    expect(res.statusCode).toBe(200);
    const groups = res.json().items as Group[];
    expect(groups.length).toBeGreaterThan(3);
    for (const g of groups) {
      expect(g.members).toHaveLength(g.size);
      expect(new Set(g.members.map((m) => m.personId))).toEqual(new Set(g.personIds));
      for (const m of g.members) expect(m.fullName && m.agencyName).toBeTruthy();
    }
    const codes = groups.flatMap((g) => g.members.map((m) => m.staffCode));
    expect(codes.every((c) => c.startsWith('HN-'))).toBe(true);
    const danang = (await (await t.signIn('hr.danang')).get(`/api/needs/target-groups?cycleId=${cycle2025}`)).json().items as Group[];
    expect(danang.flatMap((g) => g.members.map((m) => m.staffCode)).every((c) => c.startsWith('DN-'))).toBe(true);
  });

  it('narrow to one agency of the caller’s scope and refuse one outside it', async () => {
    const hr = await t.signIn('hr.hanoi');
    const snv = await t.agencyId('HN-SNV');
    const groups = (await hr.get(`/api/needs/target-groups?cycleId=${cycle2025}&agencyId=${snv}&minSize=1`)).json().items as Group[];
    expect(groups.flatMap((g) => g.members.map((m) => m.agencyName)).every((n) => n === 'Sở Nội vụ thành phố Hà Nội')).toBe(true);
    expect((await hr.get(`/api/needs/target-groups?cycleId=${cycle2025}&agencyId=${await t.agencyId('DN-SNV')}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/needs/target-groups.xlsx?cycleId=${cycle2025}&agencyId=${await t.agencyId('DN-SNV')}`)).statusCode).toBe(404);
  });

  it('are exported to Excel with a title, the cycle, the scope and the date, one row a member', async () => {
    const hr = await t.signIn('hr.hanoi');
    const groups = (await hr.get(`/api/needs/target-groups?cycleId=${cycle2025}`)).json().items as Group[];
    const res = await hr.get(`/api/needs/target-groups.xlsx?cycleId=${cycle2025}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('nhom-doi-tuong-dao-tao.xlsx');
    const workbook = await load(res.rawPayload);
    const [summary, members] = workbook.worksheets;
    expect(summary!.name).toBe('Nhóm');
    expect(summary!.getCell('A1').value).toBe('Nhóm đối tượng đào tạo, bồi dưỡng');
    expect(summary!.getCell('B2').value).toBe('Đánh giá năng lực công chức năm 2025');
    expect(summary!.getCell('B3').value).toBe('Ủy ban nhân dân thành phố Hà Nội');
    // The export date is a date cell shown dd/mm/yyyy, not text.
    expect(summary!.getCell('B4').value).toEqual(new Date(`${today()}T00:00:00Z`));
    expect(summary!.getCell('B4').numFmt).toBe('dd/mm/yyyy');
    expect(summary!.getRow(6).getCell(2).value).toBe(groups[0]!.size);
    expect(String(summary!.getRow(6).getCell(4).value)).toMatch(/\d+\u00a0%, \d+,\d{2}\)/);
    const rows: string[][] = [];
    members!.eachRow((row, n) => {
      if (n > 5) rows.push([String(row.getCell(1).value), String(row.getCell(2).value), String(row.getCell(3).value)]);
    });
    expect(rows).toHaveLength(groups.reduce((n, g) => n + g.size, 0));
    const first = groups[0]!.members[0]!;
    expect(rows).toContainEqual(['Nhóm 1', first.staffCode, first.fullName]);
  });

  it('are exported in English for an English-speaking caller', async () => {
    const hr = await t.signIn('hr.hanoi');
    const res = await hr.get(`/api/needs/target-groups.xlsx?cycleId=${cycle2025}`, { 'accept-language': 'en' });
    const workbook = await load(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Groups', 'Members']);
    expect(workbook.worksheets[0]!.getCell('B2').value).toBe('Civil service competency assessment 2025');
    expect(workbook.worksheets[1]!.getRow(5).getCell(3).value).toBe('Full name');
  });

  it('are for HR and national administrators only', async () => {
    const leader = await t.signIn('leader.hanoi');
    expect((await leader.get(`/api/needs/target-groups?cycleId=${cycle2025}`)).statusCode).toBe(403);
    expect((await leader.get(`/api/needs/target-groups.xlsx?cycleId=${cycle2025}`)).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/needs/target-groups.xlsx?cycleId=${cycle2025}`)).statusCode).toBe(401);
  });
});
