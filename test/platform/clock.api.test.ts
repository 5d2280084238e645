import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency, type AccountRow, type AgencyRow } from '../support/factories.js';

// Issue 12, defect 12: at 01:30 in Hà Nội (18:30 UTC the day before) the
// date rules use the Hanoi date, not the UTC one.
// One department and its HR officer are all these rules need: no demo.
let t: TestApp;
let dept: AgencyRow;
let hrAccount: AccountRow;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  dept = await agency(t, { parent: await agency(t) });
  hrAccount = await account(t, { agency: dept, role: 'hr_officer' });
}, 60_000);
afterAll(() => t?.close());
afterEach(() => setClock(null));

const HANOI_0130 = '2026-01-01T18:30:00Z';

describe('the app’s clock in date rules', () => {
  it('starts a new person’s first post on the Hanoi date', async () => {
    setClock(HANOI_0130);
    const hr = await t.signIn(hrAccount.username, hrAccount.password);
    const res = await hr.post('/api/people', { staffCode: 'HN-C001', fullName: 'Nguyễn Văn Sớm', agencyId: dept.id });
    expect(res.statusCode).toBe(201);
    const person = (await hr.get(`/api/people/${res.json().id}`)).json();
    expect(person.assignments).toMatchObject([{ reason: 'hired', validFrom: '2026-01-02' }]);
  });

  it('commits an import without a start date on the Hanoi date', async () => {
    setClock(HANOI_0130);
    const hr = await t.signIn(hrAccount.username, hrAccount.password);
    const upload = await hr.post('/api/people/import?fileName=early.csv', `Mã cán bộ,Họ và tên,Mã cơ quan\nHN-C002,Trần Thị Khuya,${dept.code}`, {
      'content-type': 'text/csv',
    });
    expect(upload.statusCode).toBe(202);
    const jobId = upload.json().id;
    const wait = async () => {
      for (let i = 0; i < 200; i++) {
        const job = (await hr.get(`/api/people/import/${jobId}`)).json();
        if (!['reading', 'validating', 'committing'].includes(job.phase)) return job;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('import job did not finish');
    };
    expect((await wait()).phase).toBe('ready');
    expect((await hr.post(`/api/people/import/${jobId}/commit`, {})).statusCode).toBe(202);
    expect((await wait()).phase).toBe('committed');
    const row = await t.db
      .selectFrom('person_assignments as pa')
      .innerJoin('people as p', 'p.id', 'pa.person_id')
      .select('pa.valid_from')
      .where('p.staff_code', '=', 'HN-C002')
      .executeTakeFirstOrThrow();
    expect(row.valid_from).toBe('2026-01-02');
  });
});
