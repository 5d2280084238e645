import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
const positionIds = new Map<string, string>();
let competencyIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (const row of await t.db.selectFrom('positions').select(['id', 'code']).execute()) positionIds.set(row.code, row.id);
  const competencies = (await (await t.signIn('hr.hanoi')).get('/api/positions/competencies')).json().items;
  competencyIds = competencies.map((c: { id: string }) => c.id);
}, 60_000);
afterAll(() => t.close());

const hanoiPosition = () => `/api/positions/${positionIds.get('HN-SNV-CV-CCVC')}`;

describe('agency scope on positions', () => {
  it('the HR officer of Đà Nẵng cannot see or change a Hà Nội position: 404 like a missing one', async () => {
    const danang = await t.signIn('hr.danang');
    const read = await danang.get(hanoiPosition());
    expect(read.statusCode).toBe(404);
    expect(read.body).toBe((await danang.get('/api/positions/00000000-0000-4000-8000-000000000000')).body);
    expect((await danang.put(hanoiPosition(), { title: { vi: 'Đổi', en: '' }, roleCategory: 'support', tier: 'province' })).statusCode).toBe(404);
    expect((await danang.put(`${hanoiPosition()}/profile`, { requirements: [] })).statusCode).toBe(404);
    expect((await danang.delete(hanoiPosition())).statusCode).toBe(404);
    const matrix = await danang.patch('/api/positions/matrix', {
      changes: [{ positionId: positionIds.get('HN-SNV-CV-CCVC'), competencyId: competencyIds[0], requiredLevel: 1, criticality: 1 }],
    });
    expect(matrix.statusCode).toBe(404);
    // And nothing changed.
    const hanoi = await (await t.signIn('hr.hanoi')).get(hanoiPosition());
    expect(hanoi.json().titleVi).toBe('Chuyên viên quản lý công chức, viên chức');
    expect(hanoi.json().requirements).toHaveLength(30);
  });

  it('lists and the matrix hold only the caller’s subtree', async () => {
    const hanoi = await t.signIn('hr.hanoi');
    const codes = (await hanoi.get('/api/positions')).json().items.map((p: { code: string }) => p.code);
    expect(codes).toContain('HN-HK-CT');
    expect(codes.some((c: string) => c.startsWith('DN-') || c.startsWith('BNV-'))).toBe(false);
    const matrix = (await hanoi.get('/api/positions/matrix')).json();
    expect(matrix.positions.every((p: { code: string }) => p.code.startsWith('HN-'))).toBe(true);
    expect(matrix.competencies).toHaveLength(30);
    expect(matrix.cells.length).toBe(matrix.positions.length * 30);
    const admin = (await (await t.signIn('admin')).get('/api/positions')).json().items;
    expect(admin.length).toBe(positionIds.size);
  });

  it('answers what the API declares and never the agency path the scope is checked against', async () => {
    const hanoi = await t.signIn('hr.hanoi');
    const fields = ['agencyId', 'agencyName', 'code', 'id', 'requirementCount', 'roleCategory', 'tier', 'titleEn', 'titleVi'];
    const listed = (await hanoi.get('/api/positions')).json().items[0];
    expect(Object.keys(listed).sort()).toEqual(fields);
    const one = (await hanoi.get(hanoiPosition())).json();
    expect(Object.keys(one).sort()).toEqual([...fields, 'canEdit', 'requirements'].sort());
    expect(Object.keys(one.requirements[0]).sort()).toEqual(['code', 'competencyId', 'criticality', 'positionId', 'requiredLevel']);
    const matrix = (await hanoi.get('/api/positions/matrix')).json();
    expect(Object.keys(matrix.positions[0]).sort()).toEqual([...fields, 'canEdit'].sort());
    expect(Object.keys(matrix.cells[0]).sort()).toEqual(['competencyId', 'criticality', 'positionId', 'requiredLevel']);
    const template = (await hanoi.get('/api/positions/templates/professional/province')).json().items;
    expect(template.length).toBeGreaterThan(0);
    expect(Object.keys(template[0]).sort()).toEqual(['code', 'competencyId', 'criticality', 'requiredLevel']);
  });

  it('a leader reads but does not write; a civil servant does neither', async () => {
    const leader = await t.signIn('leader.hanoi');
    expect((await leader.get(hanoiPosition())).statusCode).toBe(200);
    expect((await leader.post('/api/positions', { code: 'X-1', title: { vi: 'X', en: '' }, roleCategory: 'support', tier: 'province' })).statusCode).toBe(403);
    expect((await (await t.signIn('canbo.hanoi')).get('/api/positions')).statusCode).toBe(403);
  });
});

