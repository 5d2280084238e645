import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/engine.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { seedDemoIfEmpty } from '../../src/platform/demo/seed-demo.js';
import { demoSeeders, migrations } from '../../src/modules/registry.js';
import { dateInZone } from '../../src/platform/clock.js';
import { seedDemoAssessments } from '../../src/dataset/demo-assessments.js';

/**
 * Template databases for the test suite. Migrating (~30 migrations) and
 * seeding the demo (argon2 hashes included) cost a test file 10–25 s on each
 * engine, and an empty embedded engine another 10 s of initdb; done once per
 * run instead, each file starts from a copy: `CREATE DATABASE … TEMPLATE` on
 * PostgreSQL, a data-directory tarball (dumpDataDir/loadDataDir) on PGlite.
 *
 * A template is named by a hash of the server code (src/, without its tests)
 * and the deployment's date: any change to a migration or a demo seeder makes
 * a new one, and the demo's dates relative to today stay true (a template of
 * yesterday is never used). vitest's globalSetup (test/support/global-setup.ts)
 * builds the templates before the files start; a file run without it builds
 * them on first use. NANGLUC_TEST_TEMPLATES=off: every file migrates and
 * seeds its own database, as before.
 */

export type TemplateKind = 'migrated' | 'demo';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pgliteDir = path.join(os.tmpdir(), 'nangluc-test-templates');
const PG_PREFIX = 'nangluc_template_';

export function templatesEnabled(): boolean {
  return process.env.NANGLUC_TEST_TEMPLATES !== 'off';
}

let cachedKey: { day: string; key: string } | undefined;
/** `<yyyymmdd>_<hash>`: the date first, so that stale templates can be recognised and dropped. */
function templateKey(): string {
  // The real day, not a clock a test holds: that file copies the run's templates too (createTestApp seeds a held-clock demo itself).
  const day = dateInZone(new Date());
  if (cachedKey?.day === day) return cachedKey.key;
  const hash = createHash('sha256');
  for (const file of sourceFiles(path.join(root, 'src'))) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  // The tarball's format is the engine's: a new PGlite must not open an old one.
  hash.update(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  cachedKey = { day, key: `${day.replaceAll('-', '')}_${hash.digest('hex').slice(0, 16)}` };
  return cachedKey.key;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return entry.name.includes('.test.') ? [] : [full];
    });
}

// ---- embedded engine ----------------------------------------------------------

/** 'server': what the server's first start makes of an empty database (the demo and its assessment history), for the browser tests. */
export function pgliteTemplateFile(kind: TemplateKind | 'server', key = templateKey()): string {
  return path.join(pgliteDir, `${key}-${kind}.tar`);
}

const pgliteBuilds = new Map<string, Promise<void>>();
/** The tarball of a template, built now if this run has none yet. */
export async function pgliteTemplate(kind: TemplateKind): Promise<string> {
  const key = templateKey();
  const file = pgliteTemplateFile(kind, key);
  if (fs.existsSync(file)) touch(file);
  else {
    if (!pgliteBuilds.has(key)) pgliteBuilds.set(key, buildPgliteTemplates(key));
    await pgliteBuilds.get(key);
  }
  return file;
}

/** Both tarballs, from one database: migrated, dumped, then seeded and dumped again. */
export async function buildPgliteTemplates(key = templateKey()): Promise<void> {
  fs.mkdirSync(pgliteDir, { recursive: true });
  const database = await openDatabase({ kind: 'pglite' });
  try {
    await migrateToLatest(database.db, migrations);
    await dumpAtomically(database.dumpDataDir!.bind(database), pgliteTemplateFile('migrated', key));
    await seedDemoIfEmpty(database.db, demoSeeders);
    await dumpAtomically(database.dumpDataDir!.bind(database), pgliteTemplateFile('demo', key));
  } finally {
    await database.close();
  }
}

const serverBuilds = new Map<string, Promise<void>>();
/** The browser tests' server database: migrated, the demo loaded and its assessment history, as startServer would. */
export async function pgliteServerTemplate({ rebuild = false } = {}): Promise<string> {
  const key = templateKey();
  const file = pgliteTemplateFile('server', key);
  if (!rebuild && fs.existsSync(file)) touch(file);
  else {
    if (!serverBuilds.has(key)) serverBuilds.set(key, buildPgliteServerTemplate(file));
    await serverBuilds.get(key);
  }
  return file;
}

