import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../src/modules/people/import/staff-import.read.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { waitForJob } from '../support/waits.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 240_000);
afterAll(() => t?.close());

const CSV = { 'content-type': 'text/csv' };
const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const HEADER = 'Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Mã cơ quan,Nhóm vai trò,Ngạch,Trạng thái';

async function upload(agent: Agent, body: string | Buffer, headers = CSV, fileName = 'staff.csv') {
  const res = await agent.post(`/api/people/import?fileName=${fileName}`, body, headers);
  expect(res.statusCode).toBe(202);
  return waitForJob(agent, res.json().id);
}

const countPeople = async () =>
  (
    await t.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('staff import', () => {
  it('offers a template in xlsx and csv that reads back with the right columns', async () => {
    const hr = await t.signIn('hr.hanoi');
    const xlsx = await hr.get('/api/people/import/template?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.headers.slice(0, 3)).toEqual(['Mã cán bộ', 'Họ và tên', 'Ngày sinh']);
    expect(sheet.rows).toHaveLength(1);
    const csv = await hr.get('/api/people/import/template?format=csv');
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('Mã cán bộ');
  });

  it('previews every row error and refuses to commit a file with errors', async () => {
    const hr = await t.signIn('hr.hanoi');
    const before = await countPeople();
    const file = [
      HEADER,
      'HN-2001,Nguyễn Văn Bình,12/05/1985,Nam,HN-SNV,Chuyên môn,Chuyên viên,Đang làm việc',
      'HN-2001,Trần Thị Cúc,31/02/1990,Nữ,HN-SNV,,,',
      // A code of another agency's register (Đà Nẵng): taken. A code of the importer's own register is an update (staff-register.api.test.ts).
      'DN-0003,Lê Văn Dũng,01/01/1980,Nam,KHONG-CO,,,',
      'HN-2004,Phạm Thị Em,01/01/1980,Nữ,DN-SNV,,,',
    ].join('\n');
    const job = await upload(hr, file);
    expect(job.phase).toBe('ready');
    expect(job.validRows).toBe(1);
    expect(job.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual([
      '3:duplicate_in_file',
      '3:invalid_date',
      '4:staff_code_exists',
      '4:unknown_agency',
      '5:agency_out_of_scope',
    ]);
    const commit = await hr.post(`/api/people/import/${job.id}/commit`, {});
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.code).toBe('import_has_errors');
    expect(await countPeople()).toBe(before);
    const report = await hr.get(`/api/people/import/${job.id}/report?format=csv`);
    expect(report.body).toContain('Mã cán bộ đã có trong hồ sơ');
    expect(report.body).toContain('No agency with this code');
  });

  it('leaves nothing behind when the commit fails half way', async () => {
    const hr = await t.signIn('hr.hanoi');
    const rows = Array.from({ length: 12_000 }, (_, i) => `HN-F${String(i).padStart(5, '0')},Nguyễn Văn Phúc ${i},,Nam,HN-SNV,,,`);
    const job = await upload(hr, [HEADER, ...rows].join('\n'));
    expect(job.errorCount).toBe(0);
    expect(job.validRows).toBe(12_000);
    // Someone registers the file's last staff code after the preview: the third chunk will collide.
    const agency = await t.db.selectFrom('agencies').select('id').where('code', '=', 'HN-SNV').executeTakeFirstOrThrow();
    await t.db.insertInto('people').values({ staff_code: 'HN-F11999', full_name: 'Người Khác', search_name: 'nguoi khac', agency_id: agency.id }).execute();
    const before = await countPeople();
    const auditBefore = (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

    expect((await hr.post(`/api/people/import/${job.id}/commit`, {})).statusCode).toBe(202);
    const done = await waitForJob(hr, job.id);
    expect(done.phase).toBe('failed');
    expect(done.failure.code).toBe('staff_code_exists');
    expect(await countPeople()).toBe(before);
    const leftovers = await t.db.selectFrom('people').select('id').where('staff_code', 'like', 'HN-F0%').execute();
    expect(leftovers).toEqual([]);
    const auditAfter = (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(auditAfter).toBe(auditBefore);
  });

  it('imports an xlsx with its own column order after re-mapping, all rows with their first post', async () => {
    const hr = await t.signIn('hr.hanoi');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Agency', 'Name', 'Birthday', 'Code', 'Sex']);
    sheet.addRow(['HN-HOANKIEM', 'Đỗ Thị Hạnh', new Date(Date.UTC(1991, 6, 4)), 'HN-3001', 'Nữ']);
    sheet.addRow(['hn-snv', 'Vũ Minh Khôi', '20/11/1988', 'HN-3002', 'Nam']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await upload(hr, file, XLSX, 'ds.xlsx');
    expect(job.phase).toBe('ready');
    expect(job.mapping).toMatchObject({ agencyCode: 0, fullName: 1 }); // "Code" and "Birthday" are not recognised
    const remapped = await hr.put(`/api/people/import/${job.id}/mapping`, { mapping: { agencyCode: 0, fullName: 1, dateOfBirth: 2, staffCode: 3, gender: 4 } });
    expect(remapped.statusCode).toBe(200);
    expect(remapped.json()).toMatchObject({ validRows: 2, errorCount: 0 });
    expect((await hr.post(`/api/people/import/${job.id}/commit`, { startDate: '2026-01-05' })).statusCode).toBe(202);
    const done = await waitForJob(hr, job.id);
    expect(done).toMatchObject({ phase: 'committed', imported: 2 });

    const list = (await hr.get('/api/people?q=do thi hanh')).json().items;
    expect(list).toHaveLength(1);
    const record = (await hr.get(`/api/people/${list[0].id}`)).json();
    expect(record).toMatchObject({ staffCode: 'HN-3001', dateOfBirth: '1991-07-04', gender: 'female' });
    expect(record.assignments).toMatchObject([{ reason: 'import', validFrom: '2026-01-05', adminUnitName: 'Phường Hoàn Kiếm' }]);
    const report = await hr.get(`/api/people/import/${job.id}/report?format=xlsx`);
    expect(report.statusCode).toBe(200);
    // Another officer cannot see someone else's job.
    const other = await t.signIn('hr.danang');
    expect((await other.get(`/api/people/import/${job.id}`)).statusCode).toBe(404);
  });

  it('names a file of another kind from its bytes, never a parser’s words', async () => {
    const hr = await t.signIn('hr.hanoi');
    const pdf = await upload(hr, Buffer.from('%PDF-1.7\n%%EOF\n'), CSV, 'staff.csv');
    expect(pdf.phase).toBe('failed');
    expect(pdf.failure).toEqual({ code: 'import_file_wrong_format', details: { format: 'csv', found: { vi: 'tài liệu PDF', en: 'a PDF document' } } });
    const png = await upload(hr, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), XLSX, 'anh.xlsx');
    expect(png.failure.details.found.en).toBe('a PNG image');
    const zip = await upload(hr, Buffer.from('PK\u0003\u0004garbage'), XLSX, 'broken.xlsx');
    expect(zip.failure).toEqual({ code: 'import_file_unreadable', details: { format: 'xlsx', found: { vi: 'tệp nén ZIP', en: 'a ZIP archive' } } });
    expect(JSON.stringify(zip.failure)).not.toMatch(/central directory|zip file \?/i);
  });

  it('answers an unreadable file clearly', async () => {
    const hr = await t.signIn('hr.hanoi');
    const job = await upload(hr, Buffer.from('PK\u0003\u0004garbage'), XLSX, 'broken.xlsx');
    expect(job.phase).toBe('failed');
    expect(job.failure.code).toBe('import_file_unreadable');
    const canbo = await t.signIn('canbo.hanoi');
    expect((await canbo.post('/api/people/import', 'a,b', CSV)).statusCode).toBe(403);
  });
});
