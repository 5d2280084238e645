import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope } from '../../../platform/auth/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { now, today } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/engine.js';
import { isConnectionError } from '../../../platform/db/connection-errors.js';
import { jobQueueRunning, sendJob } from '../../../platform/jobs/job-queue.js';
import { AppError } from '../../../platform/errors.js';
import { positionCatalogue } from '../positions.lookup.js';
import { insertStaffBatch } from '../people.bulk.js';
import { staffChanges, type ExistingPerson } from './staff-import.changes.js';
import { updateStaffRows } from './staff-import.updates.js';
import { guessColumnMapping, missingRequiredFields, type ColumnMapping } from './staff-import.columns.js';
import {
  PROCESS_ID,
  RUNNING_PHASES,
  STALE_MS,
  clearProgress,
  createJob,
  getJob,
  jobFile,
  jobValidData,
  NO_CHANGES,
  setProgress,
  updateJob,
  type ImportChanges,
  type StaffImportJob,
} from './staff-import.jobs.js';
import { readSheet, type SheetData } from './staff-import.read.js';
import { validateStaffRows, type ImportLookups, type RowError, type ValidStaffRow } from './staff-import.validate.js';

const CHUNK = 5000;
const PREVIEW_ROWS = 20;
/** Changed people listed cell by cell in the preview; the counts cover them all. */
const CHANGE_ROWS = 200;

// The valid rows a commit inserts, stored with the job: column order fixed, one
// array a row, gzip'd (100,000 rows in a few MB instead of a process's heap).
const PACKED_FIELDS = [
  'row',
  'staffCode',
  'fullName',
  'searchName',
  'sortKey',
  'dateOfBirth',
  'gender',
  'agencyId',
  'positionId',
  'roleCategory',
  'rank',
  'email',
  'phone',
  'status',
  'personId',
  'changes',
] as const;

export async function packRows(rows: ValidStaffRow[]): Promise<Buffer> {
  return promisify(gzip)(JSON.stringify(rows.map((r) => PACKED_FIELDS.map((f) => r[f]))));
}

export async function unpackRows(data: Buffer): Promise<ValidStaffRow[]> {
  const tuples = JSON.parse((await promisify(gunzip)(data)).toString('utf8')) as unknown[][];
  return tuples.map((t) => Object.fromEntries(PACKED_FIELDS.map((f, i) => [f, t[i]])) as unknown as ValidStaffRow);
}

function failure(err: unknown): { code: string; details?: unknown } {
  const pgError = err as { code?: string; constraint?: string };
  if (!(err instanceof AppError) && pgError?.code === '23505') return { code: 'staff_code_exists', details: { constraint: pgError.constraint } };
  return err instanceof AppError ? { code: err.code, details: err.details } : { code: 'internal_error' };
}

/** A failed job keeps its report (counts, errors, the failure) and lets its file go. */
async function failJob(db: Db, id: string, err: unknown): Promise<void> {
  await updateJob(db, id, { phase: 'failed', failure: failure(err), finished: true, dropFile: true, runner: null });
}

/** Starts reading and validating an uploaded file; the client polls the job. */
export async function startStaffImport(db: Db, actor: Actor, fileName: string, file: Buffer): Promise<StaffImportJob> {
  const job = await createJob(db, actor, fileName, file);
  void analyse(db, actor, job.id, file, null);
  return job;
}

/**
 * Reads the job's file and validates it with a mapping (the guessed one when
 * null), storing the preview and every row error; failures end in the job.
 */
