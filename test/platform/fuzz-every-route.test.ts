import net from 'node:net';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  BAD_PATH_SEGMENTS,
  JUNK_BODIES,
  almostValid,
  badValues,
  brokenFile,
  brokenVariants,
  fixedBrokenFiles,
  junkJsonBody,
  satisfies,
  preview,
  spreadOver,
  validValue,
  type FuzzRequest,
  type IdPool,
  type Operation,
  type Parameter,
  type Schema,
} from '../support/openapi-fuzz.js';
import { seedDemoAssessments } from '../../src/dataset/demo-assessments.js';
import { errorMessages, type ErrorCode } from '../../src/platform/i18n/error-messages.js';
import { pickLanguage } from '../../src/platform/i18n/language.js';
import type { Role } from '../../src/platform/auth/roles.js';

/**
 * Generated bad input (issue 12): every route of /api/openapi.json — read from
 * the app, so a route added later is fuzzed without being named — as every
 * demo role and anonymously, gets fast-check-generated bad requests. None may
 * answer 5xx, every refusal is in the app's error format and the caller's
 * language, no state-changing route accepts one, and afterwards every table
 * holds what it held before: bad input changes nothing.
 *
 * Deterministic: FUZZ_SEED (printed) fixes every request; FUZZ_RUNS scales the count.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS_ALLOWED = Number(process.env.FUZZ_RUNS ?? 10);
/** FUZZ_ONLY: a regular expression on "METHOD /path", to fuzz a few routes hard while chasing a fault. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;
/** Callers the route refuses stop at 401/403: a few runs show that holds for any input. */
const RUNS_REFUSED = Math.max(1, Math.round(RUNS_ALLOWED / 5));

