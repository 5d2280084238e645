import { call, client } from '../../api/client';
import type { ApiAnswer, ApiPath, ApiQuery } from '../../api/types';

/** Shapes of the people API, generated from the server's schemas (src/modules/people/people.schema.ts, import/staff-import.schema.ts). */

type ListQuery = ApiQuery<'/api/people/', 'get'>;
export type PersonSummary = ApiAnswer<'/api/people/', 'get'>['items'][number];
export type PersonStatus = PersonSummary['status'];
export type ImportJob = ApiAnswer<'/api/people/import/{jobId}', 'get'>;
export type ImportMapping = ImportJob['mapping'];
type FileFormat = NonNullable<ApiQuery<'/api/people/import/template', 'get'>['format']>;

/** The list's filters as the page keeps them: '' is "every status". */
export interface PeopleQuery {
  q?: string;
  status?: PersonStatus | '';
  sort: NonNullable<ListQuery['sort']>;
  limit: number;
  offset: number;
}

export const BUSY_PHASES: ImportJob['phase'][] = ['reading', 'validating', 'committing'];

/** The people module's query keys: invalidate `peopleKeys.lists` after the register changes. */
export const peopleKeys = {
  all: ['people'] as const,
  lists: ['people', 'list'] as const,
  list: (query: PeopleQuery) => ['people', 'list', query] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  importJob: (id: string | null) => ['people', 'import', id] as const,
};

// Downloads stay plain links (the browser saves the file); the paths are checked against the API's.
const TEMPLATE_PATH = '/api/people/import/template' satisfies ApiPath;
const REPORT_PATH = '/api/people/import/{jobId}/report' satisfies ApiPath;
const EXPORT_PATH = '/api/people/export/' satisfies ApiPath;

export const peopleApi = {
  list: ({ q, status, ...rest }: PeopleQuery, signal?: AbortSignal) =>
    call(client.GET('/api/people/', { params: { query: { ...rest, q: q || undefined, status: status || undefined } }, signal })),
  get: (id: string, signal?: AbortSignal) => call(client.GET('/api/people/{id}', { params: { path: { id } }, signal })),
  /** The raw file is the body: no multipart, so large files stream straight to the parser. */
  upload: (file: File) =>
    call(
      client.POST('/api/people/import/', {
        params: { query: { fileName: file.name } },
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file as never,
        bodySerializer: (body: unknown) => body as Blob,
      }),
    ),
  job: (jobId: string, signal?: AbortSignal) => call(client.GET('/api/people/import/{jobId}', { params: { path: { jobId } }, signal })),
  remap: (jobId: string, mapping: ImportMapping) => call(client.PUT('/api/people/import/{jobId}/mapping', { params: { path: { jobId } }, body: { mapping } })),
  commit: (jobId: string, startDate: string) => call(client.POST('/api/people/import/{jobId}/commit', { params: { path: { jobId } }, body: { startDate } })),
  /** The register in the page's language (a link sends the browser's Accept-Language, not the app's). */
  exportUrl: (language: 'vi' | 'en') => `${EXPORT_PATH}?language=${language}`,
  templateUrl: (format: FileFormat) => `${TEMPLATE_PATH}?format=${format}`,
  reportUrl: (jobId: string, format: FileFormat) => `${REPORT_PATH.replace('{jobId}', encodeURIComponent(jobId))}?format=${format}`,
};
