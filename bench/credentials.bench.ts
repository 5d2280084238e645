// Certificates (issue 14): issuing 1,000 Open Badges 3.0 credentials (read the facts, sign eddsa-rdfc-2022,
// store) ≤ 60 s, and verifying one ≤ 50 ms (local document loader, key from the table, revocation read).
// In the suite: `npm run bench -- credentials`.
import { emit } from '../src/modules/events.js';
import { issueAllPending } from '../src/modules/training/credentials/issue.service.js';
import { verifyCredential } from '../src/modules/training/credentials/verify.js';
import { foldForSearch } from '../src/platform/text/vietnamese.js';
import { createTestApp } from '../test/support/test-app.js';
import { credentialsWorld } from '../test/training/credentials-fixtures.js';
import { percentile, timeRuns, type Benchmark } from './support.js';

const COUNT = 1000;

export const credentialsBenchmark: Benchmark = {
  name: 'credentials',
  async run({ engine }) {
    const t = await createTestApp({ demo: false });
    try {
      const w = await credentialsWorld(t);
      const people = await t.db
        .insertInto('people')
        .values(
          Array.from({ length: COUNT }, (_, i) => ({
            staff_code: `B-${i}`,
            full_name: `Nguyễn Văn Thứ ${i}`,
            search_name: foldForSearch(`Nguyễn Văn Thứ ${i}`),
            agency_id: w.department.id,
          })),
        )
        .returning('id')
        .execute();
      const enrolments = await t.db
        .insertInto('training_enrolments')
        .values(
          people.map((p) => ({
            session_id: w.session.id,
            person_id: p.id,
            agency_id: w.department.id,
            status: 'completed' as const,
            source: 'hr' as const,
            completed_at: new Date('2026-03-06T09:00:00Z'),
          })),
        )
        .returning(['id', 'person_id'])
        .execute();
      await t.db.transaction().execute(async (trx) => {
        for (const e of enrolments) {
          await emit(trx, 'training.completed', {
            enrolmentId: e.id,
            personId: e.person_id,
            sessionId: w.session.id,
            courseId: w.course.id,
            institutionId: w.issuing.id,
            agencyPath: w.department.path,
            completedAt: '2026-03-06T09:00:00.000Z',
          });
        }
      });
      const started = performance.now();
      const issued = await issueAllPending(t.db, COUNT);
      const issueMs = performance.now() - started;
      if (issued !== COUNT) throw new Error(`issued ${issued} of ${COUNT}`);

      const one = await t.db.selectFrom('training_credentials').where('status', '=', 'issued').select('document').executeTakeFirstOrThrow();
      const times = await timeRuns(50, async () => {
        const outcome = await verifyCredential(t.db, one.document);
        if (outcome.status !== 'genuine') throw new Error(`verified as ${outcome.status}`);
      });
      return [
        {
          name: `issue ${COUNT} certificates (read facts, sign, store, audit)`,
          engine,
          dataSize: `${COUNT} completions, one institution key`,
          medianMs: issueMs,
          target: '≤ 60,000 ms',
          note: `${(issueMs / COUNT).toFixed(1)} ms a certificate`,
        },
        {
          name: 'verify one certificate',
          engine,
          dataSize: `${COUNT} issued`,
          medianMs: percentile(times, 50),
          p95Ms: percentile(times, 95),
          p99Ms: percentile(times, 99),
          target: '≤ 50 ms',
          note: '50 runs',
        },
      ];
    } finally {
      await t.close();
    }
  },
};
