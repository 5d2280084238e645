import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { now } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/engine.js';
import { AppError } from '../../../platform/errors.js';
import type { ColumnMapping } from './staff-import.columns.js';
import type { RowError } from './staff-import.validate.js';
import type { importChanges, importPhase, previewRow } from './staff-import.schema.js';

export type ImportPhase = z.infer<typeof importPhase>;
export type ImportChanges = z.infer<typeof importChanges>;
export const NO_CHANGES: ImportChanges = { created: 0, changed: 0, unchanged: 0, rows: [] };

/** The preview column holds the preview rows and the changes; a job stored before re-imports held the rows alone. */
interface StoredPreview {
  rows: z.infer<typeof previewRow>[];
  changes: ImportChanges;
}
function storedPreview(value: unknown): StoredPreview {
  if (Array.isArray(value)) return { rows: value as StoredPreview['rows'], changes: NO_CHANGES };
  const stored = value as Partial<StoredPreview> | null;
  return { rows: stored?.rows ?? [], changes: stored?.changes ?? NO_CHANGES };
}
export const RUNNING_PHASES: readonly ImportPhase[] = ['reading', 'validating', 'committing'];

/** A job as the wizard sees it; the uploaded bytes stay in the table (staff_import_jobs). */
export interface StaffImportJob {
  id: string;
  ownerUserId: string;
  agencyPath: string;
  fileName: string;
  format: 'xlsx' | 'csv' | null;
  phase: ImportPhase;
  /** Progress of the current phase, for the client's progress bar. */
  done: number;
  total: number;
  headers: string[];
  mapping: ColumnMapping;
  validRows: number;
  /** The first valid rows, as shown in the preview. */
  preview: z.infer<typeof previewRow>[];
  /** New, changed and unchanged people, with the changes cell by cell. */
  changes: ImportChanges;
  errors: RowError[];
  imported: number;
  failure: { code: string; details?: unknown } | null;
  runner: string | null;
  updatedAt: Date;
  createdAt: Date;
  expiresAt: Date;
  finishedAt: Date | null;
}

/**
 * Jobs live in the database (issue 12: four 13 MB uploads held in a Map took
 * the process from 369 to 972 MB for two hours). The file is read again when
 * it is needed — re-mapping, commit, a restart — and dropped once the job is
 * committed or failed; what the report needs (counts, row errors) is stored.
 */
export const JOB_TTL_MS = 2 * 60 * 60 * 1000;
/** Per user, over the jobs that still hold their file: enough for a wizard and a retry. */
export const MAX_PENDING_JOBS = 3;
export const MAX_PENDING_BYTES = 100 * 1024 * 1024;
/** A running job without a heartbeat for this long was left by a stopped process. */
export const STALE_MS = 5 * 60 * 1000;

/** This process, as the runner of the jobs it works on. */
export const PROCESS_ID = crypto.randomUUID();

/**
 * Progress counters of the jobs this process is working on (two numbers a
 * job, never the file): written to the table at every step would be a write
 * per row chunk, and impossible during the commit's transaction on the
 * embedded engine's single connection.
 */
const progress = new Map<string, { done: number; total: number }>();

export function setProgress(id: string, done: number, total: number): void {
  progress.set(id, { done, total });
}

export function clearProgress(id: string): void {
  progress.delete(id);
}

type JobRow = {
  id: string;
  owner_user_id: string;
  agency_path: string;
  file_name: string;
  format: 'xlsx' | 'csv' | null;
  phase: string;
  headers: unknown;
  mapping: unknown;
  valid_rows: number;
  preview: unknown;
  errors: unknown;
  imported: number;
  failure: unknown;
  runner: string | null;
  updated_at: Date;
  created_at: Date;
  expires_at: Date;
  finished_at: Date | null;
};

const JOB_COLUMNS = [
  'id',
  'owner_user_id',
  'agency_path',
  'file_name',
  'format',
  'phase',
  'headers',
  'mapping',
  'valid_rows',
  'preview',
  'errors',
  'imported',
  'failure',
  'runner',
  'updated_at',
  'created_at',
  'expires_at',
  'finished_at',
] as const;

// jsonb arrives parsed from PostgreSQL; kept defensive for a driver that gives text.
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

