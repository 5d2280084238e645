import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/platform/text/formats.js';
import { today } from '../../src/platform/clock.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { waitForJob } from '../support/waits.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 240_000);
afterAll(() => t?.close());

const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const HEADER_ROW = 6;

async function workbookOf(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const text = (cell: ExcelJS.Cell) => String(cell.value ?? '');

/** The register's rows by staff code: column header → cell text. */
function registerRows(sheet: ExcelJS.Worksheet) {
  const headers = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
  const rows = new Map<string, { number: number; cells: Record<string, string> }>();
  sheet.eachRow((row, number) => {
    if (number <= HEADER_ROW) return;
    const cells = Object.fromEntries(headers.map((h, i) => [h, text(row.getCell(i + 1))]));
    if (cells[headers[0]!]) rows.set(cells[headers[0]!]!, { number, cells });
  });
  return { headers, rows };
}

async function reimport(agent: Agent, workbook: ExcelJS.Workbook) {
  const res = await agent.post('/api/people/import?fileName=register.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
  expect(res.statusCode).toBe(202);
  return waitForJob(agent, res.json().id);
}

describe('staff register, both ways', () => {
  it('exports the register with a title, the agency and the date, in the template’s columns', async () => {
    const hr = await t.signIn('hr.hanoi');
    const res = await hr.get('/api/people/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const sheet = (await workbookOf(res.rawPayload)).worksheets[0]!;
    expect(text(sheet.getCell('A1'))).toBe('DANH SÁCH CÁN BỘ, CÔNG CHỨC');
    expect(text(sheet.getCell('A2'))).toMatch(/^Cơ quan: /);
    expect(text(sheet.getCell('A3'))).toBe(`Ngày xuất: ${formatDate(today(), 'vi')}`);
    const { headers, rows } = registerRows(sheet);
    expect(headers.slice(0, 3)).toEqual(['Mã cán bộ', 'Họ và tên', 'Ngày sinh']);
    expect(rows.size).toBeGreaterThan(0);
    // Only the caller's scope: no Đà Nẵng agency codes.
    expect([...rows.values()].every((r) => r.cells['Mã cơ quan']!.startsWith('HN'))).toBe(true);
    const withBirth = [...rows.values()].find((r) => r.cells['Ngày sinh']);
    expect(withBirth?.cells['Ngày sinh']).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('re-imports an exported file: one changed cell is previewed as that change, and committing writes and audits it', async () => {
    const hr = await t.signIn('hr.hanoi');
    const workbook = await workbookOf((await hr.get('/api/people/export')).rawPayload);
    const sheet = workbook.worksheets[0]!;
    const { headers, rows } = registerRows(sheet);
    const [code, target] = [...rows.entries()][0]!;
    const emailColumn = headers.indexOf('Thư điện tử') + 1;
    const before = target.cells['Thư điện tử'] || null;
    sheet.getRow(target.number).getCell(emailColumn).value = 'doi.thu@hanoi.gov.vn';

    const job = await reimport(hr, workbook);
    expect(job.phase).toBe('ready');
    expect(job.errors).toEqual([]);
    expect(job.changes).toMatchObject({ created: 0, changed: 1, unchanged: rows.size - 1 });
    expect(job.changes.rows).toEqual([
      { row: target.number, staffCode: code, fullName: target.cells['Họ và tên'], changes: [{ field: 'email', before, after: 'doi.thu@hanoi.gov.vn' }] },
    ]);

    const commit = await hr.post(`/api/people/import/${job.id}/commit`, {});
    expect(commit.statusCode).toBe(202);
    expect(await waitForJob(hr, job.id)).toMatchObject({ phase: 'committed', imported: 1 });
    const person = await t.db.selectFrom('people').select(['id', 'email']).where('staff_code', '=', code).executeTakeFirstOrThrow();
    expect(person.email).toBe('doi.thu@hanoi.gov.vn');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'person')
      .where('entity_id', '=', person.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toEqual({ email: before });
    expect(audit[0]!.after).toMatchObject({ email: 'doi.thu@hanoi.gov.vn', importId: job.id });

    // The same file again changes nothing.
    const again = await reimport(hr, workbook);
    expect(again.changes).toMatchObject({ created: 0, changed: 0, unchanged: rows.size });
  });

  it('moves a person to another post through a new assignment when the file changes their status, and adds new rows', async () => {
    const hr = await t.signIn('hr.hanoi');
    const workbook = await workbookOf((await hr.get('/api/people/export')).rawPayload);
    const sheet = workbook.worksheets[0]!;
    const { headers, rows } = registerRows(sheet);
    const [code, target] = [...rows.entries()].find(([, r]) => r.cells['Trạng thái'] === 'Đang làm việc')!;
    sheet.getRow(target.number).getCell(headers.indexOf('Trạng thái') + 1).value = 'Nghỉ phép';
    const last = Math.max(...[...rows.values()].map((r) => r.number));
    const added = sheet.getRow(last + 1);
    added.getCell(1).value = 'HN-9901';
    added.getCell(2).value = 'Ngô Thị Lan';
    added.getCell(headers.indexOf('Mã cơ quan') + 1).value = 'HN-SNV';

    const job = await reimport(hr, workbook);
    expect(job.errors).toEqual([]);
    expect(job.changes).toMatchObject({ created: 1, changed: 1 });
    expect(job.changes.rows[0]).toMatchObject({ staffCode: code, changes: [{ field: 'status', before: 'active', after: 'on_leave' }] });
    await hr.post(`/api/people/import/${job.id}/commit`, { startDate: '2026-06-01' });
    expect(await waitForJob(hr, job.id)).toMatchObject({ phase: 'committed', imported: 2 });
    const person = await t.db.selectFrom('people').select(['id', 'status']).where('staff_code', '=', code).executeTakeFirstOrThrow();
    expect(person.status).toBe('on_leave');
    const open = await t.db
      .selectFrom('person_assignments')
      .select(['status', 'reason'])
      .where('person_id', '=', person.id)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(open).toEqual({ status: 'on_leave', reason: 'status_change' });
    expect(await t.db.selectFrom('people').select('id').where('staff_code', '=', 'HN-9901').executeTakeFirst()).toBeDefined();
  });

  it('still refuses a staff code of another agency’s register', async () => {
    const hr = await t.signIn('hr.hanoi');
    const other = await t.db
      .selectFrom('people as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select('p.staff_code')
      .where('a.code', 'like', 'DN%')
      .executeTakeFirstOrThrow();
    const csv = `Mã cán bộ,Họ và tên,Mã cơ quan\n${other.staff_code},Ai Đó,HN-SNV\n`;
    const res = await hr.post('/api/people/import?fileName=x.csv', csv, { 'content-type': 'text/csv' });
    const job = await waitForJob(hr, res.json().id);
    expect(job.errors.map((e: { code: string }) => e.code)).toEqual(['staff_code_exists']);
  });

  it('follows the user’s language and reads back unchanged', async () => {
    const hr = await t.signIn('hr.hanoi');
    const res = await hr.get('/api/people/export', { 'accept-language': 'en' });
    const workbook = await workbookOf(res.rawPayload);
    const sheet = workbook.worksheets[0]!;
    expect(text(sheet.getCell('A1'))).toBe('STAFF REGISTER');
    const { headers, rows } = registerRows(sheet);
    expect(headers.slice(0, 2)).toEqual(['Staff code', 'Full name']);
    expect([...rows.values()].some((r) => ['Active', 'On leave'].includes(r.cells['Status']!))).toBe(true);
    const job = await reimport(hr, workbook);
    expect(job.errors).toEqual([]);
    expect(job.changes).toMatchObject({ created: 0, changed: 0, unchanged: rows.size });
  });

  it('offers dropdowns for the coded columns of the template and the export', async () => {
    const hr = await t.signIn('hr.hanoi');
    for (const url of ['/api/people/import/template?format=xlsx', '/api/people/export']) {
      const workbook = await workbookOf((await hr.get(url)).rawPayload);
      const sheet = workbook.worksheets[0]!;
      const lists = workbook.getWorksheet('Danh mục - Lists')!;
      expect(lists).toBeDefined();
      const headerRow = url.includes('template') ? 1 : HEADER_ROW;
      const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
      const listOf = (header: string) => {
        const validation = sheet.getCell(headerRow + 1, headers.indexOf(header) + 1).dataValidation;
        expect(validation).toMatchObject({ type: 'list' });
        const [, column, last] = /!\$([A-Z])\$2:\$[A-Z]\$(\d+)$/.exec(validation.formulae[0] as string)!;
        return Array.from({ length: Number(last) - 1 }, (_, i) => text(lists.getCell(`${column}${i + 2}`)));
      };
      expect(listOf('Mã cơ quan')).toContain('HN-SNV');
      expect(listOf('Mã cơ quan').some((c) => c.startsWith('DN'))).toBe(false);
      expect(listOf('Giới tính')).toEqual(['Nam', 'Nữ', 'Khác']);
      expect(listOf('Nhóm vai trò')).toEqual(['Lãnh đạo', 'Quản lý', 'Chuyên môn', 'Hỗ trợ']);
      expect(listOf('Trạng thái')).toContain('Nghỉ hưu');
      expect(listOf('Mã vị trí việc làm').length).toBeGreaterThan(0);
    }
  });
});
