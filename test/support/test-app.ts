import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Db, OpenDatabase } from '../../src/platform/db/engine.js';
import type { AppInstance } from '../../src/platform/http/types.js';
import { seedDemoIfEmpty } from '../../src/platform/demo/seed-demo.js';
import { demoSeeders } from '../../src/modules/registry.js';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.js';
import { now } from '../../src/platform/clock.js';
import { createTestDatabase, type TestDatabaseOptions } from './test-database.js';

export interface Agent {
  username: string;
  csrfToken: string;
  cookie: string;
  // Properties, not methods: they use no `this`, and tests pick them by HTTP method (agent.get unbound).
  get: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  delete: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: AppInstance;
  db: Db;
  /** The opened database itself (engine, the embedded thread), for the fault tests. */
  database: OpenDatabase;
  /** Sign in a demo account (password DEMO_PASSWORD unless given); agents are cached per username. */
  signIn(username: string, password?: string): Promise<Agent>;
  /** An agent without a session. */
  anonymous(): Agent;
  /** The id of the agency with this code (demo codes such as 'HN-SNV'). */
  agencyId(code: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Seed the demo agencies and accounts (default true). */
  demo?: boolean;
  loginAttemptsPerMinute?: number;
  /** Where and how the database is opened (default: DATABASE_URL or in-memory PGlite). */
  database?: TestDatabaseOptions;
}

/** A migrated database with the demo loaded and the app built on it, for HTTP tests. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const demo = options.demo !== false;
  // The demo's dates follow the clock: a file that holds it before starting gets a demo seeded at its instant, not the template's.
  const clockHeld = Math.abs(now().getTime() - Date.now()) > 60_000;
  const database = await createTestDatabase({ contents: demo && !clockHeld ? 'demo' : 'migrated', ...options.database });
  // Loads only into a database without the demo (one not copied from the demo template).
  if (demo) await seedDemoIfEmpty(database.db, demoSeeders);
  const app = await buildApp({
    db: database.db,
    engine: database.engine,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
  });
  await app.ready();
  const agents = new Map<string, Agent>();

  const makeAgent = (username: string, cookie: string, csrfToken: string): Agent => {
    const send = (method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers },
        ...(body === undefined ? {} : typeof body === 'string' || Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
      });
    return {
      username,
      cookie,
      csrfToken,
      get: (url, headers) => send('GET', url, undefined, headers),
      post: (url, body, headers) => send('POST', url, body, headers),
      put: (url, body, headers) => send('PUT', url, body, headers),
      patch: (url, body, headers) => send('PATCH', url, body, headers),
      delete: (url, body, headers) => send('DELETE', url, body, headers),
    };
  };

  return {
    app,
    db: database.db,
    database,
    async signIn(username, password = DEMO_PASSWORD) {
      const cached = agents.get(username);
      if (cached && password === DEMO_PASSWORD) return cached;
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = sessionCookie(response);
      const agent = makeAgent(username, cookie, response.json().csrfToken);
      if (password === DEMO_PASSWORD) agents.set(username, agent);
      return agent;
    },
    anonymous: () => makeAgent('', '', ''),
    agencyId: async (code) => (await database.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'nl_session');
  if (!cookie) throw new Error('no session cookie in response');
  return `nl_session=${cookie.value}`;
}
