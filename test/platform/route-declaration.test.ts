import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createTestDatabase } from '../support/test-database.js';
import type { OpenDatabase } from '../../src/platform/db/engine.js';

let database: OpenDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('every route declares who may call it', () => {
  it('refuses to start with an API route that has no access declaration', async () => {
    const app = await buildApp({ db: database.db, engine: database.engine });
    const start = async () => {
      await app.register(async (scope) => {
        scope.get('/api/undeclared', async () => 'open door');
      });
      await app.ready();
    };
    await expect(start()).rejects.toThrow(/GET \/api\/undeclared does not declare config\.access/);
  });

  it('starts when every route declares one', async () => {
    const app = await buildApp({ db: database.db, engine: database.engine });
    await app.register(async (scope) => {
      scope.get('/api/declared', { config: { access: { roles: ['national_admin'] } } }, async () => 'closed door');
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/declared' });
    expect(res.statusCode).toBe(401);
    await app.close();
  });
});