async function analyse(db: Db, actor: Actor, id: string, file: Buffer | null, mapping: ColumnMapping | null): Promise<void> {
  try {
    const sheet = await readSheet(file ?? (await jobFile(db, id)), (n) => setProgress(id, n, 0));
    const map = mapping ?? guessColumnMapping(sheet.headers);
    if (!(await updateJob(db, id, { phase: 'validating', format: sheet.format, headers: sheet.headers, mapping: map }, ['reading', 'validating']))) return;
    const { valid, errors, changes } = await validateSheet(db, actor, id, sheet, map);
    await updateJob(
      db,
      id,
      {
        phase: 'ready',
        validRows: valid.length,
        errors,
        runner: null,
        validData: errors.length === 0 && valid.length > 0 ? await packRows(valid) : null,
        preview: {
          rows: valid
            .filter((v) => !v.personId)
            .slice(0, PREVIEW_ROWS)
            .map((v) => ({
              row: v.row,
              staffCode: v.staffCode,
              fullName: v.fullName,
              dateOfBirth: v.dateOfBirth,
              gender: v.gender,
              agencyId: v.agencyId,
              positionId: v.positionId,
              roleCategory: v.roleCategory,
              rank: v.rank,
              email: v.email,
              phone: v.phone,
              status: v.status,
            })),
          changes,
        },
      },
      ['validating'],
    );
  } catch (err) {
    await failJob(db, id, err).catch(() => undefined);
  } finally {
    clearProgress(id);
  }
}

type ExistingRow = ExistingPerson & { staffCode: string; agencyPath: string };

async function loadLookups(db: Db, actor: Actor, staffCodes: string[]): Promise<ImportLookups> {
  const agencies = await db.selectFrom('agencies').select(['id', 'code', 'path']).where('valid_to', 'is', null).execute();
  // A code of the importer's scope is an update (a re-imported export); another agency's stays taken.
  const taken = new Set<string>();
  const people = new Map<string, ExistingPerson>();
  for (let i = 0; i < staffCodes.length; i += CHUNK) {
    const { rows } = await sql<ExistingRow>`
      SELECT p.id, p.staff_code AS "staffCode", p.agency_id AS "agencyId", a.code AS "agencyCode", a.path AS "agencyPath",
             p.position_id AS "positionId", pos.code AS "positionCode", p.full_name AS "fullName",
             to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", p.gender, p.role_category AS "roleCategory",
             p.rank, p.email, p.phone, p.status
      FROM people p JOIN agencies a ON a.id = p.agency_id LEFT JOIN positions pos ON pos.id = p.position_id
      WHERE p.staff_code = ANY(${staffCodes.slice(i, i + CHUNK)}::text[])`.execute(db);
    for (const { staffCode, agencyPath, ...person } of rows) {
      if (isInScope(actor, agencyPath)) people.set(staffCode, person);
      else taken.add(staffCode);
    }
  }
  return {
    agencies: new Map(agencies.map((a) => [a.code.toUpperCase(), { id: a.id, path: a.path }])),
    positions: await positionCatalogue(db),
    existingStaffCodes: taken,
    existingPeople: people,
    inScope: (path) => isInScope(actor, path),
    today: today(),
  };
}

