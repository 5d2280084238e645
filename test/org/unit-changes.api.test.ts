import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdminUnitsIfEmpty } from '../../src/modules/org/admin-units.loader.js';
import { CROSSWALK_COLUMNS } from '../../src/modules/org/unit-changes/crosswalk.plan.js';
import { CHANGE_SET_COLUMNS } from '../../src/modules/org/unit-changes/change-set.plan.js';
import { account, agency, type AccountRow } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

const octet = { 'content-type': 'application/octet-stream' };
let t: TestApp;
let national: AccountRow;
let admin: Agent;
let hr: Agent;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  await t.db.transaction().execute((trx) => loadAdminUnitsIfEmpty(trx));
  const ministry = await agency(t, { name: 'Bộ Nội vụ (thử)' });
  national = await account(t, { agency: ministry, role: 'national_admin' });
  admin = await t.signIn(national.username, national.password);
  const hrAccount = await account(t, { agency: await agency(t, { parent: ministry }), role: 'hr_officer' });
  hr = await t.signIn(hrAccount.username, hrAccount.password);
}, 120_000);
afterAll(() => t?.close());

/** The statistics office's layout: a title, the header, one row per (new commune, old commune) pair. */
async function crosswalkWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Bảng chuyển đổi');
  sheet.addRow(['BẢNG CHUYỂN ĐỔI ĐƠN VỊ HÀNH CHÍNH MỚI – CŨ']);
  sheet.addRow([]);
  sheet.addRow([...CROSSWALK_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const OFFICIAL = [
  ['Tỉnh Ninh Bình (37)', 'Xã Hiển Khánh', '13753', 'Xã Quang Trung', '13768', 'Nhập toàn bộ', 'Huyện Vụ Bản (359)', 'Tỉnh Nam Định'],
  ['Tỉnh Ninh Bình (37)', 'Xã Hiển Khánh', '13753', 'Xã Hợp Hưng', '13753', 'Nhập toàn bộ', 'Huyện Vụ Bản (359)', 'Tỉnh Nam Định'],
  ['Tỉnh Quảng Ngãi (51)', 'Xã Đăk Hà', 23500, 'Xã Hà Mòn', 23521, 'Nhập toàn bộ', 'Huyện Đắk Hà (615)', 'Tỉnh Kon Tum'],
  // A partial split, the second name spelt with the other tone-mark placement ("Hoà"), codes typed as numbers.
  ['Tỉnh Cao Bằng (04)', 'Xã Bế Văn Đàn', '01636', 'Xã Mỹ Hưng', '01615', 'Nhập một phần', 'Huyện Quảng Hòa (049)', 'Tỉnh Cao Bằng'],
  ['Tỉnh Cao Bằng (04)', 'Xã Phục Hoà', 1648, 'Xã Mỹ Hưng', 1615, 'Nhập một phần', 'Huyện Quảng Hòa (049)', 'Tỉnh Cao Bằng'],
];

const successorNames = async (code: string) =>
  (await admin.get(`/api/org/admin-units/resolve?code=${code}&tier=commune&recordedOn=2024-06-01&asOf=2025-08-01`))
    .json()
    .successors.map((u: { fullName: string }) => u.fullName);

describe('official crosswalk of administrative units', () => {
  it('refuses a wrong file, every bad row, and another agency’s HR officer, changing nothing', async () => {
    const pdf = await admin.post('/api/org/admin-units/changes/preview?kind=crosswalk', Buffer.from('%PDF-1.7\n...'), octet);
    expect(pdf.statusCode).toBe(422);
    const [wrongKind] = pdf.json().error.details.issues;
    expect(wrongKind.message.vi).toMatch(/tài liệu PDF; cần một bảng tính Excel/);
    expect(wrongKind.message.en).toMatch(/a PDF document; an Excel workbook \(xlsx\) or a CSV file was expected/);

    const bad = await crosswalkWorkbook([
      OFFICIAL[0]!,
      ['Tỉnh Ninh Bình (37)', 'Xã Không Có', '99999', 'Xã Quang Trung', '13768', 'Nhập toàn bộ', '', ''],
      ['Tỉnh Hà Nội (01)', 'Xã Hiển Khánh', '13753', 'Xã Quang Trung', '13768', 'Chuyển đi', '', ''],
    ]);
    const refused = await admin.post('/api/org/admin-units/changes?kind=crosswalk&fileName=bad.xlsx', bad, octet);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('admin_unit_changes_invalid');
    const issues = refused.json().error.details.issues as { location: string; message: { en: string } }[];
    expect(issues.map((i) => i.location)).toEqual(expect.arrayContaining(['dòng 5 / row 5', 'dòng 6 / row 6']));
    expect(issues.some((i) => /99999/.test(i.message.en))).toBe(true);
    expect(issues.some((i) => /Chuyển đi/.test(i.message.en))).toBe(true);
    expect(await successorNames('13768')).toEqual(['Phường Nam Định']);

    const good = await crosswalkWorkbook(OFFICIAL);
    for (const response of [
      await hr.post('/api/org/admin-units/changes/preview?kind=crosswalk', good, octet),
      await hr.post('/api/org/admin-units/changes?kind=crosswalk', good, octet),
      await hr.get('/api/org/admin-units/changes'),
    ])
      expect(response.statusCode).toBe(403);
    expect(await successorNames('13768')).toEqual(['Phường Nam Định']);
  });

  it('previews every change, then corrects the succession with history kept', async () => {
    const file = await crosswalkWorkbook(OFFICIAL);
    const preview = (await admin.post('/api/org/admin-units/changes/preview?kind=crosswalk', file, octet)).json();
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ rowsRead: 5, unchanged: 1 });
    const byCode = Object.fromEntries(preview.changes.map((c: { unitCode: string }) => [c.unitCode, c]));
    expect(Object.keys(byCode).sort()).toEqual(['01615', '13768', '23521']);
    expect(byCode['13768'].before.successors.map((s: { code: string }) => s.code)).toEqual(['13669']);
    expect(byCode['13768'].after.successors.map((s: { name: string }) => s.name)).toEqual(['Xã Hiển Khánh']);
    expect(byCode['01615'].after.successors.map((s: { code: string }) => s.code)).toEqual(['01636', '01648']);
    // Our catalogue names 01615 "Hồng Quang": the code is followed and the difference is shown; "Phục Hoà" matches "Phục Hòa".
    expect(preview.warnings.map((w: { location: string }) => w.location)).toEqual(['dòng 7 / row 7', 'dòng 8 / row 8']);
    expect(await successorNames('13768')).toEqual(['Phường Nam Định']);

    const done = await admin.post('/api/org/admin-units/changes?kind=crosswalk&fileName=bang-chuyen-doi.xlsx', file, octet);
    expect(done.statusCode).toBe(201);
    expect(await successorNames('13768')).toEqual(['Xã Hiển Khánh']);
    expect(await successorNames('23521')).toEqual(['Xã Đăk Hà']);
    expect((await successorNames('01615')).sort()).toEqual(['Xã Bế Văn Đàn', 'Xã Phục Hòa']);
    const rolled = (await admin.get('/api/org/admin-units/pre2025-C23521')).json();
    expect(rolled).toMatchObject({ currentUnitId: '2025-C23500', currentProvinceId: '2025-P51' });

    const sets = (await admin.get('/api/org/admin-units/changes')).json().items;
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ kind: 'crosswalk', fileName: 'bang-chuyen-doi.xlsx', rowsRead: 5, changes: 3, importedBy: national.username });
    const detail = (await admin.get(`/api/org/admin-units/changes/${sets[0].id}`)).json();
    const quangTrung = detail.items.find((c: { unitCode: string }) => c.unitCode === '13768');
    expect(quangTrung).toMatchObject({ kind: 'relink', effectiveDate: '2025-07-01' });
    expect(quangTrung.before.successors[0].code).toBe('13669');
    expect(quangTrung.after.successors[0].code).toBe('13753');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'admin_unit_change_set').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('admin_units.import:crosswalk');

    // The same file again changes nothing and is refused as such.
    const again = await admin.post('/api/org/admin-units/changes?kind=crosswalk', file, octet);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('admin_unit_changes_empty');
  });
});