function toJob(row: JobRow): StaffImportJob {
  const phase = row.phase as ImportPhase;
  const errors = json<RowError[]>(row.errors);
  const live = progress.get(row.id);
  const finished = { done: row.valid_rows + new Set(errors.map((e) => e.row)).size, total: 0 };
  finished.total = finished.done;
  const counts = RUNNING_PHASES.includes(phase) ? (live ?? { done: 0, total: 0 }) : finished;
  const stored = storedPreview(json(row.preview));
  return {
    id: row.id,
    ownerUserId: row.owner_user_id,
    agencyPath: row.agency_path,
    fileName: row.file_name,
    format: row.format,
    phase,
    done: counts.done,
    total: counts.total,
    headers: json(row.headers),
    mapping: json(row.mapping),
    validRows: row.valid_rows,
    preview: stored.rows,
    changes: stored.changes,
    errors,
    imported: row.imported,
    failure: json(row.failure) ?? null,
    runner: row.runner,
    updatedAt: row.updated_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Deletes expired jobs, their files with them. The server calls it on a timer
 * (src/server.ts) and the wizard on every upload; a commit still running is
 * left to finish (its transaction holds the row; a stuck one goes after 10 minutes).
 */
export async function deleteExpiredImportJobs(db: Db): Promise<number> {
  const at = now();
  const result = await db
    .deleteFrom('staff_import_jobs')
    .where('expires_at', '<', at)
    .where((eb) => eb.or([eb('phase', '<>', 'committing'), eb('updated_at', '<', new Date(at.getTime() - 10 * 60 * 1000))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Creates a job holding the file, within the per-user cap (a clear 409 with
 * the limits when over it). The owner's user row is locked for the check so two
 * uploads at once cannot both pass.
 */
export async function createJob(db: Db, actor: Actor, fileName: string, file: Buffer): Promise<StaffImportJob> {
  await deleteExpiredImportJobs(db);
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('users').select('id').where('id', '=', actor.userId).forUpdate().execute();
    const pending = await trx
      .selectFrom('staff_import_jobs')
      .select((eb) => [eb.fn.countAll<number>().as('jobs'), sql<number>`coalesce(sum(file_size), 0)::int`.as('bytes')])
      .where('owner_user_id', '=', actor.userId)
      .where('file', 'is not', null)
      .executeTakeFirstOrThrow();
    if (Number(pending.jobs) >= MAX_PENDING_JOBS || Number(pending.bytes) + file.length > MAX_PENDING_BYTES) {
      throw new AppError('import_limit_reached', 409, {
        maxJobs: MAX_PENDING_JOBS,
        maxMegabytes: MAX_PENDING_BYTES / 1024 / 1024,
        pendingJobs: Number(pending.jobs),
        pendingMegabytes: Math.ceil(Number(pending.bytes) / 1024 / 1024),
        fileMegabytes: Math.ceil(file.length / 1024 / 1024),
      });
    }
    const at = now();
    const row = await trx
      .insertInto('staff_import_jobs')
      .values({
        id: crypto.randomUUID(),
        owner_user_id: actor.userId,
        agency_path: actor.agencyPath,
        file_name: fileName,
        format: null,
        file,
        file_size: file.length,
        phase: 'reading',
        runner: PROCESS_ID,
        updated_at: at,
        created_at: at,
        expires_at: new Date(at.getTime() + JOB_TTL_MS),
      })
      .returning(JOB_COLUMNS)
      .executeTakeFirstOrThrow();
    return toJob(row);
  });
}

/**
 * A job of this user, not expired; anyone else's, like a missing or expired
 * one, is "not found" (undefined).
 */
export async function getJob(db: Db, id: string, userId: string): Promise<StaffImportJob | undefined> {
  const row = await db.selectFrom('staff_import_jobs').select(JOB_COLUMNS).where('id', '=', id).where('owner_user_id', '=', userId).executeTakeFirst();
  if (!row) return undefined;
  if (row.expires_at.getTime() < now().getTime() && row.phase !== 'committing') {
    await db.deleteFrom('staff_import_jobs').where('id', '=', id).execute();
    return undefined;
  }
  return toJob(row);
}

/** The valid rows stored by the last validation, for the commit. */
export async function jobValidData(db: Db, id: string): Promise<Buffer> {
  const row = await db.selectFrom('staff_import_jobs').select('valid_data').where('id', '=', id).executeTakeFirst();
  if (!row?.valid_data) throw new AppError('import_not_ready', 409, { jobId: id });
  return row.valid_data;
}

/** The uploaded bytes, read when a phase needs them. */
export async function jobFile(db: Db, id: string): Promise<Buffer> {
  const row = await db.selectFrom('staff_import_jobs').select('file').where('id', '=', id).executeTakeFirst();
  if (!row?.file) throw new AppError('import_not_ready', 409, { jobId: id });
  return row.file;
}

export interface JobUpdate {
  phase?: ImportPhase;
  format?: 'xlsx' | 'csv' | null;
  headers?: string[];
  mapping?: ColumnMapping;
  validRows?: number;
  preview?: StoredPreview;
  /** The valid rows, packed (see packRows). */
  validData?: Buffer | null;
  errors?: RowError[];
  imported?: number;
  failure?: { code: string; details?: unknown } | null;
  runner?: string | null;
  finished?: boolean;
  dropFile?: boolean;
}

/**
 * Writes a job's new state (and the heartbeat). `onlyIn` guards a phase
 * change against a concurrent one: it answers false when the job was not in
 * one of those phases (or is gone).
 */
export async function updateJob(db: Db | Transaction<Database>, id: string, change: JobUpdate, onlyIn?: readonly ImportPhase[]): Promise<boolean> {
  const at = now();
  let query = db
    .updateTable('staff_import_jobs')
    .set({
      updated_at: at,
      ...(change.phase !== undefined && { phase: change.phase }),
      ...(change.format !== undefined && { format: change.format }),
      ...(change.headers !== undefined && { headers: JSON.stringify(change.headers) }),
      ...(change.mapping !== undefined && { mapping: JSON.stringify(change.mapping) }),
      ...(change.validRows !== undefined && { valid_rows: change.validRows }),
      ...(change.preview !== undefined && { preview: JSON.stringify(change.preview) }),
      ...(change.validData !== undefined && { valid_data: change.validData }),
      ...(change.errors !== undefined && { errors: JSON.stringify(change.errors) }),
      ...(change.imported !== undefined && { imported: change.imported }),
      ...(change.failure !== undefined && { failure: change.failure === null ? null : JSON.stringify(change.failure) }),
      ...(change.runner !== undefined && { runner: change.runner }),
      ...(change.finished && { finished_at: at }),
      ...(change.dropFile && { file: null, valid_data: null }),
    })
    .where('id', '=', id);
  if (onlyIn) query = query.where('phase', 'in', [...onlyIn]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a job of this user (the wizard's "cancel"); false when there is none. */
export async function deleteJob(db: Db, id: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('staff_import_jobs')
    .where('id', '=', id)
    .where('owner_user_id', '=', userId)
    .where('phase', '<>', 'committing')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
