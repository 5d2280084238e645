import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { AppInstance } from '../../src/platform/http/types.js';
import { insertCycle, insertResults, nationalCompetencies } from '../needs/needs-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 12, defect 3: the headers that stop injected markup from running and personal data from being cached. */

let t: TestApp;
let secure: AppInstance;
let webRoot: string;
beforeAll(async () => {
  t = await createTestApp();
  // The same database behind an app as deployed: HTTPS (secure cookies) and a built web app.
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-web-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>NangLuc</title>');
  secure = await buildApp({ db: t.db, engine: t.app.engine, secureCookies: true, webRoot });
  await secure.ready();
}, 60_000);
afterAll(async () => {
  await secure?.close();
  await t?.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

const directives = (csp: unknown) =>
  new Map(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe('security headers', () => {
  it('the web app page carries a policy that lets no inline or foreign script run', async () => {
    const page = await secure.inject({ method: 'GET', url: '/needs/dashboard' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const csp = directives(page.headers['content-security-policy']);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const [, values] of csp) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain('*');
    }
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('sends HSTS only when the app is served over HTTPS', async () => {
    expect((await secure.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect((await t.anonymous().get('/api/health')).headers['strict-transport-security']).toBeUndefined();
  });

  it('API answers are inert data and personal ones are never stored', async () => {
    const hr = await t.signIn('hr.hanoi');
    for (const url of [
      '/api/people',
      '/api/auth/me',
      '/api/needs/cycles',
      '/api/org/agencies',
      '/api/people/import/template?format=csv',
      '/api/no-such-route',
    ]) {
      const res = await hr.get(url);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(directives(res.headers['content-security-policy']).get('default-src'), url).toEqual(["'none'"]);
    }
    // Errors too: a refused request says nothing a cache may keep.
    expect((await t.anonymous().get('/api/people')).headers['cache-control']).toBe('no-store');
  });

  it('public read-only answers may be cached', async () => {
    expect((await t.anonymous().get('/api/health')).headers['cache-control']).toBeUndefined();
    expect((await t.anonymous().get('/api/openapi.json')).headers['cache-control']).toBeUndefined();
  });

  it('PDFs and exports are not stored, and PDFs cannot be framed', async () => {
    const competencies = await nationalCompetencies(t.db, 4);
    const cycleId = await insertCycle(t.db, 'Đánh giá năm 2025', '2025-10-01', competencies[0]!.versionId);
    await insertResults(t.db, cycleId, competencies);
    const hr = await t.signIn('hr.hanoi');
    const pdf = await hr.get(`/api/needs/report.pdf?cycleId=${cycleId}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(directives(pdf.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
    const xlsx = await hr.get(`/api/needs/breakdown.xlsx?cycleId=${cycleId}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['cache-control']).toBe('no-store');
  });

  it('Swagger UI at /api/docs gets the page policy (its scripts are files of our origin)', async () => {
    const docs = await t.anonymous().get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(directives(docs.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
    expect(docs.body).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});
