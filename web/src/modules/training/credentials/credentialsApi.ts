import { call, client } from '../../../api/client';
import type { ApiAnswer, ApiBody } from '../../../api/types';

export type CredentialItem = ApiAnswer<'/api/training/credentials', 'get'>['items'][number];
export type Verification = ApiAnswer<'/api/training/verify', 'post'>;
export type VerifyBody = ApiBody<'/api/training/verify', 'post'>;
export type AnnualReport = ApiAnswer<'/api/training/reports/agencies/{id}', 'get'>;

/** The certificates and records query keys: invalidate `credentialsKeys.all` after a revocation. */
export const credentialsKeys = {
  all: ['training-credentials'] as const,
  list: (mine: boolean) => ['training-credentials', 'list', mine] as const,
  publicView: (id: string) => ['training-credentials', 'public', id] as const,
  report: (agencyId: string, year: number) => ['training-credentials', 'report', agencyId, year] as const,
};

export const credentialsApi = {
  list: (mine: boolean, signal?: AbortSignal) =>
    call(client.GET('/api/training/credentials', { params: { query: { mine: mine ? 'true' : undefined, limit: 500 } }, signal })),
  publicView: (id: string, signal?: AbortSignal) => call(client.GET('/api/training/verify/{id}', { params: { path: { id } }, signal })),
  verify: (credential: VerifyBody['credential']) => call(client.POST('/api/training/verify', { body: { credential } })),
  revoke: (id: string, reason: string) => call(client.POST('/api/training/credentials/{id}/revoke', { params: { path: { id } }, body: { reason } })),
  report: (agencyId: string, year: number, signal?: AbortSignal) =>
    call(client.GET('/api/training/reports/agencies/{id}', { params: { path: { id: agencyId }, query: { year } }, signal })),
  // Downloads are plain links (the browser saves or opens the file).
  jsonUrl: (id: string) => `/api/training/credentials/${encodeURIComponent(id)}/credential.json`,
  pdfUrl: (id: string) => `/api/training/credentials/${encodeURIComponent(id)}/certificate.pdf`,
  historyUrl: (personId: string, format: 'pdf' | 'xlsx') => `/api/training/records/people/${encodeURIComponent(personId)}/history.${format}`,
  reportUrl: (agencyId: string, year: number, format: 'pdf' | 'xlsx') =>
    `/api/training/reports/agencies/${encodeURIComponent(agencyId)}/report.${format}?year=${year}`,
};
