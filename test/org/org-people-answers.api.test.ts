import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency } from '../support/factories.js';

/**
 * Issue 13: the org and people answers are declared (zod) and checked by the
 * serializer. These read the fields the web app shows from routes the other
 * tests reach only on their refusals, so a schema that dropped or mistyped one
 * (a count as a string, a missing unit name) fails here, not in a browser.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
}, 60_000);
afterAll(() => t?.close());

async function world() {
  const root = await agency(t, { kind: 'province' });
  const department = await agency(t, { parent: root });
  const hr = await account(t, { agency: root, role: 'hr_officer' });
  const stranger = await account(t, { agency: await agency(t), role: 'hr_officer' });
  const unitId = `T-P${crypto.randomUUID().slice(0, 6)}`;
  await t.db
    .insertInto('admin_units')
    .values({
      id: unitId,
      code: '99',
      tier: 'province',
      era: '2025',
      kind: 'Tỉnh',
      name: 'Thử',
      full_name: 'Tỉnh Thử',
      search_name: 'tinh thu',
      province_id: unitId,
      valid_from: '2025-07-01',
    })
    .execute();
  return { root, department, unitId, hr: await t.signIn(hr.username, hr.password), stranger: await t.signIn(stranger.username, stranger.password) };
}

describe('org answers', () => {
  it('ties an agency to a unit and answers the agency with its unit, its counts and its history', async () => {
    const { root, department, unitId, hr, stranger } = await world();
    const tied = await hr.post(`/api/org/agencies/${department.id}/admin-unit`, { adminUnitId: unitId, effectiveDate: '2026-01-01' });
    expect(tied.statusCode).toBe(200);
    expect(tied.json()).toMatchObject({
      id: department.id,
      kind: 'department',
      adminUnitId: unitId,
      adminUnitName: 'Tỉnh Thử',
      adminUnitTier: 'province',
      validTo: null,
      successorId: null,
      nameEn: null,
    });

    const list = (await hr.get('/api/org/agencies')).json().items as Array<{ id: string; childCount: unknown }>;
    expect(list.map((a) => [a.id, a.childCount])).toEqual([
      [root.id, 1],
      [department.id, 0],
    ]);

    const detail = (await hr.get(`/api/org/agencies/${department.id}`)).json();
    const change = detail.history.find((h: { kind: string }) => h.kind === 'unit_changed');
    expect(change).toMatchObject({ effectiveDate: '2026-01-01', fromUnitName: null, toUnitName: 'Tỉnh Thử' });
    expect(Number.isNaN(Date.parse(change.recordedAt))).toBe(false);

    // Another agency's HR learns nothing and changes nothing.
    expect((await stranger.get(`/api/org/agencies/${department.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/org/agencies/${department.id}/admin-unit`, { adminUnitId: unitId, effectiveDate: '2026-02-01' })).statusCode).toBe(404);
    expect((await hr.get(`/api/org/agencies/${department.id}`)).json().history).toHaveLength(detail.history.length);
  });

  it('answers a unit with its parents and links', async () => {
    const { unitId, hr } = await world();
    const unit = await hr.get(`/api/org/admin-units/${unitId}`);
    expect(unit.statusCode).toBe(200);
    expect(unit.json()).toMatchObject({
      id: unitId,
      tier: 'province',
      era: '2025',
      validFrom: '2025-07-01',
      validTo: null,
      ancestors: [],
      predecessors: [],
      successors: [],
    });
  });
});

describe('people answers', () => {
  it('answers a new person and their first post with the unit of that date', async () => {
    const { department, unitId, hr, stranger } = await world();
    await hr.post(`/api/org/agencies/${department.id}/admin-unit`, { adminUnitId: unitId, effectiveDate: '2026-01-01' });
    const created = await hr.post('/api/people', {
      staffCode: `T-${crypto.randomUUID().slice(0, 8)}`,
      agencyId: department.id,
      fullName: 'Trần Thị Thử',
      startDate: '2026-02-01',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      fullName: 'Trần Thị Thử',
      status: 'active',
      agencyId: department.id,
      agencyPath: department.path,
      positionId: null,
      positionCode: null,
      dateOfBirth: null,
    });

    const id = created.json().id as string;
    const detail = (await hr.get(`/api/people/${id}`)).json();
    expect(detail.assignments).toEqual([
      expect.objectContaining({
        agencyId: department.id,
        reason: 'hired',
        status: 'active',
        validFrom: '2026-02-01',
        validTo: null,
        adminUnitId: unitId,
        adminUnitName: 'Tỉnh Thử',
      }),
    ]);

    expect((await stranger.get(`/api/people/${id}`)).statusCode).toBe(404);
    expect((await stranger.patch(`/api/people/${id}`, { fullName: 'Đổi tên' })).statusCode).toBe(404);
    expect((await hr.get(`/api/people/${id}`)).json().fullName).toBe('Trần Thị Thử');
  });
});
