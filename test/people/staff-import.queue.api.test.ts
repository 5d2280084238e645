import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { peopleJobs } from '../../src/modules/people/people.jobs.js';
import { STAFF_IMPORT_COMMIT_JOB } from '../../src/modules/people/import/staff-import.service.js';
import { startJobQueue, type JobQueue } from '../../src/platform/jobs/job-queue.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { waitForJob } from '../support/waits.js';
import { account, agency, type AccountRow, type AgencyRow } from '../support/factories.js';

// A confirmed staff import is committed by the job queue when one runs
// (the server's), and inline when none does (the other staff import tests).
let t: TestApp;
let dept: AgencyRow;
let hrAccount: AccountRow;
const started: JobQueue[] = [];
const silent = { warn: () => undefined, error: () => undefined };
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  dept = await agency(t, { parent: await agency(t) });
  hrAccount = await account(t, { agency: dept, role: 'hr_officer' });
}, 180_000);
const signInHr = () => t.signIn(hrAccount.username, hrAccount.password);
afterEach(async () => {
  for (const queue of started.splice(0)) await queue.stop(2000);
});
afterAll(() => t?.close());

const queueOn = async (pollingIntervalSeconds: number) => {
  const queue = await startJobQueue({
    db: t.db,
    pool: t.database.pool,
    engine: t.database.engine,
    definitions: peopleJobs,
    log: silent,
    pollingIntervalSeconds,
  });
  started.push(queue);
  return queue;
};

const CSV = { 'content-type': 'text/csv' };
const HEADER = 'Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Mã cơ quan,Nhóm vai trò,Ngạch,Trạng thái';
const file = (...codes: string[]) => [HEADER, ...codes.map((c, i) => `${c},Trần Văn Hàng ${i},01/02/1990,Nam,${dept.code},,,`)].join('\n');

async function readyImport(agent: Agent, ...codes: string[]) {
  const res = await agent.post('/api/people/import?fileName=staff.csv', file(...codes), CSV);
  expect(res.statusCode).toBe(202);
  const job = await waitForJob(agent, res.json().id);
  expect(job).toMatchObject({ phase: 'ready', validRows: codes.length });
  return job.id as string;
}

const queuedJobs = (importId: string) =>
  sql<{
    state: string;
    singleton_key: string | null;
  }>`SELECT state, singleton_key FROM pgboss.job WHERE name = ${STAFF_IMPORT_COMMIT_JOB} AND singleton_key = ${importId}`
    .execute(t.db)
    .then((r) => r.rows);
const until = async (check: () => Promise<boolean>, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
  throw new Error('timed out');
};

describe('staff import on the job queue', () => {
  it('commits a confirmed import through a queued job keyed by the import, with the same report', async () => {
    await queueOn(0.5);
    const hr = await signInHr();
    const id = await readyImport(hr, 'HN-Q001', 'HN-Q002');
    const committed = await hr.post(`/api/people/import/${id}/commit`, { startDate: '2026-02-01' });
    expect(committed.statusCode).toBe(202);
    expect(committed.json().phase).toBe('committing');
    // A second confirmation while it runs is refused like before; one job per import.
    expect((await hr.post(`/api/people/import/${id}/commit`, { startDate: '2026-02-01' })).statusCode).toBe(409);
    expect(await waitForJob(hr, id)).toMatchObject({ phase: 'committed', imported: 2 });
    await until(async () => (await queuedJobs(id)).some((j) => j.state === 'completed'));
    expect(await queuedJobs(id)).toEqual([{ state: 'completed', singleton_key: id }]);
    const people = await t.db.selectFrom('people').select('staff_code').where('staff_code', 'in', ['HN-Q001', 'HN-Q002']).execute();
    expect(people).toHaveLength(2);
    const audits = await t.db
      .selectFrom('audit_log')
      .select('entity')
      .where('action', '=', 'import')
      .where((eb) => eb.or([eb('entity_id', '=', id), eb(sql`after->>'importId'`, '=', id)]))
      .execute();
    expect(audits.map((a) => a.entity).sort()).toEqual(['person', 'person', 'staff_import']);
  }, 60_000);

  it('survives a restart: a job queued when the process stopped is committed by the next one', async () => {
    // The first process takes no work in time (it looks once a minute) and stops with the job pending.
    const first = await queueOn(60);
    const hr = await signInHr();
    const id = await readyImport(hr, 'HN-Q101');
    expect((await hr.post(`/api/people/import/${id}/commit`, { startDate: '2026-02-01' })).statusCode).toBe(202);
    await first.stop(2000);
    expect(await queuedJobs(id)).toEqual([{ state: 'created', singleton_key: id }]);
    expect((await t.db.selectFrom('staff_import_jobs').select('phase').where('id', '=', id).executeTakeFirstOrThrow()).phase).toBe('committing');
    await queueOn(0.5);
    expect(await waitForJob(hr, id)).toMatchObject({ phase: 'committed', imported: 1 });
  }, 60_000);

  it('ends in the report, not in retries, when a staff code was taken since the preview', async () => {
    await queueOn(0.5);
    const hr = await signInHr();
    const id = await readyImport(hr, 'HN-Q201');
    const taken = await hr.post('/api/people', { staffCode: 'HN-Q201', fullName: 'Người Khác', agencyId: dept.id });
    expect(taken.statusCode).toBe(201);
    expect((await hr.post(`/api/people/import/${id}/commit`, { startDate: '2026-02-01' })).statusCode).toBe(202);
    expect(await waitForJob(hr, id)).toMatchObject({ phase: 'failed', failure: { code: 'staff_code_exists' } });
    await until(async () => (await queuedJobs(id)).some((j) => j.state === 'completed'));
  }, 60_000);
});