describe('positions and profiles', () => {
  it('a position starts from its role x tier template and is adjusted in the matrix, all or nothing', async () => {
    const hr = await t.signIn('hr.hanoi');
    const agencyId = (await t.db.selectFrom('agencies').select('id').where('code', '=', 'HN-HOANKIEM').executeTakeFirstOrThrow()).id;
    const created = await hr.post('/api/positions', {
      agencyId,
      code: 'hn-hk-cv-dc',
      title: { vi: 'Công chức địa chính', en: 'Land officer' },
      roleCategory: 'professional',
      tier: 'commune',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const position = (await hr.get(`/api/positions/${id}`)).json();
    expect(position.code).toBe('HN-HK-CV-DC');
    expect(position.requirements).toHaveLength(30);
    const template = (await hr.get('/api/positions/templates/professional/commune')).json().items;
    expect(position.requirements.map((r: { requiredLevel: number }) => r.requiredLevel)).toEqual(
      template.map((r: { requiredLevel: number }) => r.requiredLevel),
    );

    const [first, second] = position.requirements;
    const saved = await hr.patch('/api/positions/matrix', {
      changes: [
        { positionId: id, competencyId: first.competencyId, requiredLevel: 5, criticality: 3 },
        { positionId: id, competencyId: second.competencyId, requiredLevel: null },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const after = (await hr.get(`/api/positions/${id}`)).json().requirements;
    expect(after).toHaveLength(29);
    expect(after.find((r: { competencyId: string }) => r.competencyId === first.competencyId)).toMatchObject({ requiredLevel: 5, criticality: 3 });

    // One bad cell: nothing of the batch is saved.
    const bad = await hr.patch('/api/positions/matrix', {
      changes: [
        { positionId: id, competencyId: first.competencyId, requiredLevel: 1, criticality: 1 },
        { positionId: id, competencyId: '00000000-0000-4000-8000-000000000000', requiredLevel: 2, criticality: 1 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(
      (await hr.get(`/api/positions/${id}`)).json().requirements.find((r: { competencyId: string }) => r.competencyId === first.competencyId).requiredLevel,
    ).toBe(5);
    expect(
      (await hr.patch('/api/positions/matrix', { changes: [{ positionId: id, competencyId: first.competencyId, requiredLevel: 9, criticality: 1 }] }))
        .statusCode,
    ).toBe(400);

    expect((await hr.post(`/api/positions/${id}/apply-template`)).statusCode).toBe(200);
    expect((await hr.get(`/api/positions/${id}`)).json().requirements).toHaveLength(30);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'position').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update_profile']));
  });

  it('an HR officer cannot create a position in another province, nor edit templates', async () => {
    const hr = await t.signIn('hr.danang');
    const hanoiAgency = (await t.db.selectFrom('agencies').select('id').where('code', '=', 'HN-SNV').executeTakeFirstOrThrow()).id;
    expect(
      (await hr.post('/api/positions', { agencyId: hanoiAgency, code: 'DN-X', title: { vi: 'X', en: '' }, roleCategory: 'support', tier: 'province' }))
        .statusCode,
    ).toBe(404);
    expect((await hr.put('/api/positions/templates/leader/province', { requirements: [] })).statusCode).toBe(403);
  });

  it('duplicate codes are refused', async () => {
    const hr = await t.signIn('hr.hanoi');
    const again = await hr.post('/api/positions', { code: 'HN-SNV-VT', title: { vi: 'Văn thư', en: '' }, roleCategory: 'support', tier: 'province' });
    expect(again.statusCode).toBe(409);
  });
});
