import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startJobQueue, type JobQueue } from '../../src/platform/jobs/job-queue.js';
import { credentialsJobs } from '../../src/modules/training/credentials/credentials.jobs.js';
import { complete, credentialsWorld } from './credentials-fixtures.js';

// The production path: completion commits a pending credential and its job; the queue's worker signs it.
let t: TestApp;
let queue: JobQueue;
const silent = { warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  queue = await startJobQueue({
    db: t.database.db,
    pool: t.database.pool,
    engine: t.database.engine,
    definitions: credentialsJobs,
    log: silent,
    pollingIntervalSeconds: 0.5,
  });
});
afterAll(async () => {
  await queue?.stop(2000);
  await t?.close();
});

test('a completion queues the signing job in its transaction; the worker issues the credential', async () => {
  const w = await credentialsWorld(t);
  await complete(t, { enrolmentId: w.enrolment.id });
  const status = () =>
    t.db.selectFrom('training_credentials').where('enrolment_id', '=', w.enrolment.id).select(['status', 'document']).executeTakeFirstOrThrow();
  const end = Date.now() + 20_000;
  while ((await status()).status !== 'issued') {
    if (Date.now() > end) throw new Error('the credential was not issued by the job');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const res = await t.anonymous().post('/api/training/verify', { credential: (await status()).document });
  expect(res.json().status).toBe('genuine');
});

test('a completion that rolls back leaves neither a credential nor a job', async () => {
  const w = await credentialsWorld(t);
  await expect(
    t.db.transaction().execute(async (trx) => {
      const { emit } = await import('../../src/modules/events.js');
      await emit(trx, 'training.completed', {
        enrolmentId: w.enrolment.id,
        personId: w.holder.id,
        sessionId: w.session.id,
        courseId: w.course.id,
        institutionId: w.issuing.id,
        agencyPath: w.department.path,
        completedAt: '2026-03-06T09:00:00.000Z',
      });
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(await t.db.selectFrom('training_credentials').where('enrolment_id', '=', w.enrolment.id).selectAll().execute()).toEqual([]);
});
