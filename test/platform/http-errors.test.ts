import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { account, agency } from '../support/factories.js';

// No demo: one administrator from the factories is all these tests sign in as.
let t: TestApp;
let admin: { username: string; password: string };
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  admin = await account(t, { agency: await agency(t), role: 'national_admin' });
});
afterAll(() => t.close());

describe('health and API documentation', () => {
  it('reports the engine and the schema version', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', engine: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    expect(res.json().migration).toMatch(/^\d{4}_/);
  });

  it('serves the OpenAPI document and its browsable page', async () => {
    const doc = await t.anonymous().get('/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toContain('/api/auth/login');
    const page = await t.anonymous().get('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('bad input is a clear 4xx, never a 500', () => {
  it('rejects malformed JSON', async () => {
    const res = await t.anonymous().post('/api/auth/login', '{"username": ', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it('rejects wrong types with the path of each problem', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 42, password: ['x'] });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['password', 'username']);
  });

  it('rejects unknown fields', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'admin', password: 'x', isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('rejects an oversize body', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('body_too_large');
  });

  it('rejects a malformed id parameter', async () => {
    const agent = await t.signIn(admin.username, admin.password);
    const res = await agent.get('/api/people/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('answers unknown API routes with a coded 404', async () => {
    const res = await t.anonymous().get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });

  it('speaks English when asked', async () => {
    const res = await t.anonymous().get('/api/auth/me', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'unauthenticated', message: 'Please sign in.' });
  });
});
