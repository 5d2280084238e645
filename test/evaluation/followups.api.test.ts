import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { setClock } from '../../src/platform/clock.js';
import { startJobQueue, type JobQueue } from '../../src/platform/jobs/job-queue.js';
import { jobDefinitions } from '../../src/modules/jobs.js';
import { FOLLOWUPS_JOB } from '../../src/modules/evaluation/followups.jobs.js';
import { runFollowups } from '../../src/modules/evaluation/followups.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency, submitForms } from '../support/factories.js';
import { trainedDepartment } from './effectiveness-fixtures.js';

// Level 3 of issue 16: follow-ups created on schedule by the job queue, across a restart of the queue,
// with the app's clock moved forward; then reminded, overdue, closed and consolidated.
let t: TestApp;
let w: Awaited<ReturnType<typeof trainedDepartment>>;
const silent = { warn: () => undefined, error: () => undefined };
const definitions = jobDefinitions.filter((d) => d.name === FOLLOWUPS_JOB);

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await trainedDepartment(t);
}, 120_000);
afterAll(() => t?.close());
afterEach(() => setClock(null));

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const queueOn = (): Promise<JobQueue> =>
  startJobQueue({ db: t.database.db, pool: t.database.pool, engine: t.database.engine, definitions, log: silent, pollingIntervalSeconds: 0.5 });

const followups = () =>
  t.db.selectFrom('evaluation_followups').selectAll().where('session_id', '=', w.session.id).orderBy('months').orderBy('person_id').execute();

