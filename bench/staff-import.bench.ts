// Staff import of 100,000 rows (issue 4): read the xlsx, validate every row,
// commit all in one transaction. Target: under 30 s on the embedded engine.
// Alone: `npx tsx bench/staff-import.bench.ts [--rows N] [--csv]`; in the suite: `npm run bench -- staff-import`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { openDatabase } from '../src/platform/db/engine.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { seedDemoIfEmpty } from '../src/platform/demo/seed-demo.js';
import { demoSeeders, migrations } from '../src/modules/registry.js';
import type { Actor } from '../src/platform/auth/actor.js';
import { createJob, jobValidData, updateJob } from '../src/modules/people/import/staff-import.jobs.js';
import { readSheet } from '../src/modules/people/import/staff-import.read.js';
import { insertRows, packRows, unpackRows, validateSheet } from '../src/modules/people/import/staff-import.service.js';
import { guessColumnMapping, STAFF_IMPORT_FIELDS } from '../src/modules/people/import/staff-import.columns.js';
import { nameGenerator, seededRandom } from '../src/modules/people/demo/name-generator.js';
import { shippedNameLists } from '../src/modules/people/demo/name-lists.js';
import { createScratchDatabase, type Benchmark, type BenchResult } from './support.js';

const AGENCIES = ['HN-SNV', 'HN-HOANKIEM', 'DN-SNV', 'BNV'];
const RANKS = ['Chuyên viên', 'Chuyên viên chính', 'Cán sự', 'Chuyên viên cao cấp'];

function staffRows(n: number): string[][] {
  const random = seededRandom(2025);
  const nextName = nameGenerator(shippedNameLists(), random);
  return Array.from({ length: n }, (_, i) => {
    const { fullName, gender } = nextName();
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const year = 1966 + Math.floor(random() * 37);
    return [
      `BN-${String(i + 1).padStart(6, '0')}`,
      fullName,
      `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`,
      gender === 'male' ? 'Nam' : 'Nữ',
      AGENCIES[i % AGENCIES.length]!,
      '',
      'Chuyên môn',
      RANKS[i % RANKS.length]!,
      '',
      '',
      'Đang làm việc',
    ];
  });
}

async function xlsxFile(rows: string[][]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  const sheet = writer.addWorksheet('Danh sách cán bộ');
  sheet.addRow(STAFF_IMPORT_FIELDS.map((f) => f.vi)).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

function csvFile(rows: string[][]): Buffer {
  return Buffer.from([STAFF_IMPORT_FIELDS.map((f) => f.vi), ...rows].map((r) => r.join(',')).join('\n'), 'utf8');
}

export async function measureStaffImport(options: { rows: number; format: 'xlsx' | 'csv'; serverUrl?: string }) {
  const rows = staffRows(options.rows);
  const file = options.format === 'xlsx' ? await xlsxFile(rows) : csvFile(rows);
  const scratch = options.serverUrl ? await createScratchDatabase(options.serverUrl) : undefined;
  // The embedded engine on disk, as a laptop deployment runs it.
  const dataDir = scratch ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'nangluc-bench-import-'));
  const database = await openDatabase(scratch ? { kind: 'postgres', url: scratch.url } : { kind: 'pglite', dataDir });
  try {
    await migrateToLatest(database.db, migrations);
    await seedDemoIfEmpty(database.db, demoSeeders);
    const admin = await database.db
      .selectFrom('users as u')
      .innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.agency_id', 'a.name', 'a.path'])
      .where('u.username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: admin.id,
      username: admin.username,
      displayName: admin.display_name,
      role: 'national_admin',
      agencyId: admin.agency_id,
      agencyName: admin.name,
      agencyPath: admin.path,
      personId: null,
    };

    const t0 = performance.now();
    const sheet = await readSheet(file);
    const t1 = performance.now();
    // The job, its file and its valid rows are stored as the wizard stores them; the commit reads the rows back.
    const job = await createJob(database.db, actor, `bench.${options.format}`, file);
    const mapping = guessColumnMapping(sheet.headers);
    const preview = await validateSheet(database.db, actor, job.id, sheet, mapping);
    await updateJob(database.db, job.id, { phase: 'ready', mapping, validRows: preview.valid.length, validData: await packRows(preview.valid) });
    const t2 = performance.now();
    if (preview.errors.length > 0) throw new Error(`bench file has ${preview.errors.length} row errors, first: ${JSON.stringify(preview.errors[0])}`);
    await updateJob(database.db, job.id, { phase: 'committing' });
    await insertRows(database.db, actor, job, await unpackRows(await jobValidData(database.db, job.id)), '2026-01-01');
    const t3 = performance.now();
    const { n } = await database.db
      .selectFrom('person_assignments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reason', '=', 'import')
      .executeTakeFirstOrThrow();
    if (n !== options.rows) throw new Error(`expected ${options.rows} imported assignments, found ${n}`);
    return { fileBytes: file.length, readMs: t1 - t0, validateMs: t2 - t1, commitMs: t3 - t2, totalMs: t3 - t0 };
  } finally {
    await database.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

export const staffImportBenchmark: Benchmark = {
  name: 'staff-import',
  async run({ engine, serverUrl }): Promise<BenchResult[]> {
    const m = await measureStaffImport({ rows: 100_000, format: 'xlsx', serverUrl });
    return [
      {
        name: 'staff import xlsx (read + validate + commit)',
        engine,
        dataSize: `100,000 rows, ${(m.fileBytes / 1e6).toFixed(1)} MB`,
        medianMs: m.totalMs,
        target: '< 30,000 ms on pglite',
        note: `read ${m.readMs.toFixed(0)} ms, validate ${m.validateMs.toFixed(0)} ms, commit ${m.commitMs.toFixed(0)} ms (one run)`,
      },
    ];
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const rowsArg = args.indexOf('--rows');
  const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 100_000;
  const format = args.includes('--csv') ? 'csv' : 'xlsx';
  const serverUrl = process.env.DATABASE_URL || undefined;
  const m = await measureStaffImport({ rows, format, serverUrl });
  const s = (ms: number) => (ms / 1000).toFixed(1) + ' s';
  console.log(
    `staff import, ${rows.toLocaleString('en')} rows ${format} (${(m.fileBytes / 1e6).toFixed(1)} MB), engine ${serverUrl ? 'postgres' : 'pglite (file)'}, ${os.cpus().length} cores, Node ${process.version}`,
  );
  console.log(`read ${s(m.readMs)} · validate ${s(m.validateMs)} · commit ${s(m.commitMs)} · total ${s(m.totalMs)} (target < 30 s)`);
  process.exit(0);
}