async function buildPgliteServerTemplate(file: string): Promise<void> {
  fs.mkdirSync(pgliteDir, { recursive: true });
  const database = await openDatabase({ kind: 'pglite' });
  try {
    await migrateToLatest(database.db, migrations);
    if (await seedDemoIfEmpty(database.db, demoSeeders)) await seedDemoAssessments(database.db);
    await dumpAtomically(database.dumpDataDir!.bind(database), file);
  } finally {
    await database.close();
  }
}

/** Marks a tarball as used (see removeStalePgliteTemplates); another run may just have removed it. */
function touch(file: string): void {
  const at = new Date();
  try {
    fs.utimesSync(file, at, at);
  } catch {
    // Gone meanwhile: the open that follows says so.
  }
}

// Written beside, then renamed: a file that another run is reading is never half-written.
async function dumpAtomically(dump: (file: string) => Promise<void>, file: string): Promise<void> {
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  await dump(partial);
  fs.renameSync(partial, file);
}

/**
 * Tarballs of other days, or of other code not opened for an hour (each use
 * touches its file): 8 worktrees editing all day would otherwise fill the disk.
 */
export function removeStalePgliteTemplates(): void {
  if (!fs.existsSync(pgliteDir)) return;
  const key = templateKey();
  const day = key.slice(0, 8);
  for (const name of fs.readdirSync(pgliteDir)) {
    const file = path.join(pgliteDir, name);
    if (name.startsWith(key)) continue;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) continue;
    if (!name.startsWith(day) || Date.now() - stat.mtimeMs > 3_600_000) fs.rmSync(file, { force: true });
  }
}

// ---- PostgreSQL ---------------------------------------------------------------

export function postgresTemplateName(kind: TemplateKind, key = templateKey()): string {
  return `${PG_PREFIX}${key}_${kind}`;
}

const postgresBuilds = new Map<string, Promise<void>>();
/** The name of a template database on this server, built now if it has none for this code and day. */
export async function postgresTemplate(serverUrl: string, kind: TemplateKind): Promise<string> {
  const key = templateKey();
  const name = postgresTemplateName(kind, key);
  const exists = await withAdminClient(
    serverUrl,
    async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
  if (!exists) {
    const buildKey = `${serverUrl} ${key}`;
    if (!postgresBuilds.has(buildKey)) postgresBuilds.set(buildKey, buildPostgresTemplates(serverUrl, { key }));
    await postgresBuilds.get(buildKey);
  }
  return name;
}

/**
 * Both templates: a database migrated, renamed into the migrated template; a
 * copy of it seeded, renamed into the demo template. Built under scratch
 * names, so that a copy never starts from a template half made; `replace`
 * drops a template of the same name first (CI migrates for real every run).
 */
export async function buildPostgresTemplates(serverUrl: string, { key = templateKey(), replace = false } = {}): Promise<void> {
  const migrated = postgresTemplateName('migrated', key);
  const demo = postgresTemplateName('demo', key);
  const scratch = `nangluc_template_build_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${scratch}`);
  await withDatabase(serverUrl, scratch, (db) => migrateToLatest(db, migrations));
  await publish(serverUrl, scratch, migrated, replace);
  await adminQuery(serverUrl, `CREATE DATABASE ${scratch} TEMPLATE ${migrated}`);
  await withDatabase(serverUrl, scratch, (db) => seedDemoIfEmpty(db, demoSeeders));
  await publish(serverUrl, scratch, demo, replace);
}

async function publish(serverUrl: string, scratch: string, name: string, replace: boolean): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    await waitUntilUnused(client, scratch);
    if (replace) await client.query(`DROP DATABASE IF EXISTS ${name}`);
    try {
      await client.query(`ALTER DATABASE ${scratch} RENAME TO ${name}`);
    } catch (err) {
      // Another run built the same template meanwhile: same code, same day, same content.
      if ((err as { code?: string }).code !== '42P04') throw err;
      await client.query(`DROP DATABASE ${scratch}`);
    }
  });
}

/** Templates of other days; one still being copied by a run makes DROP wait, never break it. */
export async function dropStalePostgresTemplates(serverUrl: string): Promise<void> {
  const day = templateKey().slice(0, 8);
  await withAdminClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE '${PG_PREFIX}%' AND datname NOT LIKE '${PG_PREFIX}build_%' AND datname NOT LIKE $1`,
      [`${PG_PREFIX}${day}_%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  });
}

async function withDatabase<T>(serverUrl: string, name: string, work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** Renaming, dropping and copying refuse a database with sessions: the closed pool's may still be ending. */
async function waitUntilUnused(client: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const adminQuery = (serverUrl: string, text: string) => withAdminClient(serverUrl, (client) => client.query(text));

export async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
