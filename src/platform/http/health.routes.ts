import type { AppInstance } from './types.js';
import { currentMigration } from '../db/migrate.js';
import { isConnectionError } from '../db/connection-errors.js';
import { z } from 'zod';
import { AppError } from '../errors.js';

/** A database that has not answered the health query by then counts as down: a monitor must not hang with it. */
const HEALTH_DB_TIMEOUT_MS = 5_000;

export async function healthRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness, engine and schema version (503 while the database is unreachable)',
        response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']), migration: z.string().nullable() }) },
      },
    },
    async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new AppError('database_unavailable', 503, { status: 'down', engine: app.engine, reason: 'timeout' })),
          HEALTH_DB_TIMEOUT_MS,
        );
      });
      try {
        return { status: 'ok' as const, engine: app.engine, migration: await Promise.race([currentMigration(app.db), timeout]) };
      } catch (err) {
        if (err instanceof AppError) throw err;
        if (isConnectionError(err)) throw new AppError('database_unavailable', 503, { status: 'down', engine: app.engine });
        throw err;
      } finally {
        clearTimeout(timer);
      }
    },
  );
}
