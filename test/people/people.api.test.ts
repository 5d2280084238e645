import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVietnameseNames } from '../../src/platform/text/vietnamese.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

const personId = async (staffCode: string) => (await t.db.selectFrom('people').select('id').where('staff_code', '=', staffCode).executeTakeFirstOrThrow()).id;
const names = (res: { json(): { items: { fullName: string }[] } }) => res.json().items.map((p) => p.fullName);

describe('searching the register', () => {
  it('finds names with or without diacritics', async () => {
    const hr = await t.signIn('hr.hanoi');
    expect(names(await hr.get('/api/people?q=nguyen thi lan'))).toEqual(['Nguyễn Thị Lan']);
    expect(names(await hr.get(`/api/people?q=${encodeURIComponent('NGUYỄN THỊ'.normalize('NFD'))}`))).toEqual(['Nguyễn Thị Lan']);
    expect(names(await hr.get('/api/people?q=duc'))).toEqual(['Hoàng Văn Đức']);
    expect(names(await hr.get(`/api/people?q=${encodeURIComponent('đức')}`))).toEqual(['Hoàng Văn Đức']);
    expect(names(await hr.get('/api/people?q=hn-000')).length).toBeGreaterThan(3);
  });

  it('finds "Nguyễn Văn A" when typed "nguyen van a"', async () => {
    const admin = await t.signIn('admin');
    const created = await admin.post('/api/people', { staffCode: 'HN-9001', fullName: 'Nguyễn Văn A', agencyId: await t.agencyId('HN-SNV') });
    expect(created.statusCode).toBe(201);
    expect(names(await admin.get('/api/people?q=nguyen van a'))).toContain('Nguyễn Văn A');
  });

  it('sorts as Vietnamese lists do: given name, then middle name, then surname', async () => {
    const admin = await t.signIn('admin');
    const listed = names(await admin.get('/api/people?limit=500'));
    expect(listed.length).toBeGreaterThan(8);
    expect(listed).toEqual([...listed].sort(compareVietnameseNames));
    // Ánh is an A name with a tone mark: it sorts with the A given names, long before Ngọc.
    expect(listed.indexOf('Đặng Thị Ánh')).toBeLessThan(listed.indexOf('Ngô Thị Bích Ngọc'));
  });

  it('keeps each HR officer inside their province', async () => {
    const hr = await t.signIn('hr.danang');
    const listed = names(await hr.get('/api/people?limit=500'));
    expect(listed).toContain('Đặng Thị Ánh');
    expect(listed).not.toContain('Nguyễn Thị Lan');
    const hanoiPerson = await personId('HN-0002');
    expect((await hr.get(`/api/people/${hanoiPerson}`)).statusCode).toBe(404);
    expect((await hr.patch(`/api/people/${hanoiPerson}`, { phone: '0900000000' })).statusCode).toBe(404);
    expect((await hr.post(`/api/people/${hanoiPerson}/transfer`, { agencyId: await t.agencyId('DN-SNV'), effectiveDate: '2026-01-01' })).statusCode).toBe(404);
    expect((await hr.get(`/api/people?agencyId=${await t.agencyId('HN-SNV')}`)).statusCode).toBe(404);
    const canbo = await t.signIn('canbo.hanoi');
    expect((await canbo.get('/api/people')).statusCode).toBe(403);
  });
});

describe('changing the register keeps history', () => {
  it('refuses a correction that changes nothing (400, nothing audited), accepts one field', async () => {
    const hr = await t.signIn('hr.hanoi');
    const id = await personId('HN-0003');
    const auditsBefore = await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute();
    const empty = await hr.patch(`/api/people/${id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('validation_failed');
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute()).toHaveLength(auditsBefore.length);
    const one = await hr.patch(`/api/people/${id}`, { phone: '0912345678' });
    expect(one.statusCode).toBe(200);
  });

  it('records a transfer and a status change as new posts, old ones closed', async () => {
    const hr = await t.signIn('hr.hanoi');
    const id = await personId('HN-0004');
    const transferred = await hr.post(`/api/people/${id}/transfer`, {
      agencyId: await t.agencyId('HN-HOANKIEM'),
      rank: 'Chuyên viên chính',
      effectiveDate: '2026-02-01',
    });
    expect(transferred.statusCode).toBe(200);
    // The Sở Nội vụ post does not exist in the ward: the transfer leaves the post empty.
    expect(transferred.json()).toMatchObject({ agencyName: 'Ủy ban nhân dân phường Hoàn Kiếm', rank: 'Chuyên viên chính', positionId: null });
    expect((await hr.post(`/api/people/${id}/status`, { status: 'on_leave', effectiveDate: '2026-03-01' })).statusCode).toBe(200);
    const record = (await hr.get(`/api/people/${id}`)).json();
    expect(record.status).toBe('on_leave');
    expect(record.assignments.map((a: { reason: string; validFrom: string; validTo: string | null }) => [a.reason, a.validFrom, a.validTo])).toEqual([
      ['status_change', '2026-03-01', null],
      ['transfer', '2026-02-01', '2026-03-01'],
      ['reorganisation', '2025-07-01', '2026-02-01'],
      ['hired', '2024-01-01', '2025-07-01'],
    ]);
    // The Hoàn Kiếm post names the 2025 ward; the demo's 2024 post names the 2024 city.
    expect(record.assignments[1].adminUnitName).toBe('Phường Hoàn Kiếm');
    expect(record.assignments[3].adminUnitName).toBe('Thành phố Hà Nội');
    const audit = (await hr.get(`/api/audit?entity=person&entityId=${id}`)).json();
    expect(JSON.stringify(audit)).toContain('transfer');
  });

  it('refuses a duplicate staff code and bad input with clear errors', async () => {
    const hr = await t.signIn('hr.hanoi');
    const agency = await t.agencyId('HN-SNV');
    const dup = await hr.post('/api/people', { staffCode: 'hn-0001', fullName: 'Ai Đó', agencyId: agency });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('staff_code_exists');
    const bad = await hr.post('/api/people', { staffCode: 'HN-7', fullName: 'Ai Đó', agencyId: agency, dateOfBirth: '1990-02-31' });
    expect(bad.statusCode).toBe(400);
    expect((await hr.post('/api/people', { staffCode: 'HN-8', fullName: 'X', agencyId: agency, extra: 1 })).statusCode).toBe(400);
  });

  it('accepts only a post of the person’s agency', async () => {
    const hr = await t.signIn('hr.hanoi');
    const post = async (code: string) => (await t.db.selectFrom('positions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const agency = await t.agencyId('HN-SNV');
    const ok = await hr.post('/api/people', { staffCode: 'HN-9100', fullName: 'Lưu Văn Quý', agencyId: agency, positionId: await post('HN-SNV-VT') });
    expect(ok.statusCode).toBe(201);
    const wrong = await hr.post('/api/people', { staffCode: 'HN-9101', fullName: 'Lưu Văn Quý', agencyId: agency, positionId: await post('HN-HK-CT') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('position_not_in_agency');
  });

  it('normalises names to NFC on the way in', async () => {
    const hr = await t.signIn('hr.hanoi');
    const created = await hr.post('/api/people', {
      staffCode: 'HN-9002',
      fullName: '  Trần   Thị Hoà '.normalize('NFD'),
      agencyId: await t.agencyId('HN-SNV'),
    });
    expect(created.json().fullName).toBe('Trần Thị Hoà'.normalize('NFC'));
  });
});
