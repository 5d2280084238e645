import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

describe('administrative units as of a date', () => {
  it('answers the 2024 geography and today’s', async () => {
    const admin = await t.signIn('admin');
    const count = async (query: string) => (await admin.get(`/api/org/admin-units?${query}&limit=1`)).json().total;
    expect(await count('asOf=2024-06-01&tier=province')).toBe(63);
    expect(await count('asOf=2024-06-01&tier=district')).toBe(696);
    expect(await count('asOf=2024-06-01&tier=commune')).toBe(10035);
    expect(await count('asOf=2025-08-01&tier=province')).toBe(34);
    expect(await count('asOf=2025-08-01&tier=district')).toBe(0);
    expect(await count('asOf=2025-08-01&tier=commune')).toBe(3321);
  });

  it('finds units without diacritics', async () => {
    const hr = await t.signIn('hr.danang');
    const res = await hr.get('/api/org/admin-units?asOf=2025-08-01&tier=province&q=da nang');
    expect(res.json().items.map((u: { fullName: string }) => u.fullName)).toEqual(['Thành phố Đà Nẵng']);
  });

  it('resolves an old commune code to its successor', async () => {
    const hr = await t.signIn('hr.hanoi');
    const res = await hr.get('/api/org/admin-units/resolve?code=00001&tier=commune&recordedOn=2024-06-01&asOf=2025-08-01');
    expect(res.statusCode).toBe(200);
    expect(res.json().unit.fullName).toBe('Phường Phúc Xá');
    expect(res.json().successors.map((u: { fullName: string }) => u.fullName)).toEqual(['Phường Hồng Hà']);
    const split = (await hr.get('/api/org/admin-units/resolve?code=00007&recordedOn=2024-06-01&asOf=2025-08-01')).json();
    expect(split.successors.map((u: { name: string }) => u.name).sort()).toEqual(['Giảng Võ', 'Ngọc Hà']);
    expect(split.successors.find((u: { id: string }) => u.id === split.primaryId).name).toBe('Ngọc Hà');
  });

  it('shows a unit’s predecessors with the event that merged them', async () => {
    const hr = await t.signIn('hr.danang');
    const unit = (await hr.get('/api/org/admin-units/2025-P48')).json();
    const provinces = unit.predecessors.filter((p: { tier: string }) => p.tier === 'province');
    expect(provinces.map((p: { name: string }) => p.name).sort()).toEqual(['Quảng Nam', 'Đà Nẵng']);
    expect(provinces[0]).toMatchObject({ eventKind: 'merge', effectiveDate: '2025-07-01' });
    expect((await hr.get('/api/org/admin-units/nope')).statusCode).toBe(404);
  });
});

