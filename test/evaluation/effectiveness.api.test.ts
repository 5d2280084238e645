import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { setClock } from '../../src/platform/clock.js';
import { expectedCourseGains } from '../../src/modules/evaluation/effectiveness.repository.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency, consolidatedCycle } from '../support/factories.js';
import { complete, course, enrol, institution, session } from '../training/credentials-fixtures.js';
import { trainedDepartment } from './effectiveness-fixtures.js';
import { pdfText } from '../support/pdf-text.js';

// Effectiveness (issue 16, item 5): the 2026 cycle after the course, against the 2025 cycle before.
// Trainees rose from 2 to 3 or 4 (mean +1.5); the untrained six from 2 to 2 or 3 (mean +0.5): an effect of 1.
let t: TestApp;
let w: Awaited<ReturnType<typeof trainedDepartment>>;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await trainedDepartment(t);
  setClock('2026-10-02T03:00:00Z');
  const personIds = w.staff.map((s) => s.id);
  await consolidatedCycle(t, {
    hr: w.hr,
    framework: w.fw,
    personIds,
    levels: (s) => (s < 6 ? 3 + (s % 2) : 2 + (s % 2)),
    input: { kind: 'periodic', year: 2026, opensOn: '2026-10-01', closesOn: '2026-11-30' },
  });
  setClock(null);
}, 120_000);
afterAll(() => t?.close());
afterEach(() => setClock(null));

const signIn = (a: { username: string; password: string }) => t.signIn(a.username, a.password);

