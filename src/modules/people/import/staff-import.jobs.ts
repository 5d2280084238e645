import type { ColumnMapping } from './staff-import.columns.js';
import type { RowError, ValidStaffRow } from './staff-import.validate.js';

export type ImportPhase = 'reading' | 'validating' | 'ready' | 'committing' | 'committed' | 'failed';

export interface StaffImportJob {
  id: string;
  ownerUserId: string;
  fileName: string;
  format: 'xlsx' | 'csv' | null;
  createdAt: number;
  phase: ImportPhase;
  /** Progress of the current phase, for the client's progress bar. */
  done: number;
  total: number;
  headers: string[];
  rows: unknown[][];
  mapping: ColumnMapping;
  valid: ValidStaffRow[];
  errors: RowError[];
  imported: number;
  failure: { code: string; details?: unknown } | null;
  finishedAt: number | null;
}

/**
 * Import jobs live in memory for the life of the wizard (upload → preview →
 * commit → report): the rows are large and short-lived, and what lasts — the
 * people and the audit event — is in the database. A restart loses open
 * previews, never committed data. One process serves the embedded engine;
 * a multi-process deployment needs sticky sessions for the wizard.
 */
const jobs = new Map<string, StaffImportJob>();
const TTL_MS = 2 * 60 * 60 * 1000;

export function createJob(ownerUserId: string, fileName: string): StaffImportJob {
  const now = Date.now();
  for (const [id, job] of jobs) if (now - job.createdAt > TTL_MS && job.phase !== 'committing') jobs.delete(id);
  const job: StaffImportJob = {
    id: crypto.randomUUID(), ownerUserId, fileName, format: null, createdAt: now, phase: 'reading', done: 0, total: 0,
    headers: [], rows: [], mapping: {}, valid: [], errors: [], imported: 0, failure: null, finishedAt: null,
  };
  jobs.set(job.id, job);
  return job;
}

/** A job belongs to the user who uploaded it; anyone else gets "not found". */
export function getJob(id: string, userId: string): StaffImportJob | undefined {
  const job = jobs.get(id);
  return job && job.ownerUserId === userId ? job : undefined;
}