const CALLERS: Array<{ username: string | null; role: Role | null }> = [
  { username: 'admin', role: 'national_admin' },
  { username: 'hr.hanoi', role: 'hr_officer' },
  { username: 'leader.hanoi', role: 'leader' },
  { username: 'canbo.hanoi', role: 'civil_servant' },
  { username: 'expert', role: 'expert' },
  { username: 'trainer', role: 'trainer' },
  { username: null, role: null },
];
const LANGUAGES = ['vi', 'en', 'en-US,en;q=0.9', 'fr-FR', 'vi-VN,vi;q=0.9,en;q=0.8'];
const FILE_TYPES = ['application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];
/** Tables that legitimately change while the test runs: the test's own sign-ins. */
// An upload's job is the upload's own answer (its preview or its error report,
// kept two hours); the register changes only when a job is committed, which
// the test checks separately below.
const TABLES_THAT_MAY_CHANGE = new Set(['sessions', 'staff_import_jobs']);

let t: TestApp;
let operations: Operation[];
let pool: IdPool;
let xlsx: Buffer;
let countsBefore: Record<string, number>;
/** Answers by class (2 = 2xx…): how many requests went past the validators into a handler. */
const answered: Record<number, number> = {};
const cookies = new Map<string, { cookie: string; csrfToken: string }>();

beforeAll(async () => {
  t = await createTestApp();
  // The demo's assessment history, so needs and report routes have cycles and results to reach.
  await seedDemoAssessments(t.db);
  for (const caller of CALLERS) if (caller.username) cookies.set(caller.username, await t.signIn(caller.username));
  const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = readOperations(spec);
  pool = await collectIds(operations);
  xlsx = (await (await t.signIn('hr.hanoi')).get('/api/people/import/template?format=xlsx')).rawPayload;
  countsBefore = await countRows();
}, 300_000);
afterAll(() => t?.close());

describe('generated bad input on every route', () => {
  it('never answers 5xx, answers every refusal in the app format and language, and changes nothing', async () => {
    const started = Date.now();
    // Every wrong answer is kept (not only the first of a route), so a run reports all it found.
    const failures: Array<{ key: string; line: string; is5xx: boolean }> = [];
    let requests = 0;
    const order = (op: Operation) => (op.method === 'GET' ? 0 : op.method === 'DELETE' ? 2 : 1);
    const ordered = [...operations].filter((op) => !ONLY || ONLY.test(`${op.method} ${op.path}`)).sort((a, b) => order(a) - order(b));
    const record = (op: Operation, who: string, seed: number | string, request: FuzzRequest, problem: { status: number; text: string }) =>
      failures.push({
        key: `${op.method} ${op.path} ${problem.status}`,
        is5xx: problem.status >= 500,
        line: `${op.method} ${op.path} as ${who} (${seed}): ${problem.text} ← ${request.broken}: ${request.method} ${request.url.slice(0, 160)}`,
      });
    for (const op of ordered) {
      // The listed requests, shared out in turn among the callers the route lets in (then anyone, for public routes).
      const allowed = CALLERS.filter((c) => callerMayUse(op, c.role));
      const listed = listedRequests(op);
      for (const [i, request] of listed.entries()) {
        const caller = allowed[i % allowed.length] ?? CALLERS[0]!;
        requests += 1;
        const problem = await sendAndJudge(request, caller.username);
        if (problem) record(op, caller.username ?? 'anonymous', `listed #${i}`, request, problem);
      }
      const arbitrary = requestsFor(op);
      for (const caller of CALLERS) {
        const numRuns = callerMayUse(op, caller.role) ? RUNS_ALLOWED : RUNS_REFUSED;
        const seed = SEED ^ hash(`${op.method} ${op.path} ${caller.username ?? 'anonymous'}`);
        const who = caller.username ?? 'anonymous';
        await fc.assert(
          fc.asyncProperty(arbitrary, async (request) => {
            requests += 1;
            const problem = await sendAndJudge(request, caller.username);
            if (problem) record(op, who, `seed ${seed}`, request, problem);
          }),
          { seed, numRuns },
        );
      }
    }
    const countsAfter = await countRows();
    const changed = Object.keys(countsBefore).filter((table) => !TABLES_THAT_MAY_CHANGE.has(table) && countsBefore[table] !== countsAfter[table]);
    console.log(
      `fuzz: ${ordered.length} routes, ${requests} requests, 5xx = ${failures.filter((f) => f.is5xx).length}, other wrong answers = ${failures.filter((f) => !f.is5xx).length} (2xx ${answered[2] ?? 0}, 4xx ${answered[4] ?? 0}), seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS_ALLOWED} to repeat)`,
    );
    expect(ONLY ? ordered.length : operations.length).toBeGreaterThan(ONLY ? 0 : 70);
    // One line for each route and status, so a systematic fault does not drown the others.
    const firstOfEach = [...new Map(failures.map((f) => [f.key, f.line])).values()];
    if (firstOfEach.length > 0) console.log(`fuzz: first wrong answer of each route and status:\n${firstOfEach.join('\n')}`);
    expect(firstOfEach).toEqual([]);
    expect(changed.map((table) => `${table}: ${countsBefore[table]} → ${countsAfter[table]}`)).toEqual([]);
    const committed = await t.db.selectFrom('staff_import_jobs').select('phase').where('phase', 'in', ['committing', 'committed']).execute();
    expect(committed).toEqual([]);
  }, 600_000);
});

describe('the bad input the first fuzzing found answers 400 naming the field', () => {
  it('a NUL byte in a search, an id or a name', async () => {
    const admin = await t.signIn('admin');
    const cases: Array<[string, string, string]> = [
      ['/api/people?q=%00', 'querystring', 'q'],
      ['/api/org/agencies?q=a%00b', 'querystring', 'q'],
      ['/api/accounts?q=%00', 'querystring', 'q'],
      ['/api/positions?search=%00', 'querystring', 'search'],
      ['/api/audit?entity=%00', 'querystring', 'entity'],
      ['/api/org/admin-units/%00', 'params', 'id'],
    ];
    for (const [url, part, field] of cases) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error, url).toMatchObject({ code: 'validation_failed', details: [{ in: part, path: field }] });
    }
    const login = await t.anonymous().post('/api/auth/login', { username: 'admin\u0000', password: 'x' });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.details).toEqual([{ in: 'body', path: 'username', message: 'contains a NUL character' }]);
    const surrogate = await admin.post('/api/org/agencies', { code: 'X1', name: 'Sở \ud800', kind: 'department', parentId: null });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().error.details).toEqual([{ in: 'body', path: 'name', message: 'is not valid Unicode text' }]);
  });

  it('an impossible date on the people routes', async () => {
    const hr = await t.signIn('hr.hanoi');
    const person = (await hr.get('/api/people?limit=1')).json().items[0].id as string;
    const agencyId = await t.agencyId('HN-SNV');
    for (const date of [' ', 'x', '2025-02-30', '2023-02-29', '0000-01-01']) {
      const answers = [
        await hr.patch(`/api/people/${person}`, { dateOfBirth: date }),
        await hr.post(`/api/people/${person}/transfer`, { agencyId, effectiveDate: date }),
        await hr.post(`/api/people/${person}/status`, { status: 'on_leave', effectiveDate: date }),
      ];
      for (const res of answers) {
        expect(res.statusCode, `${date}: ${res.body}`).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ in: 'body' }] });
      }
    }
  });

  it('an uploaded csv with a NUL byte or not in UTF-8 is unreadable, not a failed commit', async () => {
    const hr = await t.signIn('hr.hanoi');
    const [header, example] = (await hr.get('/api/people/import/template?format=csv')).body.split('\r\n');
    const files = [
      Buffer.from(`${header}\r\n${example!.replace(/^[^,]*/, 'NUL-1').replace('Nguy', 'Nguy\u0000')}\r\n`, 'utf8'),
      Buffer.concat([Buffer.from(`${header}\r\n`, 'utf8'), Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0x6e, 0x0d, 0x0a])]),
    ];
    for (const file of files) {
      const upload = await hr.post('/api/people/import/?fileName=staff.csv', file, { 'content-type': 'text/csv' });
      expect(upload.statusCode).toBe(202);
      let job = upload.json();
      for (let i = 0; i < 100 && job.phase === 'reading'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = (await hr.get(`/api/people/import/${job.id}`)).json();
      }
      expect(job.phase).toBe('failed');
      expect(job.failure.code).toBe('import_file_unreadable');
    }
  });

  it('a framework file with a NUL in a name is framework_invalid at its place, in every text format', async () => {
    const admin = await t.signIn('admin');
    const versionId = (await admin.get('/api/frameworks/')).json().items[0].versions[0].id as string;
    for (const format of ['case', 'digcomp', 'moodle-csv']) {
      const exported = (await admin.get(`/api/frameworks/versions/${versionId}/export?format=${format}`)).body;
      // In JSON formats the NUL is written as its escape; in CSV as the byte itself.
      const nul = format === 'moodle-csv' ? '\u0000' : '\\u0000';
      const broken = exported.replace(/(Năng lực|năng lực|Quản lý)/g, `$1${nul}`);
      expect(broken).not.toBe(exported);
      const res = await admin.post(`/api/frameworks/import?format=${format}`, Buffer.from(broken, 'utf8'), { 'content-type': 'application/octet-stream' });
      expect(res.statusCode, `${format}: ${res.body.slice(0, 200)}`).toBe(422);
      expect(res.json().error.code).toBe('framework_invalid');
    }
  });

  it('JSON nested deeper than any schema is refused without walking it all', async () => {
    const admin = await t.signIn('admin');
    const res = await admin.post('/api/org/agencies', '{"name":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ in: 'body', message: 'is nested more than 64 levels deep' }] });
  });
});

