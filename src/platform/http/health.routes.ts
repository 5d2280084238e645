import type { AppInstance } from './types.js';
import { currentMigration } from '../db/migrate.js';

export async function healthRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/health',
    { config: { access: 'public' }, schema: { tags: ['platform'], summary: 'Liveness, engine and schema version' } },
    async () => ({ status: 'ok', engine: app.engine, migration: await currentMigration(app.db) }),
  );
}
