import { api, withQuery } from '../../api/client';
import { currentLanguage } from '../../i18n';

/** Shapes of the framework API (src/modules/framework on the server). */

export interface LocalizedText {
  vi: string;
  en: string;
}

export type GroupKind = 'core' | 'functional' | 'technical';
export type VersionStatus = 'draft' | 'published' | 'retired';
export const FORMATS = ['xlsx', 'moodle-csv', 'case', 'digcomp'] as const;
export type FrameworkFormat = (typeof FORMATS)[number];

export interface FrameworkDocument {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  attribution: string;
  levels: Array<{ level: number; name: LocalizedText; description: LocalizedText }>;
  groups: Array<{ code: string; kind: GroupKind; name: LocalizedText; description: LocalizedText }>;
  competencies: Competency[];
}

export interface Competency {
  code: string;
  groupCode: string;
  parentCode: string | null;
  name: LocalizedText;
  description: LocalizedText;
  indicators: Array<{ level: number; text: LocalizedText }>;
}

export interface FrameworkSummary {
  id: string;
  code: string;
  scope: 'national' | 'agency';
  agencyName: string;
  baseFrameworkId: string | null;
  canEdit: boolean;
  versions: Array<{ id: string; versionNo: number; status: VersionStatus; name: LocalizedText; levelCount: number; publishedAt: string | null; updatedAt: string }>;
}

export interface VersionDetail {
  version: { id: string; frameworkId: string; code: string; scope: 'national' | 'agency'; agencyName: string; versionNo: number; status: VersionStatus; canEdit: boolean; publishedAt: string | null; baseFrameworkId: string | null };
  base: { id: string; code: string; versionNo: number; name: LocalizedText } | null;
  document: FrameworkDocument;
}

export interface ImportIssue {
  location: string;
  message: LocalizedText;
}

export interface ImportOutcome {
  frameworkId: string;
  versionId: string;
  versionNo: number;
  created: boolean;
  warnings: ImportIssue[];
}

/** The text in the UI language, falling back to the other (imports may carry only English). */
export function pick(text: LocalizedText | undefined): string {
  if (!text) return '';
  const language = currentLanguage();
  return text[language] || text.vi || text.en;
}

export const frameworksApi = {
  list: (signal?: AbortSignal) => api.get<{ items: FrameworkSummary[] }>('/api/frameworks', { signal }),
  version: (id: string, signal?: AbortSignal) => api.get<VersionDetail>(`/api/frameworks/versions/${id}`, { signal }),
  save: (id: string, doc: FrameworkDocument) => api.put<{ ok: true }>(`/api/frameworks/versions/${id}`, doc),
  publish: (id: string) => api.post<{ ok: true }>(`/api/frameworks/versions/${id}/publish`),
  retire: (id: string) => api.post<{ ok: true }>(`/api/frameworks/versions/${id}/retire`),
  discard: (id: string) => api.delete(`/api/frameworks/versions/${id}`),
  newDraft: (frameworkId: string) => api.post<{ versionId: string; versionNo: number }>(`/api/frameworks/${frameworkId}/drafts`),
  extend: (frameworkId: string, body: { code: string; name: LocalizedText }) =>
    api.post<{ frameworkId: string; versionId: string }>(`/api/frameworks/${frameworkId}/extensions`, body),
  import: (format: FrameworkFormat, file: File, publish: boolean) =>
    // Raw bytes: the server reads application/octet-stream whatever the file type.
    api.post<ImportOutcome>(withQuery('/api/frameworks/import', { format, publish }), new Blob([file], { type: 'application/octet-stream' })),
  exportUrl: (versionId: string, format: FrameworkFormat) => withQuery(`/api/frameworks/versions/${versionId}/export`, { format }),
};

/** Issues of a refused import or save, when the server listed them. */
export function issuesOf(error: unknown): ImportIssue[] {
  const details = (error as { details?: { issues?: ImportIssue[] } } | null)?.details;
  return Array.isArray(details?.issues) ? details.issues : [];
}
