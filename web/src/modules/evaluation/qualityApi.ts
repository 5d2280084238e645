import { call, client, fileBody } from '../../api/client';
import type { ApiAnswer, ApiBody } from '../../api/types';

export type AgencyQuality = ApiAnswer<'/api/evaluation/quality/agencies/{agencyId}/{year}', 'get'>;
export type QualityRecord = AgencyQuality['items'][number];
export type QualityInput = ApiBody<'/api/evaluation/quality/people/{personId}/{year}', 'put'>;

/** The quality classification's query keys: invalidate `qualityKeys.all` after any change. */
export const qualityKeys = {
  all: ['evaluation', 'quality'] as const,
  agency: (agencyId: string, year: number) => ['evaluation', 'quality', 'agency', agencyId, year] as const,
};

export const qualityApi = {
  agency: (agencyId: string, year: number, signal?: AbortSignal) =>
    call(client.GET('/api/evaluation/quality/agencies/{agencyId}/{year}', { params: { path: { agencyId, year } }, signal })),
  record: (personId: string, year: number, body: QualityInput) =>
    call(client.PUT('/api/evaluation/quality/people/{personId}/{year}', { params: { path: { personId, year } }, body })),
  finalize: (agencyId: string, year: number) =>
    call(client.POST('/api/evaluation/quality/agencies/{agencyId}/{year}/finalize', { params: { path: { agencyId, year } }, body: {} })),
  import: (file: File) => call(client.POST('/api/evaluation/quality/import', fileBody(file))),
};
