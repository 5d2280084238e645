import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { waitForJob } from '../support/waits.js';

// Issue 12, defect 10: what the HR of Hà Nội and of Đà Nẵng read in GET /api/audit
// about changes that concern their agencies.
let t: TestApp;
let hanoi: Agent;
let danang: Agent;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  [hanoi, danang, admin] = [await t.signIn('hr.hanoi'), await t.signIn('hr.danang'), await t.signIn('admin')];
}, 60_000);
afterAll(() => t?.close());

type Entry = { action: string; entity: string; entityId: string; after: Record<string, unknown> | null };
async function trail(agent: Agent, query: string): Promise<Entry[]> {
  const res = await agent.get(`/api/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}
const actions = async (agent: Agent, query: string) => (await trail(agent, query)).map((e) => e.action);

describe('audit trail across agencies', () => {
  it('shows an administrator’s import into Hà Nội to Hà Nội’s HR, with an entry for each imported person', async () => {
    const file = ['Mã cán bộ,Họ và tên,Mã cơ quan', 'HN-A001,Nguyễn Văn Toàn,HN-SNV', 'HN-A002,Trần Thị Hoa,HN-HOANKIEM'].join('\n');
    const res = await admin.post('/api/people/import?fileName=hn.csv', file, { 'content-type': 'text/csv' });
    expect(res.statusCode).toBe(202);
    const jobId = res.json().id;
    expect((await waitForJob(admin, jobId)).phase).toBe('ready');
    expect((await admin.post(`/api/people/import/${jobId}/commit`, {})).statusCode).toBe(202);
    expect(await waitForJob(admin, jobId)).toMatchObject({ phase: 'committed', imported: 2 });

    const imports = await trail(hanoi, `entity=staff_import&entityId=${jobId}`);
    expect(imports).toMatchObject([{ action: 'import', after: { fileName: 'hn.csv', rows: 2 } }]);
    expect(await trail(danang, `entity=staff_import&entityId=${jobId}`)).toEqual([]);
    expect(await actions(admin, `entity=staff_import&entityId=${jobId}`)).toEqual(['import']);

    for (const code of ['HN-A001', 'HN-A002']) {
      const person = await t.db.selectFrom('people').select('id').where('staff_code', '=', code).executeTakeFirstOrThrow();
      const entries = await trail(hanoi, `entity=person&entityId=${person.id}`);
      expect(entries).toMatchObject([{ action: 'import', after: { staffCode: code, importId: jobId } }]);
      expect(await trail(danang, `entity=person&entityId=${person.id}`)).toEqual([]);
    }
  });

  it('shows a transfer from Hà Nội to Đà Nẵng to the HR of both', async () => {
    const person = await t.db.selectFrom('people').select('id').where('staff_code', '=', 'HN-0003').executeTakeFirstOrThrow();
    const moved = await admin.post(`/api/people/${person.id}/transfer`, { agencyId: await t.agencyId('DN-SNV'), effectiveDate: '2026-03-01' });
    expect(moved.statusCode).toBe(200);
    expect(await actions(danang, `entity=person&entityId=${person.id}`)).toEqual(['transfer']);
    expect(await actions(hanoi, `entity=person&entityId=${person.id}`)).toEqual(['transfer']);
    // Entries of one agency stay out of another's trail.
    const other = await t.db.selectFrom('people').select('id').where('staff_code', '=', 'DN-0003').executeTakeFirstOrThrow();
    expect((await danang.patch(`/api/people/${other.id}`, { phone: '0905123456' })).statusCode).toBe(200);
    expect(await actions(danang, `entity=person&entityId=${other.id}`)).toEqual(['update']);
    expect(await actions(hanoi, `entity=person&entityId=${other.id}`)).toEqual([]);
  });

  it('shows an account moved from Hà Nội to Đà Nẵng to the HR of both', async () => {
    const created = await admin.post('/api/accounts', {
      username: 'moving.user',
      displayName: 'Lê Thị Chuyển',
      role: 'civil_servant',
      agencyId: await t.agencyId('HN-SNV'),
      password: 'Chuyen@2026x',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await admin.patch(`/api/accounts/${id}`, { agencyId: await t.agencyId('DN-SNV') })).statusCode).toBe(200);
    expect(await actions(danang, `entity=user&entityId=${id}`)).toEqual(['update']);
    expect(await actions(hanoi, `entity=user&entityId=${id}`)).toEqual(['update', 'create']);
  });

  it('shows an agency moved or merged across provinces to the HR of both', async () => {
    const create = async (code: string, parent: string) => {
      const res = await admin.post('/api/org/agencies', { code, name: `Phòng ${code}`, kind: 'department', parentId: await t.agencyId(parent) });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const moving = await create('HN-PMOVE', 'HN');
    expect((await admin.post(`/api/org/agencies/${moving}/move`, { parentId: await t.agencyId('DN'), effectiveDate: '2026-03-01' })).statusCode).toBe(200);
    expect(await actions(danang, `entity=agency&entityId=${moving}`)).toEqual(['move']);
    expect(await actions(hanoi, `entity=agency&entityId=${moving}`)).toEqual(['move', 'create']);

    const merging = await create('HN-PMERGE', 'HN');
    expect((await admin.post(`/api/org/agencies/${merging}/merge`, { intoId: await t.agencyId('DN-SNV'), effectiveDate: '2026-03-01' })).statusCode).toBe(200);
    expect(await actions(hanoi, `entity=agency&entityId=${merging}`)).toEqual(['merge', 'create']);
    expect(await actions(danang, `entity=agency&entityId=${merging}`)).toEqual(['merge']);
  });
});
