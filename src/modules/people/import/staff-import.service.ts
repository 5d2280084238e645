import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope } from '../../../platform/auth/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/engine.js';
import { AppError } from '../../../platform/errors.js';
import { positionCatalogue } from '../positions.lookup.js';
import { insertStaffBatch } from '../people.bulk.js';
import { guessColumnMapping, missingRequiredFields, type ColumnMapping } from './staff-import.columns.js';
import { createJob, type StaffImportJob } from './staff-import.jobs.js';
import { readSheet } from './staff-import.read.js';
import { validateStaffRows, type ImportLookups, type ValidStaffRow } from './staff-import.validate.js';

const CHUNK = 5000;

function fail(job: StaffImportJob, err: unknown) {
  job.phase = 'failed';
  job.finishedAt = Date.now();
  job.failure = err instanceof AppError ? { code: err.code, details: err.details } : { code: 'internal_error' };
}

/** Starts reading and validating an uploaded file; the client polls the job. */
export function startStaffImport(db: Db, actor: Actor, fileName: string, file: Buffer): StaffImportJob {
  const job = createJob(actor.userId, fileName);
  void (async () => {
    const sheet = await readSheet(file, (n) => (job.done = n));
    Object.assign(job, { format: sheet.format, headers: sheet.headers, rows: sheet.rows, mapping: guessColumnMapping(sheet.headers) });
    await validateJob(db, actor, job);
  })().catch((err) => fail(job, err));
  return job;
}

async function loadLookups(db: Db, actor: Actor, staffCodes: string[]): Promise<ImportLookups> {
  const agencies = await db.selectFrom('agencies').select(['id', 'code', 'path']).where('valid_to', 'is', null).execute();
  const existing = new Set<string>();
  for (let i = 0; i < staffCodes.length; i += CHUNK) {
    const { rows } = await sql<{ staff_code: string }>`SELECT staff_code FROM people WHERE staff_code = ANY(${staffCodes.slice(i, i + CHUNK)}::text[])`.execute(db);
    for (const r of rows) existing.add(r.staff_code);
  }
  return {
    agencies: new Map(agencies.map((a) => [a.code.toUpperCase(), { id: a.id, path: a.path }])),
    positions: await positionCatalogue(db),
    existingStaffCodes: existing,
    inScope: (path) => isInScope(actor, path),
    today: today(),
  };
}

export async function validateJob(db: Db, actor: Actor, job: StaffImportJob): Promise<void> {
  job.phase = 'validating';
  job.total = job.rows.length;
  job.done = 0;
  const missing = missingRequiredFields(job.mapping);
  if (missing.length > 0) {
    // Not a failure: the wizard asks the user to map the missing columns.
    Object.assign(job, { phase: 'ready', valid: [], errors: [], done: job.total });
    return;
  }
  const codeColumn = job.mapping.staffCode!;
  const codes = [...new Set(job.rows.map((r) => String(r[codeColumn] ?? '').trim().toUpperCase()).filter(Boolean))];
  const lookups = await loadLookups(db, actor, codes);
  const valid: ValidStaffRow[] = [];
  const errors: typeof job.errors = [];
  for (let start = 0; start < job.rows.length; start += CHUNK) {
    // In chunks, yielding between them, so a 100,000-row file does not stall the server.
    const result = validateStaffRows(job.rows.slice(start, start + CHUNK), job.mapping, lookups, 2 + start);
    valid.push(...result.valid);
    errors.push(...result.errors);
    job.done = Math.min(job.rows.length, start + CHUNK);
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Duplicates across chunks: the validator sees one chunk at a time.
  const firstRow = new Map<string, number>();
  for (const v of valid) {
    const first = firstRow.get(v.staffCode);
    if (first === undefined) firstRow.set(v.staffCode, v.row);
    else errors.push({ row: v.row, field: 'staffCode', code: 'duplicate_in_file', value: `${v.staffCode} (${first})` });
  }
  const badRows = new Set(errors.map((e) => e.row));
  Object.assign(job, { valid: valid.filter((v) => !badRows.has(v.row)), errors: errors.sort((a, b) => a.row - b.row), phase: 'ready' });
}

export async function remapJob(db: Db, actor: Actor, job: StaffImportJob, mapping: ColumnMapping): Promise<void> {
  if (job.phase !== 'ready') throw new AppError('import_not_ready', 409, { phase: job.phase });
  for (const index of Object.values(mapping)) if (index! >= job.headers.length) throw new AppError('invalid_value', 400, { mapping });
  job.mapping = mapping;
  await validateJob(db, actor, job);
}

/**
 * All or nothing: refuses while any row has an error, then writes every row in
 * one transaction. A failure half way (a staff code taken meanwhile, the
 * database going away) rolls everything back and the job reports it.
 */
export function commitJob(db: Db, actor: Actor, job: StaffImportJob, startDate: string): void {
  if (job.phase !== 'ready') throw new AppError('import_not_ready', 409, { phase: job.phase });
  const missing = missingRequiredFields(job.mapping);
  if (missing.length > 0) throw new AppError('import_missing_columns', 409, { missing });
  if (job.errors.length > 0) throw new AppError('import_has_errors', 409, { errors: job.errors.length });
  if (job.valid.length === 0) throw new AppError('import_file_empty', 400);
  Object.assign(job, { phase: 'committing', done: 0, total: job.valid.length });
  void insertRows(db, actor, job, startDate)
    // Committed rows live in the database now: free the job's copies, keep the counts for the report.
    .then(() => Object.assign(job, { phase: 'committed', imported: job.valid.length, finishedAt: Date.now(), rows: [], valid: job.valid.slice(0, 20) }))
    .catch((err: { code?: string; constraint?: string }) =>
      fail(job, err instanceof AppError ? err : err?.code === '23505' ? new AppError('staff_code_exists', 409, { constraint: err.constraint }) : err),
    );
}

export async function insertRows(db: Db, actor: Actor, job: StaffImportJob, startDate: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertStaffBatch(trx, job.valid, startDate, 'import', (done) => (job.done = done));
    await recordAudit(trx, actor, {
      action: 'import',
      entity: 'staff_import',
      entityId: job.id,
      agencyPath: actor.role === 'national_admin' ? null : actor.agencyPath,
      after: { fileName: job.fileName, rows: job.valid.length, startDate },
    });
  });
}