/** Validates a sheet's rows, every problem of every row. */
export async function validateSheet(db: Db, actor: Actor, id: string, sheet: SheetData, mapping: ColumnMapping) {
  const rows = sheet.rows;
  if (missingRequiredFields(mapping).length > 0) {
    // Not a failure: the wizard asks the user to map the missing columns.
    return { valid: [] as ValidStaffRow[], errors: [] as RowError[], changes: NO_CHANGES };
  }
  const codeColumn = mapping.staffCode!;
  const codes = [
    ...new Set(
      rows
        .map((r) =>
          String(r[codeColumn] ?? '')
            .trim()
            .toUpperCase(),
        )
        .filter(Boolean),
    ),
  ];
  const lookups = await loadLookups(db, actor, codes);
  const valid: ValidStaffRow[] = [];
  const errors: RowError[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    // In chunks, yielding between them, so a 100,000-row file does not stall the server.
    const result = validateStaffRows(rows.slice(start, start + CHUNK), mapping, lookups, (sheet.firstRow ?? 2) + start);
    valid.push(...result.valid);
    errors.push(...result.errors);
    setProgress(id, Math.min(rows.length, start + CHUNK), rows.length);
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
  const good = valid.filter((v) => !badRows.has(v.row));
  const changes: ImportChanges = { created: 0, changed: 0, unchanged: 0, rows: [] };
  for (const v of good) {
    const person = v.personId ? lookups.existingPeople?.get(v.staffCode) : undefined;
    if (!person) {
      changes.created++;
      continue;
    }
    v.changes = staffChanges(person, v);
    if (v.changes.length === 0) changes.unchanged++;
    else {
      changes.changed++;
      if (changes.rows.length < CHANGE_ROWS) changes.rows.push({ row: v.row, staffCode: v.staffCode, fullName: v.fullName, changes: v.changes });
    }
  }
  return { valid: good, errors: errors.sort((a, b) => a.row - b.row), changes };
}

export async function remapJob(db: Db, actor: Actor, job: StaffImportJob, mapping: ColumnMapping): Promise<void> {
  if (job.phase !== 'ready') throw new AppError('import_not_ready', 409, { phase: job.phase });
  for (const index of Object.values(mapping)) if (index >= job.headers.length) throw new AppError('invalid_value', 400, { mapping });
  if (!(await updateJob(db, job.id, { phase: 'validating', mapping, runner: PROCESS_ID }, ['ready'])))
    throw new AppError('import_not_ready', 409, { jobId: job.id });
  await analyse(db, actor, job.id, null, mapping);
}

/**
 * All or nothing: refuses while any row has an error, then writes every row in
 * one transaction. A failure half way (a staff code taken meanwhile, the
 * database going away) rolls everything back and the job reports it.
 */
export async function commitJob(db: Db, actor: Actor, job: StaffImportJob, startDate: string): Promise<void> {
  if (job.phase !== 'ready') throw new AppError('import_not_ready', 409, { phase: job.phase });
  const missing = missingRequiredFields(job.mapping);
  if (missing.length > 0) throw new AppError('import_missing_columns', 409, { missing });
  if (job.errors.length > 0) throw new AppError('import_has_errors', 409, { errors: job.errors.length });
  if (job.validRows === 0) throw new AppError('import_file_empty', 400);
  if (jobQueueRunning()) {
    // On the job queue: the phase change and the queued job commit together, so
    // a confirmed import is never left without its job (it survives a restart,
    // is retried with back-off, and its key lets one run at a time).
    await db.transaction().execute(async (trx) => {
      if (!(await updateJob(trx, job.id, { phase: 'committing', runner: QUEUE_RUNNER }, ['ready'])))
        throw new AppError('import_not_ready', 409, { jobId: job.id });
      await sendJob(STAFF_IMPORT_COMMIT_JOB, { importId: job.id, startDate, actor } satisfies StaffImportCommitData, { trx, singletonKey: job.id });
    });
    setProgress(job.id, 0, job.validRows);
    return;
  }
  // No queue in this process (the CLI, tests without one): the commit runs here,
  // and resumeIfOrphaned gives it back as "ready" should the process stop.
  // The phase change is the guard against a second commit of the same job.
  if (!(await updateJob(db, job.id, { phase: 'committing', runner: PROCESS_ID }, ['ready']))) throw new AppError('import_not_ready', 409, { jobId: job.id });
  setProgress(job.id, 0, job.validRows);
  void (async () => {
    try {
      // A staff code taken since the preview is caught by the unique index inside the transaction.
      const valid = await unpackRows(await jobValidData(db, job.id));
      await insertRows(db, actor, job, valid, startDate);
    } catch (err) {
      await failJob(db, job.id, err).catch(() => undefined);
    } finally {
      clearProgress(job.id);
    }
  })();
}

export const STAFF_IMPORT_COMMIT_JOB = 'people.staff-import-commit';
/** The runner of a commit the queue owns: resumeIfOrphaned leaves it to the queue's retries. */
const QUEUE_RUNNER = 'job-queue';

export interface StaffImportCommitData {
  importId: string;
  startDate: string;
  /** Who confirmed the import (its owner), for the audit records. */
  actor: Actor;
}

/**
 * The queued commit. Idempotent: a job no longer "committing" (committed,
 * failed, cancelled, expired) is done. A lost database connection is thrown,
 * so the queue retries it (the transaction rolled back); any other failure (a
 * staff code taken since the preview) ends in the job's report, not in retries.
 */
export async function runQueuedCommit(db: Db, data: StaffImportCommitData): Promise<void> {
  const job = await getJob(db, data.importId, data.actor.userId);
  if (job?.phase !== 'committing') return;
  setProgress(job.id, 0, job.validRows);
  try {
    await insertRows(db, data.actor, job, await unpackRows(await jobValidData(db, job.id)), data.startDate);
  } catch (err) {
    if (isConnectionError(err)) throw err;
    await failJob(db, job.id, err);
  } finally {
    clearProgress(job.id);
  }
}

export async function insertRows(db: Db, actor: Actor, job: StaffImportJob, valid: ValidStaffRow[], startDate: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Locks the job's row for the transaction: a process that finds the job
    // "committing" but unlocked knows the commit died with its process.
    if (!(await updateJob(trx, job.id, {}, ['committing']))) throw new AppError('import_not_ready', 409, { jobId: job.id });
    const created = valid.filter((v) => !v.personId);
    const changed = valid.filter((v) => v.personId && v.changes && v.changes.length > 0);
    await insertStaffBatch(trx, created, startDate, 'import', (done) => setProgress(job.id, done, valid.length));
    await updateStaffRows(trx, actor, job.id, changed, startDate);
    // Every imported person has an entry of their own, under their agency, like a person created by hand.
    for (let start = 0; start < created.length; start += CHUNK) {
      const codes = created.slice(start, start + CHUNK).map((v) => v.staffCode);
      await sql`
        INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, agency_path, after)
        SELECT ${actor.userId}::uuid, ${actor.displayName}, 'import', 'person', p.id::text, a.path,
               jsonb_build_object('staffCode', p.staff_code, 'fullName', p.full_name, 'agencyId', p.agency_id, 'status', p.status,
                                  'startDate', ${startDate}::text, 'importId', ${job.id}::text)
        FROM people p JOIN agencies a ON a.id = p.agency_id
        WHERE p.staff_code = ANY(${codes}::text[])`.execute(trx);
    }
    const agencyIds = [...new Set([...created, ...changed].map((v) => v.agencyId))];
    const { rows: paths } = await sql<{ path: string }>`SELECT path FROM agencies WHERE id = ANY(${agencyIds}::uuid[])`.execute(trx);
    await recordAudit(trx, actor, {
      action: 'import',
      entity: 'staff_import',
      entityId: job.id,
      // An administrator's import belongs to no agency of its own: the agencies it wrote into read it.
      agencyPath: actor.role === 'national_admin' ? null : actor.agencyPath,
      relatedAgencyPaths: actor.role === 'national_admin' ? paths.map((p) => p.path) : [],
      after: { fileName: job.fileName, rows: valid.length, created: created.length, changed: changed.length, startDate },
    });
    // Committed rows live in the database now: the job keeps its counts for the report, not the file.
    await updateJob(trx, job.id, { phase: 'committed', imported: created.length + changed.length, finished: true, dropFile: true, runner: null });
  });
}

