import { call, client, fileBody } from '../../api/client';
import type { ApiAnswer, ApiBody, ApiQuery } from '../../api/types';

/** Shapes of the org API, generated from the server's schemas (src/modules/org/org.schema.ts). */

export type UnitQuery = ApiQuery<'/api/org/admin-units', 'get'>;
export type UnitTier = NonNullable<UnitQuery['tier']>;
export type UnitDetail = ApiAnswer<'/api/org/admin-units/{id}', 'get'>;
export type LinkedUnit = UnitDetail['successors'][number];
/** An agency of the list (with its number of sub-agencies). */
export type Agency = ApiAnswer<'/api/org/agencies', 'get'>['items'][number];
/** One agency with its history. */
export type AgencyDetail = ApiAnswer<'/api/org/agencies/{id}', 'get'>;

export type ChangeFileKind = ApiQuery<'/api/org/admin-units/changes/preview', 'post'>['kind'];
export type ChangePlan = ApiAnswer<'/api/org/admin-units/changes/preview', 'post'>;
export type PlannedChange = ChangePlan['changes'][number];

/** The org module's query keys: invalidate `orgKeys.all` after any change to agencies. */
export const orgKeys = {
  all: ['org'] as const,
  units: (query: UnitQuery) => ['org', 'units', query] as const,
  unit: (id: string | null) => ['org', 'unit', id] as const,
  agencies: (q: string) => ['org', 'agencies', q] as const,
  agency: (id: string | null) => ['org', 'agency', id] as const,
  changeSets: ['org', 'change-sets'] as const,
};

/** Agencies that still exist, as choices for a select ("name (code)"). */
export const liveAgencyOptions = (agencies: Pick<Agency, 'id' | 'name' | 'code' | 'validTo'>[]) =>
  agencies.filter((a) => !a.validTo).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));

export const orgApi = {
  previewUnitChanges: (kind: ChangeFileKind, file: File) =>
    call(client.POST('/api/org/admin-units/changes/preview', { params: { query: { kind, fileName: file.name } }, ...fileBody(file) })),
  importUnitChanges: (kind: ChangeFileKind, file: File) =>
    call(client.POST('/api/org/admin-units/changes', { params: { query: { kind, fileName: file.name } }, ...fileBody(file) })),
  changeSets: (signal?: AbortSignal) => call(client.GET('/api/org/admin-units/changes', { signal })),
  units: (query: UnitQuery, signal?: AbortSignal) => call(client.GET('/api/org/admin-units', { params: { query }, signal })),
  unit: (id: string, signal?: AbortSignal) => call(client.GET('/api/org/admin-units/{id}', { params: { path: { id } }, signal })),
  agencies: (q: string, signal?: AbortSignal) => call(client.GET('/api/org/agencies', { params: { query: { q: q || undefined, limit: 1000 } }, signal })),
  agency: (id: string, signal?: AbortSignal) => call(client.GET('/api/org/agencies/{id}', { params: { path: { id } }, signal })),
  rename: (id: string, body: ApiBody<'/api/org/agencies/{id}/rename', 'post'>) =>
    call(client.POST('/api/org/agencies/{id}/rename', { params: { path: { id } }, body })),
  move: (id: string, body: ApiBody<'/api/org/agencies/{id}/move', 'post'>) =>
    call(client.POST('/api/org/agencies/{id}/move', { params: { path: { id } }, body })),
  merge: (id: string, body: ApiBody<'/api/org/agencies/{id}/merge', 'post'>) =>
    call(client.POST('/api/org/agencies/{id}/merge', { params: { path: { id } }, body })),
  dissolve: (id: string, body: ApiBody<'/api/org/agencies/{id}/dissolve', 'post'>) =>
    call(client.POST('/api/org/agencies/{id}/dissolve', { params: { path: { id } }, body })),
};