describe('follow-ups after training', () => {
  test('a completion schedules follow-ups 3 and 6 months on; the job opens them as ad hoc 360° cycles when due, across a restart', async () => {
    const scheduled = await followups();
    expect(scheduled).toHaveLength(12);
    expect(new Set(scheduled.map((f) => `${f.months}:${f.due_on}`))).toEqual(new Set(['3:2026-06-06', '6:2026-09-06']));
    expect(scheduled.every((f) => f.status === 'scheduled' && f.cycle_id === null)).toBe(true);

    // Before they are due, a pass of the job opens nothing.
    setClock('2026-05-01T03:00:00Z');
    const first = await queueOn();
    let done = false;
    try {
      await first.send(FOLLOWUPS_JOB, {});
      await until(async () => {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${FOLLOWUPS_JOB} AND state = 'completed'`.execute(
          t.db,
        );
        return rows[0]!.n >= 1;
      });
      // A job left pending when the queue stops (the server goes down).
      await first.send(FOLLOWUPS_JOB, {}, { startAfter: 3 });
    } finally {
      await first.stop(2000);
      done = true;
    }
    expect(done).toBe(true);
    expect((await followups()).every((f) => f.status === 'scheduled')).toBe(true);

    // The server comes back after the 3-month date: the pending pass opens the 3-month follow-ups only.
    setClock('2026-06-07T03:00:00Z');
    const second = await queueOn();
    try {
      await until(async () => (await followups()).filter((f) => f.status === 'open').length === 6);
    } finally {
      await second.stop(2000);
    }
    const after = await followups();
    const open = after.filter((f) => f.months === 3);
    expect(open.every((f) => f.status === 'open' && f.cycle_id === open[0]!.cycle_id)).toBe(true);
    expect(after.filter((f) => f.months === 6).every((f) => f.status === 'scheduled')).toBe(true);

    const cycle = await t.db.selectFrom('assessment_cycles').selectAll().where('id', '=', open[0]!.cycle_id!).executeTakeFirstOrThrow();
    expect(cycle).toMatchObject({
      kind: 'follow_up',
      agency_id: w.dept.id,
      opens_on: '2026-06-07',
      closes_on: '2026-07-07',
      status: 'open',
      anonymity_threshold: 3,
    });
    const subjects = await t.db.selectFrom('assessment_subjects').selectAll().where('cycle_id', '=', cycle.id).execute();
    expect(subjects.map((s) => s.person_id).sort()).toEqual(w.trainees.map((p) => p.id).sort());
    // Only the trained competency, rated by others (no self-assessment).
    expect(subjects.every((s) => s.competency_ids.length === 1 && s.competency_ids[0] === w.fw.competencyIds[0])).toBe(true);
    const sources = await t.db.selectFrom('assessment_assignments').select('source').distinct().where('cycle_id', '=', cycle.id).execute();
    expect(sources.map((s) => s.source).every((s) => ['leader', 'peer', 'expert'].includes(s))).toBe(true);
    expect(sources.length).toBeGreaterThan(0);
  }, 90_000);

  test('open follow-ups are reminded a week before they close, shown overdue after, then closed and consolidated', async () => {
    const hr = await t.signIn(w.hr.username, w.hr.password);
    setClock('2026-07-01T03:00:00Z');
    expect((await runFollowups(t.db)).reminded).toBeGreaterThan(0);
    const cycleId = (await followups()).find((f) => f.months === 3)!.cycle_id!;
    const reminders = await t.db.selectFrom('assessment_notifications').select('kind').where('cycle_id', '=', cycleId).where('kind', '=', 'reminder').execute();
    expect(reminders.length).toBeGreaterThan(0);

    setClock('2026-07-10T03:00:00Z');
    const overdue = await hr.get('/api/evaluation/followups?status=overdue');
    expect(overdue.statusCode).toBe(200);
    expect(overdue.json().total).toBe(6);
    expect(overdue.json().items[0]).toMatchObject({ courseTitle: 'Dữ liệu số', months: 3, status: 'open', overdue: true, answered: 0 });

    await submitForms(t, { cycleId, framework: w.fw, personIds: w.trainees.map((p) => p.id), levels: (s) => 3 + (s % 2) });
    expect((await hr.get('/api/evaluation/followups?status=overdue')).json().total).toBe(0);
    setClock('2026-07-25T03:00:00Z');
    expect((await runFollowups(t.db)).closed).toBe(1);
    expect((await followups()).filter((f) => f.status === 'closed')).toHaveLength(6);
    const results = await t.db.selectFrom('assessment_results').select('person_id').where('cycle_id', '=', cycleId).execute();
    expect(results).toHaveLength(6);
    // The follow-up results reached the effectiveness cells (six trainees of the course).
    const cells = await t.db.selectFrom('evaluation_effect_cells').select(['n']).where('course_id', '=', w.course.id).execute();
    expect(cells.reduce((n, c) => n + c.n, 0)).toBe(6);

    // A follow-up rates only the trained competency: the trainee's gap profile stays the full cycle's.
    const profile = await hr.get(`/api/needs/people/${w.trainees[0]!.id}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.json().cycle.id).not.toBe(cycleId);
    expect(profile.json().gaps.length).toBeGreaterThan(0);
    expect((await hr.get(`/api/needs/people/${w.trainees[0]!.id}?cycleId=${cycleId}`)).json().cycle.id).toBe(cycleId);
  }, 60_000);

  test('HR sets its months; another agency’s HR neither sees the follow-ups nor changes them', async () => {
    const hr = await t.signIn(w.hr.username, w.hr.password);
    expect((await hr.get('/api/evaluation/followups/settings')).json()).toMatchObject({ months: [3, 6], windowDays: 30, own: false });
    const set = await hr.put('/api/evaluation/followups/settings', { months: [6, 2], windowDays: 21 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ months: [2, 6], windowDays: 21, own: true });
    expect((await hr.put('/api/evaluation/followups/settings', { months: [3, 3], windowDays: 21 })).statusCode).toBe(400);
    expect((await hr.put('/api/evaluation/followups/settings', { months: [40], windowDays: 21 })).statusCode).toBe(400);

    const other = await account(t, { agency: await agency(t, { name: 'Tỉnh khác' }), role: 'hr_officer' });
    const otherHr = await t.signIn(other.username, other.password);
    expect((await otherHr.get('/api/evaluation/followups')).json().total).toBe(0);
    expect((await otherHr.get('/api/evaluation/followups/settings')).json()).toMatchObject({ months: [3, 6], own: false });
    const trainee = await t.signIn(w.trainees[0]!.account.username, w.trainees[0]!.account.password);
    expect((await trainee.get('/api/evaluation/followups')).statusCode).toBe(403);
  });
});
