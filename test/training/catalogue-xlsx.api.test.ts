import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { catalogueWorld, courseBody, type CatalogueWorld } from './catalogue-fixture.js';

let t: TestApp;
let w: CatalogueWorld;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await catalogueWorld(t);
}, 60_000);
afterAll(() => t?.close());

const octet = { 'content-type': 'application/octet-stream' };
async function exported(institutionId: string): Promise<Buffer> {
  const res = await w.a.agent.get(`/api/training/institutions/${institutionId}/catalogue.xlsx`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return res.rawPayload;
}
async function sheetOf(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  return { book, ws: book.worksheets[0]! };
}
const snapshot = async () =>
  t.db
    .selectFrom('training_courses')
    .select(['id', 'code', 'version', 'status', 'title', 'hours', 'cost_per_seat', 'updated_at'])
    .where('institution_id', '=', w.a.id)
    .orderBy('code')
    .orderBy('version')
    .execute();

describe('catalogue xlsx', () => {
  it('exports one row per course × competency with spreadsheet-safe cells, and re-importing the export changes nothing', async () => {
    const first = (
      await w.a.agent.post(
        `/api/training/institutions/${w.a.id}/courses`,
        courseBody(w, {
          code: 'RT-1',
          title: '=HYPERLINK("http://x")',
          competencies: [
            { competencyId: w.fw.competencyIds[0], fromLevel: 1, toLevel: 3 },
            { competencyId: w.fw.competencyIds[1], fromLevel: 0, toLevel: 2 },
          ],
          passScore: 60,
        }),
      )
    ).json();
    const other = (await w.b.agent.post(`/api/training/institutions/${w.b.id}/courses`, courseBody(w, { code: 'B-1' }))).json();
    await w.a.agent.post(
      `/api/training/institutions/${w.a.id}/courses`,
      courseBody(w, { code: 'RT-2', title: 'Kỹ năng số nâng cao', prerequisiteIds: [first.id, other.id], format: 'job_rotation', costPerSeat: 0 }),
    );
    const file = await exported(w.a.id);
    const { ws } = await sheetOf(file);
    expect(ws.name).toBe('Danh mục khóa học');
    expect(ws.actualRowCount).toBe(1 + 3);
    const header = (ws.getRow(1).values as string[]).slice(1);
    const cell = (row: number, name: string) => ws.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(cell(2, 'Tên khóa học (tiếng Việt)')).toBe('\'=HYPERLINK("http://x")');
    expect(cell(2, 'Chi phí mỗi học viên (đồng)')).toBe(2_500_000);
    expect(cell(4, 'Khóa học tiên quyết')).toMatch(/^B-1|RT-1/);
    expect(String(cell(4, 'Khóa học tiên quyết'))).toContain('/B-1');
    expect(cell(4, 'Hình thức')).toBe('Luân chuyển vị trí');

    const before = await snapshot();
    const again = await w.a.agent.post(`/api/training/institutions/${w.a.id}/catalogue/import`, file, octet);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ created: 0, versioned: 0, unchanged: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it('imports new courses and new versions from the same layout', async () => {
    const file = await exported(w.a.id);
    const { book, ws } = await sheetOf(file);
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    // RT-1 gets 40 hours (both its rows), a new course NEW-1 (typed without diacritics in the format) requires RT-2.
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(col('Mã khóa học')).value === 'RT-1') row.getCell(col('Số giờ')).value = 40;
    });
    ws.addRow(
      header.map(
        (h) =>
          ({
            'Mã khóa học': 'NEW-1',
            'Tên khóa học (tiếng Việt)': 'Khóa mới',
            'Hình thức': 'truc tuyen',
            'Số giờ': 8,
            'Chi phí mỗi học viên (đồng)': 500000,
            'Khóa học tiên quyết': 'RT-2',
            'Mã khung năng lực': ws.getRow(2).getCell(col('Mã khung năng lực')).value,
            'Phiên bản khung': 1,
            'Mã năng lực': 'C03',
            'Từ mức': 0,
            'Đến mức': 1,
          })[h] ?? null,
      ),
    );
    const res = await w.a.agent.post(`/api/training/institutions/${w.a.id}/catalogue/import`, Buffer.from(await book.xlsx.writeBuffer()), octet);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 1, versioned: 1, unchanged: 1 });
    const rt1 = await t.db
      .selectFrom('training_courses')
      .select(['version', 'status', 'hours'])
      .where('institution_id', '=', w.a.id)
      .where('code', '=', 'RT-1')
      .orderBy('version')
      .execute();
    expect(rt1).toEqual([
      { version: 1, status: 'retired', hours: 24 },
      { version: 2, status: 'active', hours: 40 },
    ]);
    const created = await t.db
      .selectFrom('training_courses')
      .select(['id', 'format'])
      .where('institution_id', '=', w.a.id)
      .where('code', '=', 'NEW-1')
      .executeTakeFirstOrThrow();
    expect(created.format).toBe('online');
    expect((await w.a.agent.get(`/api/training/courses/${created.id}`)).json().prerequisites).toEqual([expect.objectContaining({ code: 'RT-2' })]);
  });

  it('refuses a file with bad rows as a whole, reporting each row in the user’s language', async () => {
    const file = await exported(w.a.id);
    const { book, ws } = await sheetOf(file);
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    ws.getRow(2).getCell(col('Số giờ')).value = 99; // a content change that must not be kept
    ws.getRow(3).getCell(col('Đến mức')).value = 9;
    ws.addRow(
      header.map(
        (h) =>
          ({
            'Mã khóa học': 'BAD-1',
            'Tên khóa học (tiếng Việt)': 'Khóa lỗi',
            'Hình thức': 'webinar',
            'Số giờ': 8,
            'Chi phí mỗi học viên (đồng)': -5,
            'Mã khung năng lực': 'KHONG-CO',
            'Phiên bản khung': 1,
            'Mã năng lực': 'C01',
            'Từ mức': 1,
            'Đến mức': 2,
          })[h] ?? null,
      ),
    );
    const before = await snapshot();
    const res = await w.a.agent.post(`/api/training/institutions/${w.a.id}/catalogue/import`, Buffer.from(await book.xlsx.writeBuffer()), {
      ...octet,
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(422);
    const { code, details } = res.json().error;
    expect(code).toBe('training_import_invalid');
    const last = ws.rowCount;
    expect(details.issues).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'Đến mức', message: 'The proficiency level is outside the scale of the framework version.' },
        { row: last, column: 'Hình thức', message: expect.stringContaining('Unknown format') },
        { row: last, column: 'Chi phí mỗi học viên (đồng)', message: 'The cost must be a whole number of dong, not negative.' },
        { row: last, column: 'Mã khung năng lực', message: 'The framework version does not exist or is not published.' },
      ]),
    );
    expect(await snapshot()).toEqual(before);
    // Vietnamese by default.
    const vi = await w.a.agent.post(`/api/training/institutions/${w.a.id}/catalogue/import`, Buffer.from(await book.xlsx.writeBuffer()), octet);
    expect(vi.json().error.details.issues).toContainEqual({
      row: last,
      column: 'Chi phí mỗi học viên (đồng)',
      message: 'Chi phí phải là số nguyên đồng, không âm.',
    });
  });

  it('names what a file of another kind holds', async () => {
    const pdf = await w.a.agent.post(`/api/training/institutions/${w.a.id}/catalogue/import`, Buffer.from('%PDF-1.7\n%%EOF\n'), octet);
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().error.details.issues[0].message).toBe('Không đọc được tệp Excel (.xlsx). Tệp này là tài liệu PDF.');
  });

  it('refuses a broken file and another institution’s import', async () => {
    const broken = await w.a.agent.post(`/api/training/institutions/${w.a.id}/catalogue/import`, Buffer.from('not a workbook'), octet);
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.details.issues[0].message).toMatch(/Không đọc được/);
    const file = await exported(w.a.id);
    expect((await w.b.agent.post(`/api/training/institutions/${w.a.id}/catalogue/import`, file, octet)).statusCode).toBe(404);
  });
});