describe('refusals before routing are in the app format and language', () => {
  it('a path param longer than the router allows is 414, a malformed %-escape 400', async () => {
    const long = await t.app.inject({ method: 'GET', url: `/api/people/${'a'.repeat(500)}`, headers: { 'accept-language': 'en', ...sessionOf('admin') } });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({ error: { code: 'uri_too_long', message: errorMessages.uri_too_long.en } });
    const bad = await t.app.inject({ method: 'GET', url: '/api/people/%zz', headers: sessionOf('admin') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'bad_request', message: errorMessages.bad_request.vi });
  });

  it('headers larger than Node accepts are 431 and malformed HTTP is 400, in the caller language', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    const huge = await rawRequest(Number(port), `GET /api/health HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge.status).toBe(431);
    expect(JSON.parse(huge.body)).toEqual({ error: { code: 'headers_too_large', message: errorMessages.headers_too_large.en } });
    const garbage = await rawRequest(Number(port), 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body)).toEqual({ error: { code: 'bad_request', message: errorMessages.bad_request.vi } });
  });
});

// ---------------------------------------------------------------------------

function readOperations(spec: {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = op.parameters ?? [];
      out.push({
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return out;
}

/** Ids of records that exist, read from every list route as every role, so fuzzed requests reach real records too. */
async function collectIds(ops: Operation[]): Promise<IdPool> {
  const ids = new Set<string>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  const walk = (value: unknown) => {
    if (typeof value === 'string' && uuid.test(value)) ids.add(value);
    else if (value && typeof value === 'object') for (const child of Object.values(value)) walk(child);
  };
  for (const op of ops.filter((o) => o.method === 'GET' && o.params.length === 0 && !o.query.some((q) => q.required))) {
    for (const username of cookies.keys()) {
      const res = await t.app.inject({ method: 'GET', url: op.path, headers: sessionOf(username) });
      if (res.statusCode === 200 && res.headers['content-type']?.toString().includes('json')) walk(res.json());
    }
  }
  return { ids: [...ids].sort() };
}

async function countRows(): Promise<Record<string, number>> {
  const tables = await sql<{
    name: string;
  }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(t.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(name)}`.execute(t.db);
    counts[name] = rows[0]!.n;
  }
  return counts;
}

function callerMayUse(op: Operation, role: Role | null): boolean {
  const url = op.path.replace(/\{(\w+)\}/g, ':$1');
  const declared = t.app.declaredRoutes.find((r) => r.method === op.method && r.url === url);
  if (!declared || declared.access === 'public') return true;
  if (role === null) return false;
  return declared.access === 'authenticated' || declared.access.roles.includes(role);
}

const isStrictParam = (p: Parameter) => p.schema.format === 'uuid' || p.schema.enum !== undefined;
const JSON_TYPE = 'application/json';

/** How one route's requests are put together, shared by the listed and the random requests. */
function shapeOf(op: Operation) {
  const validParams = fc.tuple(...op.params.map((p) => validValue(p.schema, pool).map((v) => encodeURIComponent(String(v)))));
  const validQuery = fc.tuple(
    ...op.query.map((q) =>
      q.required ? validValue(q.schema, pool).map(String) : fc.option(validValue(q.schema, pool).map(String), { nil: undefined, freq: 2 }),
    ),
  );
  const validBody = op.body ? validValue(op.body, pool) : fc.constant(undefined);
  const build = (
    params: string[],
    query: Array<[string, string]>,
    payload: string | Buffer | undefined,
    contentType: string | undefined,
    lang: string,
    broken: string,
  ): FuzzRequest => {
    let i = 0;
    const path = op.path.replace(/\{\w+\}/g, () => params[i++] ?? 'x');
    const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&');
    const headers: Record<string, string> = { 'accept-language': lang };
    if (contentType && payload !== undefined) headers['content-type'] = contentType;
    return { method: op.method, url: search ? `${path}?${search}` : path, headers, payload, broken };
  };
  const queryPairs = (values: Array<string | undefined>) =>
    op.query.flatMap((q, i): Array<[string, string]> => (values[i] === undefined ? [] : [[q.name, encodeURIComponent(values[i])]]));
  /** Query values the declared parameter refuses (as text: a query has no types). Lone surrogates cannot be written in a URL. */
  const badQueryValues = (q: Parameter) =>
    [
      ...new Set(
        badValues(q.schema)
          .filter((v) => typeof v === 'string' || typeof v === 'number')
          .map(String),
      ),
    ].filter(
      (v) => !/\p{Cs}/u.test(v) && !(q.schema.enum ?? []).map(String).includes(v) && !(q.schema.default !== undefined && String(q.schema.default) === v),
    );
  const withBadQuery = (query: Array<string | undefined>, name: string, value: string, twice = false): Array<[string, string]> => {
    const pairs = queryPairs(query).filter(([k]) => k !== name || twice);
    pairs.push([name, encodeURIComponent(value)]);
    if (twice) pairs.push([name, 'again']);
    return pairs;
  };
  // A non-GET route's params can only be made certainly wrong where they are ids or enums.
  const breakableParams = op.method === 'GET' ? op.params : op.params.filter(isStrictParam);
  return { validParams, validQuery, validBody, build, queryPairs, badQueryValues, withBadQuery, breakableParams };
}

/**
 * The listed requests of a route: every path param with every bad segment, every
 * query parameter with every bad value, the body broken once at each of its places
 * (up to BODY_CASES), every junk body and every broken file — on one valid sample.
 */
const BODY_CASES = 30;
function listedRequests(op: Operation): FuzzRequest[] {
  const shape = shapeOf(op);
  const fullBody = op.body ? validValue(op.body, pool, 0, true) : fc.constant(undefined);
  // Only the required query parameters: a random optional one (an agency out of scope) could stop the request before the broken one is used.
  const requiredQuery = fc.tuple(...op.query.map((q) => (q.required ? validValue(q.schema, pool).map(String) : fc.constant(undefined))));
  const [params, query, body] = fc.sample(fc.tuple(shape.validParams, requiredQuery, fullBody), {
    seed: SEED ^ hash(`sample ${op.method} ${op.path}`),
    numRuns: 1,
  })[0]!;
  const bodyText = body === undefined ? undefined : JSON.stringify(body);
  const out: FuzzRequest[] = [];
  const lang = (i: number) => LANGUAGES[i % LANGUAGES.length]!;
  for (const p of shape.breakableParams) {
    const which = op.params.indexOf(p);
    for (const bad of BAD_PATH_SEGMENTS)
      out.push(
        shape.build(
          params.map((v, i) => (i === which ? bad : v)),
          shape.queryPairs(query),
          bodyText,
          JSON_TYPE,
          lang(out.length),
          `path ${p.name} = ${preview(bad)}`,
        ),
      );
  }
  for (const q of op.query) {
    for (const bad of shape.badQueryValues(q))
      out.push(shape.build(params, shape.withBadQuery(query, q.name, bad), bodyText, JSON_TYPE, lang(out.length), `query ${q.name} = ${preview(bad)}`));
    out.push(shape.build(params, shape.withBadQuery(query, q.name, 'twice', true), bodyText, JSON_TYPE, lang(out.length), `query ${q.name} given twice`));
  }
  if (op.query.length > 0)
    out.push(shape.build(params, shape.withBadQuery(query, 'unknownParam', '1'), bodyText, JSON_TYPE, lang(out.length), 'unknown query parameter'));
  if (op.body) {
    // A "broken" body that another branch of a union accepts is a valid one (a pasted credential may be text or JSON).
    for (const variant of spreadOver(brokenVariants(op.body, body), BODY_CASES).filter((v) => !satisfies(op.body!, JSON.stringify(v.value)))) {
      out.push(shape.build(params, shape.queryPairs(query), JSON.stringify(variant.value), JSON_TYPE, lang(out.length), `body ${variant.broken}`));
    }
  }
  if (op.method !== 'GET') {
    for (const junk of JUNK_BODIES) out.push(shape.build(params, shape.queryPairs(query), junk.payload, JSON_TYPE, lang(out.length), junk.broken));
    if (!op.body) {
      for (const file of fixedBrokenFiles(xlsx))
        for (const type of FILE_TYPES)
          out.push(shape.build(params, shape.queryPairs(query), file.payload, type, lang(out.length), `file ${file.broken} as ${type}`));
    }
  }
  return out;
}

/** Random requests for one route, each with one part made wrong (GETs also get valid ones: they change nothing). */
function requestsFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const shape = shapeOf(op);
  const { validParams, validQuery, build, queryPairs } = shape;
  const validBody = shape.validBody.map((v) => (v === undefined ? undefined : JSON.stringify(v)));
  const language = fc.constantFrom(...LANGUAGES);
  const variants: Array<fc.Arbitrary<FuzzRequest>> = [];

  // A path param that is not an id (or not one of its values).
  if (shape.breakableParams.length > 0) {
    variants.push(
      fc
        .tuple(
          validParams,
          fc.constantFrom(...shape.breakableParams.map((p) => op.params.indexOf(p))),
          fc.constantFrom(...BAD_PATH_SEGMENTS),
          validQuery,
          validBody,
          language,
        )
        .map(([params, which, bad, query, body, lang]) =>
          build(
            params.map((p, i) => (i === which ? bad : p)),
            queryPairs(query),
            body,
            JSON_TYPE,
            lang,
            `path ${op.params[which]!.name} = ${preview(bad)}`,
          ),
        ),
    );
  }
  // The declared query with one value wrong, an unknown parameter, or one given twice.
  if (op.query.length > 0) {
    const badQuery = fc.oneof(
      fc.tuple(fc.nat(op.query.length - 1), fc.nat()).map(([which, pick]) => {
        const q = op.query[which]!;
        const bads = shape.badQueryValues(q);
        const bad = bads[pick % Math.max(1, bads.length)] ?? 'x';
        return { name: q.name, value: bad, twice: false, broken: `query ${q.name} = ${preview(bad)}` };
      }),
      fc.constant({ name: 'unknownParam', value: '1', twice: false, broken: 'unknown query parameter' }),
      fc.constantFrom(...op.query.map((q) => ({ name: q.name, value: 'twice', twice: true, broken: `query ${q.name} given twice` }))),
    );
    variants.push(
      fc
        .tuple(validParams, validQuery, badQuery, validBody, language)
        .map(([params, query, bad, body, lang]) => build(params, shape.withBadQuery(query, bad.name, bad.value, bad.twice), body, JSON_TYPE, lang, bad.broken)),
    );
  }
  // The declared body with exactly one thing wrong: this is what reaches the handlers' edges.
  if (op.body) {
    variants.push(
      fc
        .tuple(validParams, validQuery, almostValid(op.body, pool), language)
        .filter(([, , body]) => body !== null && !satisfies(op.body!, JSON.stringify(body.value)))
        .map(([params, query, body, lang]) => build(params, queryPairs(query), JSON.stringify(body!.value), JSON_TYPE, lang, `body ${body!.broken}`)),
    );
  }
  if (op.method !== 'GET') {
    // Whole-body junk: broken JSON, 10,000 nested arrays, 1 MB; random JSON only where a body
    // is declared (elsewhere it is ignored, and the request would be a valid one).
    variants.push(
      fc
        .tuple(validParams, validQuery, junkJsonBody, language)
        .filter(
          ([, , junk]) =>
            (op.body !== undefined || !junk.broken.startsWith('random JSON')) &&
            !(op.body && junk.broken.startsWith('random JSON') && satisfies(op.body, junk.payload)),
        )
        .map(([params, query, junk, lang]) => build(params, queryPairs(query), junk.payload, JSON_TYPE, lang, junk.broken)),
    );
    // Broken files, for the routes that take an upload (any other route answers 415).
    if (!op.body) {
      variants.push(
        fc
          .tuple(validParams, validQuery, brokenFile(xlsx), fc.constantFrom(...FILE_TYPES), language)
          .map(([params, query, file, type, lang]) => build(params, queryPairs(query), file.payload, type, lang, `file ${file.broken} as ${type}`)),
      );
    }
  } else {
    // GETs change nothing: a valid request with real ids and random query values reaches the handler.
    variants.push(
      fc
        .tuple(validParams, validQuery, language)
        .map(([params, query, lang]) => build(params, queryPairs(query), undefined, undefined, lang, 'valid-looking GET')),
    );
  }
  return fc.oneof(...variants);
}

function sessionOf(username: string | null): Record<string, string> {
  const session = username ? cookies.get(username) : undefined;
  return session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {};
}

/** Send one request; a sentence on what is wrong with the answer, or null. */
async function sendAndJudge(request: FuzzRequest, username: string | null): Promise<{ status: number; text: string } | null> {
  const res = await t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: { ...request.headers, ...sessionOf(username) },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  const status = res.statusCode;
  answered[Math.floor(status / 100)] = (answered[Math.floor(status / 100)] ?? 0) + 1;
  const wrong = (text: string) => ({ status, text });
  if (status >= 500) return wrong(`answered ${status} ${res.body.slice(0, 200)}`);
  if (status >= 200 && status < 300) {
    // 202: an upload is read in the background, and its job (not the upload) reports the broken file.
    if (request.method !== 'GET' && status !== 202) return wrong(`accepted bad input: ${status} ${res.body.slice(0, 200)}`);
    return null;
  }
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = res.json();
  } catch {
    return wrong(`answered ${status} without a JSON body: ${res.body.slice(0, 120)}`);
  }
  const code = body.error?.code;
  if (typeof code !== 'string' || typeof body.error?.message !== 'string')
    return wrong(`answered ${status} not in the app's error format: ${res.body.slice(0, 200)}`);
  const expected = errorMessages[code as ErrorCode]?.[pickLanguage(request.headers['accept-language'])];
  if (body.error.message !== expected)
    return wrong(`answered ${status} ${code} not in the caller's language (${request.headers['accept-language']}): ${body.error.message}`);
  return null;
}

/** A stable 31-bit hash of a route and caller, so each pair has its own seed and adding a route changes no other's requests. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 1;
}

function rawRequest(port: number, text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') });
    });
  });
}
