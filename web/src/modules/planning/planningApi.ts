import { call, client, fileBody } from '../../api/client';
import type { ApiAnswer, ApiBody } from '../../api/types';

export type PlanCheck = ApiAnswer<'/api/planning/plans/{id}/check', 'post'>;
export type NewPlan = ApiBody<'/api/planning/plans', 'post'>;
export type SeatInput = ApiBody<'/api/planning/plans/{id}/check', 'post'>['seats'][number];
export type NewOpening = ApiBody<'/api/planning/openings', 'post'>;
export type Opening = ApiAnswer<'/api/planning/openings', 'get'>['items'][number];
export type CourseChoice = ApiAnswer<'/api/training/courses', 'get'>['items'][number];

/** The annual plan's query keys: invalidate `planningKeys.all` after any change. */
export const planningKeys = {
  all: ['planning'] as const,
  plans: ['planning', 'plans'] as const,
  budget: (year: number, agencyId: string | undefined) => ['planning', 'budget', year, agencyId ?? ''] as const,
  run: (id: string, runId: string) => ['planning', 'run', id, runId] as const,
  version: (id: string, number: number) => ['planning', 'version', id, number] as const,
  openings: ['planning', 'openings'] as const,
  courses: (q: string) => ['planning', 'courses', q] as const,
};

export const planningApi = {
  budget: (year: number, agencyId: string | undefined, signal?: AbortSignal) =>
    call(client.GET('/api/planning/budget', { params: { query: { year, agencyId } }, signal })),
  plans: (signal?: AbortSignal) => call(client.GET('/api/planning/plans', { params: { query: {} }, signal })),
  plan: (id: string, signal?: AbortSignal) => call(client.GET('/api/planning/plans/{id}', { params: { path: { id } }, signal })),
  create: (body: NewPlan) => call(client.POST('/api/planning/plans', { body })),
  solve: (id: string) => call(client.POST('/api/planning/plans/{id}/solve', { params: { path: { id } }, body: { timeLimitSeconds: 60 } })),
  run: (id: string, runId: string, signal?: AbortSignal) =>
    call(client.GET('/api/planning/plans/{id}/runs/{runId}', { params: { path: { id, runId } }, signal })),
  cancel: (id: string, runId: string) => call(client.POST('/api/planning/plans/{id}/runs/{runId}/cancel', { params: { path: { id, runId } }, body: {} })),
  version: (id: string, number: number, signal?: AbortSignal) =>
    call(client.GET('/api/planning/plans/{id}/versions/{number}', { params: { path: { id, number } }, signal })),
  check: (id: string, seats: SeatInput[]) => call(client.POST('/api/planning/plans/{id}/check', { params: { path: { id } }, body: { seats } })),
  save: (id: string, seats: SeatInput[]) => call(client.POST('/api/planning/plans/{id}/versions', { params: { path: { id } }, body: { seats } })),
  import: (id: string, file: File) => call(client.POST('/api/planning/plans/{id}/import', { params: { path: { id } }, ...fileBody(file) })),
  approve: (id: string) => call(client.POST('/api/planning/plans/{id}/approve', { params: { path: { id } }, body: {} })),
  openings: (signal?: AbortSignal) => call(client.GET('/api/planning/openings', { params: { query: {} }, signal })),
  declareOpening: (body: NewOpening) => call(client.POST('/api/planning/openings', { body })),
  withdrawOpening: (openingId: string) => call(client.POST('/api/planning/openings/{openingId}/withdraw', { params: { path: { openingId } }, body: {} })),
  /** The active catalogue, searched on the server without diacritics ("chuyen doi so" finds "Chuyển đổi số"). */
  courses: (q: string, signal?: AbortSignal) => call(client.GET('/api/training/courses', { params: { query: { q: q || undefined, limit: 50 } }, signal })),
  xlsxUrl: (id: string, number: number) => `/api/planning/plans/${id}/versions/${number}/xlsx`,
};