describe('a dated change set', () => {
  it('turns Đồng Nai into a city on a date: agencies, people and reports follow', async () => {
    const created = await admin.post('/api/org/agencies', {
      code: 'DNAI-SNV-T',
      name: 'Sở Nội vụ Đồng Nai (thử)',
      kind: 'department',
      parentId: null,
      adminUnitId: '2025-P75',
      validFrom: '2025-07-01',
    });
    expect(created.statusCode).toBe(201);
    const agencyId = created.json().id;
    for (const n of [1, 2, 3]) {
      const person = await admin.post('/api/people', { staffCode: `DNT-${n}`, fullName: `Trần Văn Thử ${n}`, agencyId, startDate: '2025-08-01' });
      expect(person.statusCode).toBe(201);
    }
    const report = async () =>
      Object.fromEntries(
        (await admin.get('/api/org/reports/staff-by-province?on=2026-06-01&geography=current'))
          .json()
          .items.map((r: { provinceName: string | null; staff: number }) => [r.provinceName, r.staff]),
      );
    expect((await report())['Tỉnh Đồng Nai']).toBe(3);

    const csv = [
      CHANGE_SET_COLUMNS.join(';'),
      // Another tone-mark placement of nothing here, but a re-spelt old name would match the same way.
      '01/03/2026;Nâng cấp;Tỉnh;75;Tỉnh Đồng Nai;75;Đồng Nai;Thành phố;;Nghị quyết số 1/2026/QH16 (thử)',
    ].join('\n');
    const preview = (await admin.post('/api/org/admin-units/changes/preview?kind=changes', Buffer.from(csv), octet)).json();
    expect(preview.errors).toEqual([]);
    expect(preview.changes).toEqual([
      expect.objectContaining({
        kind: 'upgrade',
        unitCode: '75',
        before: expect.objectContaining({ fullName: 'Tỉnh Đồng Nai' }),
        after: expect.objectContaining({ fullName: 'Thành phố Đồng Nai' }),
      }),
    ]);
    const done = await admin.post('/api/org/admin-units/changes?kind=changes&fileName=dong-nai.csv', Buffer.from(csv), octet);
    expect(done.statusCode).toBe(201);
    expect(done.json().effectiveDate).toBe('2026-03-01');

    const after = await report();
    expect(after['Thành phố Đồng Nai']).toBe(3);
    expect(after['Tỉnh Đồng Nai']).toBeUndefined();
    expect((await admin.get(`/api/org/agencies/${agencyId}`)).json()).toMatchObject({ adminUnitName: 'Thành phố Đồng Nai' });
    const unit = (await admin.get('/api/org/admin-units/2025-P75')).json();
    expect(unit.fullName).toBe('Thành phố Đồng Nai');
    // The former name stays readable on the unit itself.
    expect(unit.changes).toEqual([
      expect.objectContaining({ kind: 'upgrade', effectiveDate: '2026-03-01', before: expect.objectContaining({ fullName: 'Tỉnh Đồng Nai' }) }),
    ]);
    const search = (await admin.get('/api/org/admin-units?asOf=2026-06-01&tier=province&q=thanh pho dong nai')).json();
    expect(search.items.map((u: { id: string }) => u.id)).toEqual(['2025-P75']);
  });

  it('merges a province into another from its date: its communes, agencies and people count in the successor', async () => {
    // Cà Mau (96) into Cần Thơ (92): an agency on one of Cà Mau's communes, with two people.
    const commune = await t.db
      .selectFrom('admin_units')
      .select(['id', 'full_name'])
      .where('province_id', '=', '2025-P96')
      .where('tier', '=', 'commune')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const created = await admin.post('/api/org/agencies', {
      code: 'CM-UBND-T',
      name: 'UBND xã (thử) Cà Mau',
      kind: 'commune',
      parentId: null,
      adminUnitId: commune.id,
      validFrom: '2025-07-01',
    });
    expect(created.statusCode).toBe(201);
    for (const n of [1, 2]) {
      expect(
        (await admin.post('/api/people', { staffCode: `CMT-${n}`, fullName: `Lê Thị Thử ${n}`, agencyId: created.json().id, startDate: '2025-08-01' }))
          .statusCode,
      ).toBe(201);
    }
    const report = async () =>
      Object.fromEntries(
        (await admin.get('/api/org/reports/staff-by-province?on=2026-12-01&geography=current'))
          .json()
          .items.map((r: { provinceName: string | null; staff: number }) => [r.provinceName, r.staff]),
      );
    const before = await report();
    expect(before['Tỉnh Cà Mau']).toBe(2);
    const csv = [CHANGE_SET_COLUMNS.join(';'), '01/10/2026;Nhập;Tỉnh;96;Tỉnh Cà Mau;92;;;;Nghị quyết thử'].join('\n');
    const preview = (await admin.post('/api/org/admin-units/changes/preview?kind=changes', Buffer.from(csv), octet)).json();
    expect(preview.errors).toEqual([]);
    expect(preview.changes).toEqual([
      expect.objectContaining({
        kind: 'merge',
        unitCode: '96',
        after: expect.objectContaining({ validTo: '2026-10-01', successors: [expect.objectContaining({ code: '92' })] }),
      }),
    ]);
    expect((await admin.post('/api/org/admin-units/changes?kind=changes&fileName=ca-mau.csv', Buffer.from(csv), octet)).statusCode).toBe(201);

    const after = await report();
    expect(after['Tỉnh Cà Mau']).toBeUndefined();
    expect(after['Thành phố Cần Thơ']).toBe((before['Thành phố Cần Thơ'] ?? 0) + 2);
    // The commune itself is now Cần Thơ's; the day before the merge it was still Cà Mau's.
    const moved = await t.db.selectFrom('admin_units').select(['province_id', 'current_province_id']).where('id', '=', commune.id).executeTakeFirstOrThrow();
    expect([moved.province_id, moved.current_province_id]).toContain('2025-P92');
    expect((await admin.get('/api/org/reports/staff-by-province?on=2026-09-30&geography=current')).statusCode).toBe(200);
  });

  it('merges two communes into a new one from its date; old records roll up into it', async () => {
    const csv = [
      CHANGE_SET_COLUMNS.join(','),
      '2026-07-01,Nhập,Xã,13753,Xã Hiển Khánh,99001,Vụ Bản Mới,Xã,37,Nghị quyết thử',
      '2026-07-01,Nhập,Xã,13669,Phường Nam Định,99001,Vụ Bản Mới,Xã,37,Nghị quyết thử',
    ].join('\n');
    const done = await admin.post('/api/org/admin-units/changes?kind=changes', Buffer.from(csv), octet);
    expect(done.statusCode).toBe(201);
    expect(done.json().changes.map((c: { kind: string }) => c.kind)).toEqual(['merge', 'merge']);
    const later = (await admin.get('/api/org/admin-units/resolve?code=13768&tier=commune&recordedOn=2024-06-01&asOf=2026-08-01')).json();
    expect(later.successors.map((u: { fullName: string }) => u.fullName)).toEqual(['Xã Vụ Bản Mới']);
    const before = (await admin.get('/api/org/admin-units/resolve?code=13768&tier=commune&recordedOn=2024-06-01&asOf=2026-01-01')).json();
    expect(before.successors.map((u: { fullName: string }) => u.fullName)).toEqual(['Xã Hiển Khánh']);
    expect((await admin.get('/api/org/admin-units/pre2025-C13768')).json().currentUnitId).toBe('later-2026-07-01-C99001');
  });
});