describe('history across the reorganisation', () => {
  it('keeps naming the 2024 unit on a 2024 record and rolls it up into today’s province', async () => {
    const admin = await t.signIn('admin');
    const danang = await t.agencyId('DN-SNV');
    const created = await admin.post('/api/org/agencies', {
      code: 'QNAM-SNV',
      name: 'Sở Nội vụ tỉnh Quảng Nam',
      kind: 'department',
      parentId: null,
      adminUnitId: 'pre2025-P49',
      validFrom: '2008-01-01',
    });
    expect(created.statusCode).toBe(201);
    const quangNam = created.json().id;
    const person = await admin.post('/api/people', { staffCode: 'QN-0001', fullName: 'Phan Văn Tài', agencyId: quangNam, startDate: '2024-03-01' });
    expect(person.statusCode).toBe(201);

    const merged = await admin.post(`/api/org/agencies/${quangNam}/merge`, { intoId: danang, effectiveDate: '2025-07-01' });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().peopleTransferred).toBe(1);

    // The Đà Nẵng HR officer now sees the person, and the 2024 post still names Quảng Nam.
    const hr = await t.signIn('hr.danang');
    const record = (await hr.get(`/api/people/${person.json().id}`)).json();
    expect(record.agencyName).toBe('Sở Nội vụ thành phố Đà Nẵng');
    const [now, before] = record.assignments;
    expect(before).toMatchObject({
      agencyName: 'Sở Nội vụ tỉnh Quảng Nam',
      adminUnitName: 'Tỉnh Quảng Nam',
      currentProvinceName: 'Thành phố Đà Nẵng',
      validFrom: '2024-03-01',
      validTo: '2025-07-01',
    });
    expect(now).toMatchObject({ reason: 'reorganisation', adminUnitName: 'Thành phố Đà Nẵng', validFrom: '2025-07-01', validTo: null });

    const report = async (geography: string) =>
      Object.fromEntries(
        (await admin.get(`/api/org/reports/staff-by-province?on=2024-06-01&geography=${geography}`))
          .json()
          .items.map((r: { provinceName: string | null; staff: number }) => [r.provinceName, r.staff]),
      );
    const historical = await report('historical');
    const current = await report('current');
    expect(historical['Tỉnh Quảng Nam']).toBe(1);
    expect(current['Tỉnh Quảng Nam']).toBeUndefined();
    expect(current['Thành phố Đà Nẵng']).toBe(historical['Thành phố Đà Nẵng'] + 1);

    const history = (await admin.get(`/api/org/agencies/${quangNam}`)).json().history;
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(['created', 'merged']);
    expect(history[1].mergedIntoName).toBe('Sở Nội vụ thành phố Đà Nẵng');
  });

  it('moves an agency with its history and keeps scope by path', async () => {
    const hr = await t.signIn('hr.hanoi');
    const parent = await t.agencyId('HN-SNV');
    const created = (await hr.post('/api/org/agencies', { code: 'HN-SNV-P1', name: 'Phòng Công chức', kind: 'department', parentId: parent })).json();
    const target = await t.agencyId('HN-HOANKIEM');
    const moved = await hr.post(`/api/org/agencies/${created.id}/move`, { parentId: target, effectiveDate: '2027-01-01' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(target);
    const detail = (await hr.get(`/api/org/agencies/${created.id}`)).json();
    expect(detail.history.map((h: { kind: string; toParentName: string | null }) => [h.kind, h.toParentName])).toEqual([
      ['created', 'Sở Nội vụ thành phố Hà Nội'],
      ['moved', 'Ủy ban nhân dân phường Hoàn Kiếm'],
    ]);
    // An agency cannot go inside itself.
    expect((await hr.post(`/api/org/agencies/${target}/move`, { parentId: created.id, effectiveDate: '2026-01-01' })).statusCode).toBe(400);
  });

  it('renames an agency from a date and keeps the old name in its history', async () => {
    const hr = await t.signIn('hr.hanoi');
    const created = (
      await hr.post('/api/org/agencies', { code: 'HN-SNV-P2', name: 'Phòng Tổ chức', kind: 'department', parentId: await t.agencyId('HN-SNV') })
    ).json();
    const renamed = await hr.post(`/api/org/agencies/${created.id}/rename`, {
      name: 'Phòng Tổ chức – Biên chế',
      nameEn: 'Organisation and Staffing Division',
      effectiveDate: '2027-03-01',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Phòng Tổ chức – Biên chế', nameEn: 'Organisation and Staffing Division' });
    const detail = (await hr.get(`/api/org/agencies/${created.id}`)).json();
    expect(detail.history.at(-1)).toMatchObject({
      kind: 'renamed',
      fromName: 'Phòng Tổ chức',
      toName: 'Phòng Tổ chức – Biên chế',
      effectiveDate: '2027-03-01',
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_id', '=', created.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ name: 'Phòng Tổ chức' });
    expect((await hr.post(`/api/org/agencies/${created.id}/rename`, { name: '', effectiveDate: '2027-03-01' })).statusCode).toBe(400);
  });

  it('dissolves only an agency without active staff or sub-agencies, and keeps it readable', async () => {
    const hr = await t.signIn('hr.hanoi');
    const withStaff = await t.agencyId('HN-SNV');
    const refused = await hr.post(`/api/org/agencies/${withStaff}/dissolve`, { effectiveDate: '2027-06-30' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('agency_not_empty');
    const empty = (await hr.post('/api/org/agencies', { code: 'HN-SNV-P3', name: 'Tổ công tác tạm thời', kind: 'department', parentId: withStaff })).json();
    const dissolved = await hr.post(`/api/org/agencies/${empty.id}/dissolve`, { effectiveDate: '2027-06-30' });
    expect(dissolved.statusCode).toBe(200);
    expect(dissolved.json().validTo).toBe('2027-06-30');
    const detail = (await hr.get(`/api/org/agencies/${empty.id}`)).json();
    expect(detail.history.map((h: { kind: string }) => h.kind)).toEqual(['created', 'dissolved']);
    // Gone from today's list, still there as of a date before it ended; no second dissolution.
    const listed = async (query: string) => (await hr.get(`/api/org/agencies?parentId=${withStaff}${query}`)).json().items.map((a: { code: string }) => a.code);
    expect(await listed('&asOf=2027-06-01')).toContain('HN-SNV-P3');
    expect(await listed('&asOf=2027-07-01')).not.toContain('HN-SNV-P3');
    expect((await hr.post(`/api/org/agencies/${empty.id}/dissolve`, { effectiveDate: '2027-07-01' })).statusCode).toBe(409);
    // Another province's HR officer cannot see it, let alone dissolve it.
    expect((await (await t.signIn('hr.danang')).post(`/api/org/agencies/${withStaff}/dissolve`, { effectiveDate: '2027-06-30' })).statusCode).toBe(404);
  });

  it('hides other provinces’ agencies (404) and refuses changes outside scope', async () => {
    const hr = await t.signIn('hr.danang');
    const hanoi = await t.agencyId('HN-SNV');
    expect((await hr.get(`/api/org/agencies/${hanoi}`)).statusCode).toBe(404);
    expect((await hr.post(`/api/org/agencies/${hanoi}/admin-unit`, { adminUnitId: '2025-P01', effectiveDate: '2026-01-01' })).statusCode).toBe(404);
    const list = (await hr.get('/api/org/agencies')).json().items.map((a: { code: string }) => a.code);
    expect(list).toContain('DN-SNV');
    expect(list).not.toContain('HN-SNV');
    const canbo = await t.signIn('canbo.danang');
    expect((await canbo.post('/api/org/agencies', { code: 'X', name: 'X', kind: 'department', parentId: null })).statusCode).toBe(403);
  });
});
