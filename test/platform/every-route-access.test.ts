import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { ROLES, type Role } from '../../src/platform/auth/roles.js';

/** A demo account of each role, from an agency that owns nothing the route could name. */
const ACCOUNT_OF: Record<Role, string> = {
  national_admin: 'admin',
  hr_officer: 'hr.danang',
  leader: 'leader.danang',
  civil_servant: 'canbo.danang',
  expert: 'expert',
  trainer: 'trainer',
  candidate: 'ungvien',
};
const SOME_UUID = '00000000-0000-4000-8000-000000000001';
const fill = (url: string) => url.replace(/:[A-Za-z]+/g, SOME_UUID);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('every API route enforces its declared access', () => {
  it('declares access on many routes (the list below is not empty)', () => {
    expect(t.app.declaredRoutes.filter((r) => r.url.startsWith('/api/')).length).toBeGreaterThan(40);
  });

  it('answers 401 to an anonymous caller on every route that is not public', async () => {
    const failures: string[] = [];
    for (const route of t.app.declaredRoutes) {
      if (route.access === 'public' || route.method === 'HEAD') continue;
      const res = await t.app.inject({ method: route.method as 'GET', url: fill(route.url), payload: route.method === 'GET' ? undefined : {} });
      if (res.statusCode !== 401) failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to every role a route does not name, before reading the body', async () => {
    const failures: string[] = [];
    for (const route of t.app.declaredRoutes) {
      if (typeof route.access === 'string' || route.method === 'HEAD') continue;
      const allowed = route.access.roles;
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        const agent = await t.signIn(ACCOUNT_OF[role]);
        const send = { GET: agent.get, POST: agent.post, PUT: agent.put, PATCH: agent.patch, DELETE: agent.delete }[route.method as 'GET'];
        const res = await send(fill(route.url), route.method === 'GET' ? undefined : {});
        if (res.statusCode !== 403) failures.push(`${route.method} ${route.url} as ${role} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
