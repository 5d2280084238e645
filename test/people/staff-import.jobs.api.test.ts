import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import * as jobsModule from '../../src/modules/people/import/staff-import.jobs.js';
import { MAX_PENDING_JOBS, deleteExpiredImportJobs } from '../../src/modules/people/import/staff-import.jobs.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { waitForJob } from '../support/waits.js';

// Issue 12, defect 8: import jobs live in the database, not in the process's memory.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());
afterEach(async () => {
  setClock(null);
  // Each test starts with no pending job, so the per-user cap is the test's own.
  await t.db.deleteFrom('staff_import_jobs').execute();
});

const CSV = { 'content-type': 'text/csv' };
const HEADER = 'Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Mã cơ quan,Nhóm vai trò,Ngạch,Trạng thái';
const file = (...codes: string[]) => [HEADER, ...codes.map((c, i) => `${c},Nguyễn Văn Lưu ${i},01/02/1990,Nam,HN-SNV,,,`)].join('\n');

async function upload(agent: Agent, body: string) {
  const res = await agent.post('/api/people/import?fileName=staff.csv', body, CSV);
  expect(res.statusCode).toBe(202);
  return waitForJob(agent, res.json().id);
}

const jobRow = (id: string) => t.db.selectFrom('staff_import_jobs').selectAll().where('id', '=', id).executeTakeFirst();