/**
 * A job left in a running phase by a process that stopped (no heartbeat for
 * STALE_MS, another runner) is taken up again: reading and validating start
 * over from the stored file; a commit whose transaction is gone rolled back,
 * so the job is ready to commit again. Answers the job as it is now.
 */
export async function resumeIfOrphaned(db: Db, actor: Actor, job: StaffImportJob): Promise<StaffImportJob> {
  if (!RUNNING_PHASES.includes(job.phase) || job.runner === PROCESS_ID || job.runner === QUEUE_RUNNER || now().getTime() - job.updatedAt.getTime() < STALE_MS)
    return job;
  if (job.phase === 'committing') {
    await db.transaction().execute(async (trx) => {
      // SKIP LOCKED: a commit still running holds the row and is left alone.
      const { rows } = await sql`SELECT id FROM staff_import_jobs WHERE id = ${job.id} AND phase = 'committing' FOR UPDATE SKIP LOCKED`.execute(trx);
      if (rows.length > 0) await updateJob(trx, job.id, { phase: 'ready', runner: null }, ['committing']);
    });
  } else {
    // Claimed only if nobody else claimed it since it was read (same heartbeat).
    const claimed = await db
      .updateTable('staff_import_jobs')
      .set({ phase: 'reading', runner: PROCESS_ID, updated_at: now() })
      .where('id', '=', job.id)
      .where('phase', '=', job.phase)
      .where('updated_at', '=', job.updatedAt)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) > 0) void analyse(db, actor, job.id, null, job.phase === 'validating' ? job.mapping : null);
  }
  return (await getJob(db, job.id, actor.userId)) ?? job;
}
