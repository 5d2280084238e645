import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
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
      scope.get('/api/declared', { config: { access: { roles: ['national_admin'] } }, schema: { response: { 200: z.string() } } }, async () => 'closed door');
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/declared' });
    expect(res.statusCode).toBe(401);
    await app.close();
  });

  it('refuses to start with an API route that does not declare what it answers (issue 13)', async () => {
    const app = await buildApp({ db: database.db, engine: database.engine });
    const start = async () => {
      await app.register(async (scope) => {
        scope.get('/api/unanswered', { config: { access: 'public' } }, async () => ({ anything: true }));
      });
      await app.ready();
    };
    await expect(start()).rejects.toThrow(/GET \/api\/unanswered does not declare schema\.response/);
  });

  it('answers 500, never an undeclared shape, when a handler returns what its schema does not allow', async () => {
    const app = await buildApp({ db: database.db, engine: database.engine });
    await app.register(async (scope) => {
      // A handler whose answer drifted from the declared schema (this scope has no type provider to stop it compiling).
      scope.get('/api/drifted', { config: { access: 'public' }, schema: { response: { 200: z.object({ n: z.number() }) } } }, async () => ({ n: 'one' }));
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/drifted' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal_error');
    await app.close();
  });
});
