import { z } from 'zod';
import type { AppInstance } from '../http/types.js';
import { today } from '../clock.js';
import { databaseDetails } from './database-details.js';
import { orderTodo, type TodoSource } from './todo.js';

const todoItem = z.object({ key: z.string(), count: z.number().int(), link: z.string(), dueOn: z.string().nullable() });

export interface OverviewRoutesOptions {
  /** Every module's to-do contribution, from the registry (the platform names no module). */
  todoSources: readonly TodoSource[];
}

/** GET /api/overview/todo (everyone's to-do list) and /database (the national administrator's database details). */
export async function overviewRoutes(app: AppInstance, options: OverviewRoutesOptions): Promise<void> {
  app.get(
    '/todo',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['overview'],
        summary: 'What the caller has to do now, per module (an empty list when nothing is due)',
        querystring: z.strictObject({}),
        response: { 200: z.object({ items: z.array(todoItem) }) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const day = today();
      // One after another: the embedded engine runs one query at a time anyway, and a pool of 10 is shared by every request.
      const items = [];
      for (const source of options.todoSources) items.push(...(await source(app.db, actor, day)));
      return { items: orderTodo(items) };
    },
  );

  app.get(
    '/database',
    {
      config: { access: { roles: ['national_admin'] } },
      schema: {
        tags: ['overview'],
        summary: 'Database engine, size and migrations (national administrator only)',
        querystring: z.strictObject({}),
        response: {
          200: z.object({
            engine: z.enum(['pglite', 'postgres']),
            sizeBytes: z.number().int(),
            migrationCount: z.number().int(),
            latestMigration: z.string().nullable(),
            latestMigrationAt: z.string().nullable(),
          }),
        },
      },
    },
    async () => databaseDetails(app.db, app.engine),
  );
}
