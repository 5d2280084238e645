import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { AppInstance } from '../../src/platform/http/types.js';
import { world } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 18, item 14: compressed answers, hashed assets cached for a year, index.html revalidated. */

let t: TestApp;
let web: AppInstance;
let webRoot: string;
// A script the size of a real chunk, repetitive as JavaScript is, so compression has something to do.
const script = 'export const chunk = [' + Array.from({ length: 2000 }, (_, i) => `"item-${i}"`).join(',') + '];\n';
const HASHED = '/assets/index-DOOs8HWP.js';

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), `<!doctype html><title>NangLuc</title><script type="module" src="${HASHED}"></script>`);
  fs.writeFileSync(path.join(webRoot, HASHED), script);
  fs.writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  web = await buildApp({ db: t.db, engine: t.app.engine, webRoot });
  await web.ready();
}, 60_000);
afterAll(async () => {
  await web?.close();
  await t?.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe('compression and caching', () => {
  it('serves a hashed asset brotli-compressed and immutable for a year', async () => {
    const answer = await web.inject({ method: 'GET', url: HASHED, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.rawPayload.length).toBeLessThan(script.length / 3);
    expect(zlib.brotliDecompressSync(answer.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, and to plain bytes for a client that asks for neither', async () => {
    const gzip = await web.inject({ method: 'GET', url: HASHED, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);
    const plain = await web.inject({ method: 'GET', url: HASHED, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('makes browsers revalidate index.html and unhashed files, at / and at any page of the app', async () => {
    for (const url of ['/', '/needs/dashboard', '/assessments/cycles/x/reports']) {
      const page = await web.inject({ method: 'GET', url });
      expect(page.headers['content-type'], url).toMatch(/text\/html/);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await web.inject({ method: 'GET', url: '/favicon.svg' })).headers['cache-control']).toBe('no-cache');
  });

  it('compresses a JSON answer of the API when asked, and keeps it uncached', async () => {
    const w = await world(t, { people: 12 });
    const hr = await t.signIn(w.hr.username, w.hr.password);
    const asked = await hr.get('/api/people?limit=100', { 'accept-encoding': 'br, gzip' });
    expect(asked.statusCode).toBe(200);
    expect(asked.headers['content-encoding']).toBe('br');
    expect(asked.headers['cache-control']).toBe('no-store');
    const people = JSON.parse(zlib.brotliDecompressSync(asked.rawPayload).toString());
    expect(people.items.length).toBe(12);
    const notAsked = await hr.get('/api/people?limit=100');
    expect(notAsked.headers['content-encoding']).toBeUndefined();
    expect(notAsked.json().items.length).toBe(12);
  });

  it('compresses the OpenAPI document for anonymous callers too', async () => {
    const answer = await web.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(answer.rawPayload).toString()).openapi).toMatch(/^3\./);
  });
});
