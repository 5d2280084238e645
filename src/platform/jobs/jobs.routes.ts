import { sql } from 'kysely';
import { z } from 'zod';
import type { AppInstance } from '../http/types.js';
import { JOB_SCHEMA } from './job-queue.js';

const queueView = z.object({
  name: z.string(),
  policy: z.string(),
  /** Waiting to run: created, or failed and waiting for a retry. */
  pending: z.number().int(),
  active: z.number().int(),
  /** Failed after every retry (kept for the queue's retention). */
  failed: z.number().int(),
  completed: z.number().int(),
  /** The most recent failure of any attempt (a retried one too), and when. */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});
type QueueView = z.infer<typeof queueView>;

/**
 * The queue as pg-boss keeps it, read from its tables rather than getQueues(),
 * whose counts are a cache refreshed by its monitor (up to minutes behind).
 * Before the queue's first start (tests, the CLI) there is no schema: no queues.
 */
export async function listQueues(db: AppInstance['db']): Promise<QueueView[]> {
  const installed = await sql<{ ok: boolean }>`SELECT to_regclass(${`${JOB_SCHEMA}.job`}) IS NOT NULL AS ok`.execute(db);
  if (!installed.rows[0]?.ok) return [];
  const { rows } = await sql<QueueView>`
    SELECT q.name, q.policy,
      count(j.id) FILTER (WHERE j.state IN ('created', 'retry'))::int AS pending,
      count(j.id) FILTER (WHERE j.state = 'active')::int AS active,
      count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed,
      count(j.id) FILTER (WHERE j.state = 'completed')::int AS completed,
      e.message AS "lastError", e.at AS "lastErrorAt"
    FROM ${sql.table(`${JOB_SCHEMA}.queue`)} q
    LEFT JOIN ${sql.table(`${JOB_SCHEMA}.job`)} j ON j.name = q.name
    LEFT JOIN LATERAL (
      SELECT f.output->>'message' AS message, to_char(coalesce(f.completed_on, f.started_on, f.created_on) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
      FROM ${sql.table(`${JOB_SCHEMA}.job`)} f
      WHERE f.name = q.name AND f.state IN ('failed', 'retry') AND f.output ? 'message'
      ORDER BY coalesce(f.completed_on, f.started_on, f.created_on) DESC
      LIMIT 1
    ) e ON true
    GROUP BY q.name, q.policy, e.message, e.at
    ORDER BY q.name`.execute(db);
  return rows;
}

/** GET /api/jobs: the national administrator's view of the job queue. */
export async function jobsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/',
    {
      config: { access: { roles: ['national_admin'] } },
      schema: {
        tags: ['jobs'],
        summary: 'Job queues: pending, active, failed and completed jobs, last error',
        querystring: z.strictObject({}),
        response: { 200: z.object({ items: z.array(queueView) }) },
      },
    },
    async () => ({ items: await listQueues(app.db) }),
  );
}