describe('staff import jobs', () => {
  it('keeps the upload in the table, not in the process, and lets it go once committed', async () => {
    const hr = await t.signIn('hr.hanoi');
    const body = file('HN-J001', 'HN-J002');
    const job = await upload(hr, body);
    expect(job).toMatchObject({ phase: 'ready', validRows: 2, errorCount: 0 });
    expect(job.preview.map((r: { staffCode: string }) => r.staffCode)).toEqual(['HN-J001', 'HN-J002']);
    // No in-memory store of jobs is left to hold files.
    expect(Object.values(jobsModule).some((v) => v instanceof Map)).toBe(false);
    const row = await jobRow(job.id);
    expect(Buffer.from(row!.file!).toString('utf8')).toBe(body);
    expect(row).toMatchObject({ phase: 'ready', file_size: Buffer.byteLength(body), valid_rows: 2 });

    expect((await hr.post(`/api/people/import/${job.id}/commit`, { startDate: '2026-02-01' })).statusCode).toBe(202);
    expect(await waitForJob(hr, job.id)).toMatchObject({ phase: 'committed', imported: 2 });
    const after = await jobRow(job.id);
    expect(after).toMatchObject({ phase: 'committed', file: null, valid_data: null, imported: 2 });
    // The report is still there without the file.
    const report = await hr.get(`/api/people/import/${job.id}/report?format=csv`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Đã nhập / Imported,2');
  });

  it('survives a restart: a new app on the same database shows the job and commits it', async () => {
    const hr = await t.signIn('hr.hanoi');
    const job = await upload(hr, file('HN-J101', 'HN-J102', 'HN-J103'));
    expect(job.phase).toBe('ready');

    // A restart: the app's modules loaded afresh (no state of this process's import code), the same database.
    vi.resetModules();
    const { buildApp } = await import('../../src/app.js');
    const restarted = await buildApp({ db: t.db, engine: t.app.engine, loginAttemptsPerMinute: 1000 });
    await restarted.ready();
    try {
      const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
        restarted.inject({ method, url, headers: { cookie: hr.cookie, 'x-csrf-token': hr.csrfToken }, ...(payload ? { payload } : {}) });
      const seen = await send('GET', `/api/people/import/${job.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).toMatchObject({ id: job.id, phase: 'ready', validRows: 3, fileName: 'staff.csv' });
      expect((await send('POST', `/api/people/import/${job.id}/commit`, { startDate: '2026-02-02' })).statusCode).toBe(202);
      const done = await waitForJob({ get: (url) => send('GET', url) }, job.id);
      expect(done).toMatchObject({ phase: 'committed', imported: 3 });
    } finally {
      await restarted.close();
    }
    const people = await t.db.selectFrom('people').select('staff_code').where('staff_code', 'like', 'HN-J10%').orderBy('staff_code').execute();
    expect(people.map((p) => p.staff_code)).toEqual(['HN-J101', 'HN-J102', 'HN-J103']);
  });

  it('takes up a job a stopped process left half way', async () => {
    const hr = await t.signIn('hr.hanoi');
    const job = await upload(hr, file('HN-J201'));
    // As a process that died while validating leaves it: running, another runner, no heartbeat for an hour.
    await t.db
      .updateTable('staff_import_jobs')
      .set({ phase: 'validating', runner: 'gone', updated_at: new Date(Date.now() - 3600_000), valid_rows: 0, preview: '[]' })
      .where('id', '=', job.id)
      .execute();
    expect(await waitForJob(hr, job.id)).toMatchObject({ phase: 'ready', validRows: 1 });
    // A commit whose process died rolled back: the job is ready to commit again.
    await t.db
      .updateTable('staff_import_jobs')
      .set({ phase: 'committing', runner: 'gone', updated_at: new Date(Date.now() - 3600_000) })
      .where('id', '=', job.id)
      .execute();
    expect(await waitForJob(hr, job.id)).toMatchObject({ phase: 'ready' });
    expect((await hr.post(`/api/people/import/${job.id}/commit`, {})).statusCode).toBe(202);
    expect(await waitForJob(hr, job.id)).toMatchObject({ phase: 'committed', imported: 1 });
  });

  it('shows, commits, reports and cancels a job for its owner only: anyone else gets the 404 of a missing id', async () => {
    const hr = await t.signIn('hr.hanoi');
    const job = await upload(hr, file('HN-J301'));
    const missing = crypto.randomUUID();
    for (const other of [await t.signIn('hr.danang'), await t.signIn('admin')]) {
      for (const res of [
        await other.get(`/api/people/import/${job.id}`),
        await other.put(`/api/people/import/${job.id}/mapping`, { mapping: { staffCode: 0 } }),
        await other.post(`/api/people/import/${job.id}/commit`, {}),
        await other.get(`/api/people/import/${job.id}/report`),
        await other.delete(`/api/people/import/${job.id}`),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      const absent = await other.get(`/api/people/import/${missing}`);
      expect(absent.statusCode).toBe(404);
      expect(absent.json().error.code).toBe('not_found');
    }
    expect((await jobRow(job.id))!.phase).toBe('ready');
    expect(await t.db.selectFrom('people').select('id').where('staff_code', '=', 'HN-J301').execute()).toEqual([]);
    // The owner cancels it: the job and its file are gone.
    expect((await hr.delete(`/api/people/import/${job.id}`)).statusCode).toBe(204);
    expect(await jobRow(job.id)).toBeUndefined();
    expect((await hr.get(`/api/people/import/${job.id}`)).statusCode).toBe(404);
  });

  it('caps the files a user keeps pending with a clear 409, and frees a place when a job is cancelled or committed', async () => {
    const hr = await t.signIn('hr.hanoi');
    const jobs = [];
    for (let i = 0; i < MAX_PENDING_JOBS; i++) jobs.push(await upload(hr, file(`HN-J40${i}`)));
    const refused = await hr.post('/api/people/import?fileName=staff.csv', file('HN-J409'), { ...CSV, 'accept-language': 'en' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'import_limit_reached', details: { maxJobs: 3, maxMegabytes: 100, pendingJobs: 3 } });
    expect(refused.json().error.message).toContain('at most 3 files');
    // Another user's quota is their own.
    const other = await t.signIn('hr.danang');
    const theirs = await other.post('/api/people/import?fileName=staff.csv', file('DN-J401'), CSV);
    expect(theirs.statusCode).toBe(202);
    await waitForJob(other, theirs.json().id);

    expect((await hr.delete(`/api/people/import/${jobs[0].id}`)).statusCode).toBe(204);
    await upload(hr, file('HN-J410'));
    // A committed job no longer holds a file, so it does not count.
    expect((await hr.post(`/api/people/import/${jobs[1].id}/commit`, {})).statusCode).toBe(202);
    await waitForJob(hr, jobs[1].id);
    await upload(hr, file('HN-J411'));
    expect((await hr.post('/api/people/import?fileName=staff.csv', file('HN-J412'), CSV)).statusCode).toBe(409);
  });

  it('expires a job after two hours: gone on access and from the periodic clean-up', async () => {
    const hr = await t.signIn('hr.hanoi');
    const first = await upload(hr, file('HN-J501'));
    const second = await upload(hr, file('HN-J502'));
    setClock(new Date(Date.now() + 2 * 3600_000 + 60_000));
    // On access: the same 404 as a job that never was.
    const gone = await hr.get(`/api/people/import/${first.id}`);
    expect(gone.statusCode).toBe(404);
    expect(await jobRow(first.id)).toBeUndefined();
    // The clean-up the server runs on a timer deletes the rest.
    expect(await jobRow(second.id)).toBeDefined();
    expect(await deleteExpiredImportJobs(t.db)).toBe(1);
    expect(await jobRow(second.id)).toBeUndefined();
    expect((await hr.post(`/api/people/import/${second.id}/commit`, {})).statusCode).toBe(404);
  });
});
