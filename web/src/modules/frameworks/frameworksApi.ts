import { call, client, withQuery } from '../../api/client';
import type { ApiAnswer, ApiBody, ApiQuery } from '../../api/types';
import { currentLanguage } from '../../i18n';

/** Shapes of the framework API (src/modules/framework on the server), from the generated types. */

export type FrameworkSummary = ApiAnswer<'/api/frameworks/', 'get'>['items'][number];
export type VersionDetail = ApiAnswer<'/api/frameworks/versions/{versionId}', 'get'>;
export type VersionStatus = VersionDetail['version']['status'];
/** What a draft is saved as (the request body of PUT): the document the version page shows and edits. */
export type FrameworkDocument = ApiBody<'/api/frameworks/versions/{versionId}', 'put'>;
export type Competency = FrameworkDocument['competencies'][number];
export type GroupKind = FrameworkDocument['groups'][number]['kind'];
export type LocalizedText = FrameworkDocument['name'];
export type ImportOutcome = ApiAnswer<'/api/frameworks/import', 'post'>;
export type ImportPreview = ApiAnswer<'/api/frameworks/import/preview', 'post'>;
/** The answers to a preview's questions, sent with the import. */
export type ImportChoices = Pick<ApiBody<'/api/frameworks/import-url', 'post'>, 'structure' | 'groupName' | 'levels'>;
export type ImportIssue = ImportOutcome['warnings'][number];
export type FrameworkFormat = ApiQuery<'/api/frameworks/import', 'post'>['format'];
/** The formats in the order the menus offer them (xlsx first: what most HR officers edit). */
export const FORMATS = ['xlsx', 'moodle-csv', 'case', 'digcomp'] as const satisfies readonly FrameworkFormat[];

/** The framework module's query keys: invalidate `frameworksKeys.all` after any change. */
export const frameworksKeys = {
  all: ['frameworks'] as const,
  list: () => ['frameworks', 'list'] as const,
  version: (versionId: string) => ['frameworks', 'version', versionId] as const,
};

/** The text in the UI language, falling back to the other (imports may carry only English). */
export function pick(text: LocalizedText | undefined): string {
  if (!text) return '';
  const language = currentLanguage();
  return text[language] || text.vi || text.en;
}

const version = (versionId: string) => ({ params: { path: { versionId } } });
const framework = (frameworkId: string) => ({ params: { path: { frameworkId } } });

export const frameworksApi = {
  list: (signal?: AbortSignal) => call(client.GET('/api/frameworks/', { signal })),
  version: (versionId: string, signal?: AbortSignal) => call(client.GET('/api/frameworks/versions/{versionId}', { ...version(versionId), signal })),
  save: (versionId: string, doc: FrameworkDocument) => call(client.PUT('/api/frameworks/versions/{versionId}', { ...version(versionId), body: doc })),
  publish: (versionId: string) => call(client.POST('/api/frameworks/versions/{versionId}/publish', version(versionId))),
  retire: (versionId: string) => call(client.POST('/api/frameworks/versions/{versionId}/retire', version(versionId))),
  discard: (versionId: string) => call(client.DELETE('/api/frameworks/versions/{versionId}', version(versionId))),
  newDraft: (frameworkId: string) => call(client.POST('/api/frameworks/{frameworkId}/drafts', framework(frameworkId))),
  extend: (frameworkId: string, body: ApiBody<'/api/frameworks/{frameworkId}/extensions', 'post'>) =>
    call(client.POST('/api/frameworks/{frameworkId}/extensions', { ...framework(frameworkId), body })),
  preview: (format: FrameworkFormat, file: File) =>
    call(
      client.POST('/api/frameworks/import/preview', {
        params: { query: { format } },
        body: new Blob([file], { type: 'application/octet-stream' }) as never,
        bodySerializer: (blob: unknown) => blob as Blob,
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    ),
  import: (format: FrameworkFormat, file: File, publish: boolean, choices: ImportChoices = {}) =>
    call(
      client.POST('/api/frameworks/import', {
        params: { query: { format, publish: publish ? 'true' : 'false', ...choices } },
        // Raw bytes: the server reads application/octet-stream whatever the file type (the route declares no JSON body).
        body: new Blob([file], { type: 'application/octet-stream' }) as never,
        bodySerializer: (blob: unknown) => blob as Blob,
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    ),
  /** Another system's CASE service: the server fetches the package (public addresses only). */
  previewUrl: (url: string) => call(client.POST('/api/frameworks/import-url/preview', { body: { url } })),
  importUrl: (url: string, publish: boolean, choices: ImportChoices = {}) =>
    call(client.POST('/api/frameworks/import-url', { body: { url, publish, ...choices } })),
  /** A plain link (the browser downloads the file with the session cookie). */
  exportUrl: (versionId: string, format: FrameworkFormat) => withQuery(`/api/frameworks/versions/${encodeURIComponent(versionId)}/export`, { format }),
};

/** Issues of a refused import or save, when the server listed them. */
export function issuesOf(error: unknown): ImportIssue[] {
  const details = (error as { details?: { issues?: ImportIssue[] } } | null)?.details;
  return Array.isArray(details?.issues) ? details.issues : [];
}