describe('effectiveness ranking', () => {
  test('HR sees the course raise the competency against untrained people with the same gap, with group sizes and a 95 % interval', async () => {
    const hr = await signIn(w.hr);
    const res = await hr.get('/api/evaluation/effectiveness?by=course');
    expect(res.statusCode).toBe(200);
    const [row] = res.json().items;
    expect(row).toMatchObject({ key: w.course.id, label: 'Dữ liệu số', institutionName: 'Học viện Hiệu quả', treatedN: 6, comparisonN: 6, verdict: 'raised' });
    expect(row.effect).toBeCloseTo(1, 6);
    expect(row.low).toBeGreaterThan(0);
    expect(row.high).toBeGreaterThan(1);
    expect(row.treated).toMatchObject({ n: 6, before: 2 });
    expect(row.treated.after).toBeCloseTo(3.5, 6);
    expect(row.comparison.after).toBeCloseTo(2.5, 6);
    for (const by of ['institution', 'competency', 'format']) {
      const items = (await hr.get(`/api/evaluation/effectiveness?by=${by}`)).json().items;
      expect(items).toHaveLength(1);
      expect(items[0].effect).toBeCloseTo(1, 6);
    }
    const detail = await hr.get(`/api/evaluation/effectiveness/courses/${w.course.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().byCompetency).toMatchObject([{ key: w.fw.competencyIds[0], treatedN: 6, verdict: 'raised' }]);
  });

  test('the plan optimiser reads the measured gain with its interval', async () => {
    const never = crypto.randomUUID();
    const gains = await expectedCourseGains(t.db, [w.course.id, never]);
    expect(gains.get(w.course.id)).toMatchObject({ treatedN: 6, comparisonN: 6, verdict: 'raised' });
    expect(gains.get(w.course.id)!.gain).toBeCloseTo(1, 6);
    // The same figure as the ranking's, though only the comparison cells of the course's competencies were read.
    const ranking = (await (await signIn(w.hr)).get('/api/evaluation/effectiveness?by=course')).json().items;
    expect(gains.get(w.course.id)!.low).toBeCloseTo(ranking.find((r: { key: string }) => r.key === w.course.id).low, 9);
    // A course nobody has taken is absent: the optimiser keeps its nominal levels.
    expect(gains.has(never)).toBe(false);
  });

  test('a course with fewer than five trainees says the groups are too small, with no interval', async () => {
    const small = await course(t, {
      institutionId: w.school.id,
      versionId: w.fw.versionId,
      competencies: [{ id: w.fw.competencyIds[1]!, toLevel: 4 }],
      title: 'Nhỏ',
    });
    // Three of the untrained people took it between the two cycles.
    const s = await session(t, { courseId: small.id });
    for (const p of w.untrained.slice(0, 3))
      await complete(t, { enrolmentId: (await enrol(t, { sessionId: s.id, person: p })).id, completedAt: '2026-03-20T09:00:00.000Z' });
    const items = (await (await signIn(w.hr)).get('/api/evaluation/effectiveness?by=course')).json().items as Array<Record<string, unknown>>;
    const row = items.find((r) => r.key === small.id)!;
    expect(row).toMatchObject({ treatedN: 3, verdict: 'too_small', low: null, high: null });
    // The first course's comparison group lost nobody: they were trained in another competency.
    expect(items.find((r) => r.key === w.course.id)).toMatchObject({ comparisonN: 6 });
  });

  test('the institution sees its own course; another institution and another agency’s HR do not', async () => {
    const own = await signIn(w.school.staff);
    const mine = await own.get('/api/evaluation/effectiveness?by=course');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((r: { key: string }) => r.key)).toContain(w.course.id);
    expect((await own.get(`/api/evaluation/effectiveness/courses/${w.course.id}`)).statusCode).toBe(200);

    const rival = await signIn(w.rival.staff);
    expect((await rival.get('/api/evaluation/effectiveness?by=course')).json().items).toEqual([]);
    expect((await rival.get(`/api/evaluation/effectiveness/courses/${w.course.id}`)).statusCode).toBe(404);

    const elsewhere = await agency(t, { name: 'Tỉnh khác' });
    const otherHr = await signIn(await account(t, { agency: elsewhere, role: 'hr_officer' }));
    expect((await otherHr.get('/api/evaluation/effectiveness?by=course')).json().items).toEqual([]);
    expect((await otherHr.get(`/api/evaluation/effectiveness?agencyId=${w.dept.id}`)).statusCode).toBe(404);
    expect((await otherHr.get(`/api/evaluation/effectiveness/courses/${w.course.id}`)).statusCode).toBe(404);

    const trainee = await signIn(w.trainees[0]!.account);
    expect((await trainee.get('/api/evaluation/effectiveness')).statusCode).toBe(403);
    const lonely = await institution(t, { agency: elsewhere });
    expect((await (await signIn(lonely.staff)).get(`/api/evaluation/effectiveness/courses/${w.course.id}`)).statusCode).toBe(404);
  });

  test('the institution downloads its course report as PDF; HR the agency’s report as xlsx', async () => {
    const own = await signIn(w.school.staff);
    const pdf = await own.get(`/api/evaluation/effectiveness/courses/${w.course.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Issue 18, item 7: the report follows the reader's language, numbers and all.
    const vi = pdfText(pdf.rawPayload).join('\n');
    expect(vi).toContain('BÁO CÁO ĐÁNH GIÁ HIỆU QUẢ KHÓA BỒI DƯỠNG');
    expect(vi).toMatch(/\+1,00 mức/);
    const en = await own.get(`/api/evaluation/effectiveness/courses/${w.course.id}/report.pdf?language=en`);
    expect(en.headers['content-disposition']).toContain('course-evaluation-');
    const english = pdfText(en.rawPayload).join('\n');
    expect(english).toContain('TRAINING COURSE EFFECTIVENESS REPORT');
    expect(english).toMatch(/an effect of \+1\.00 levels/);
    expect(english).not.toContain('Khóa học');
    expect((await (await signIn(w.rival.staff)).get(`/api/evaluation/effectiveness/courses/${w.course.id}/report.pdf`)).statusCode).toBe(404);

    const xlsx = await (await signIn(w.hr)).get('/api/evaluation/effectiveness/report.xlsx', { 'accept-language': 'vi' });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Khóa học', 'Cơ sở đào tạo', 'Năng lực', 'Hình thức']);
    const courses = book.getWorksheet('Khóa học')!;
    const row = courses.getRow(5).values as unknown[];
    expect(row.slice(1, 5)).toEqual([1, 'Dữ liệu số', w.course.code, 6]);
    expect(row[8]).toBeCloseTo(1, 6);
    expect((await (await signIn(w.school.staff)).get('/api/evaluation/effectiveness/report.xlsx')).statusCode).toBe(403);
  });
});
