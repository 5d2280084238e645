import { api, withQuery } from '../../api/client';

/** Shapes of the people API (src/modules/people on the server). */

export type PersonStatus = 'active' | 'on_leave' | 'transferred' | 'retired';
export type RoleCategory = 'leader' | 'manager' | 'professional' | 'support';

export interface PersonSummary {
  id: string;
  staffCode: string;
  fullName: string;
  dateOfBirth: string | null;
  gender: 'male' | 'female' | 'other' | null;
  roleCategory: RoleCategory | null;
  rank: string | null;
  email: string | null;
  phone: string | null;
  status: PersonStatus;
  positionId: string | null;
  positionCode: string | null;
  positionTitle: string | null;
  agencyId: string;
  agencyName: string;
}

export interface Assignment {
  id: string;
  agencyName: string;
  positionId: string | null;
  positionTitle: string | null;
  roleCategory: RoleCategory | null;
  rank: string | null;
  status: PersonStatus;
  validFrom: string;
  validTo: string | null;
  reason: string;
  adminUnitName: string | null;
  currentUnitName: string | null;
  currentProvinceName: string | null;
}

export interface PersonDetail extends PersonSummary {
  assignments: Assignment[];
}

export interface PeopleQuery {
  q?: string;
  status?: PersonStatus | '';
  sort: 'name' | 'staffCode';
  limit: number;
  offset: number;
}

export interface RowError {
  row: number;
  field: string;
  code: string;
  value: string;
}

export interface ImportJob {
  id: string;
  fileName: string;
  format: 'xlsx' | 'csv' | null;
  phase: 'reading' | 'validating' | 'ready' | 'committing' | 'committed' | 'failed';
  done: number;
  total: number;
  headers: string[];
  mapping: Record<string, number>;
  fields: { field: string; vi: string; en: string; required: boolean }[];
  validRows: number;
  errorRows: number;
  errorCount: number;
  errors: RowError[];
  preview: Array<Record<string, string | null> & { row: number }>;
  imported: number;
  failure: { code: string; details?: unknown } | null;
}

export const BUSY_PHASES: ImportJob['phase'][] = ['reading', 'validating', 'committing'];

export const peopleApi = {
  list: (query: PeopleQuery, signal?: AbortSignal) =>
    api.get<{ items: PersonSummary[]; total: number }>(withQuery('/api/people', { ...query }), { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<PersonDetail>(`/api/people/${id}`, { signal }),
  /** The raw file is the body: no multipart, so large files stream straight to the parser. */
  upload: (file: File) =>
    api.post<ImportJob>(withQuery('/api/people/import', { fileName: file.name }), new Blob([file], { type: 'application/octet-stream' })),
  job: (id: string) => api.get<ImportJob>(`/api/people/import/${id}`),
  remap: (id: string, mapping: Record<string, number>) => api.put<ImportJob>(`/api/people/import/${id}/mapping`, { mapping }),
  commit: (id: string, startDate: string) => api.post<ImportJob>(`/api/people/import/${id}/commit`, { startDate }),
  templateUrl: (format: 'xlsx' | 'csv') => `/api/people/import/template?format=${format}`,
  reportUrl: (id: string, format: 'xlsx' | 'csv') => `/api/people/import/${id}/report?format=${format}`,
};
