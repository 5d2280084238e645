/**
 * Which files an application may carry: PDF, PNG or JPEG judged by their bytes (never by the name or the
 * type the browser claims), at most 5 MB a file and 20 MB an application. Pure: document-rules.test.ts.
 */
import { detectBySignature, type FileKind } from '../../platform/files/detect-format.js';
import type { DocumentMediaType } from './recruitment.tables.js';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_APPLICATION_BYTES = 20 * 1024 * 1024;
export const MAX_DOCUMENTS = 10;

const ACCEPTED: Partial<Record<FileKind, DocumentMediaType>> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' };

/** The media type the bytes are (the platform's format detection), or null when they are none of the three accepted. */
export function documentMediaType(bytes: Buffer): DocumentMediaType | null {
  const kind = detectBySignature(bytes)?.kind;
  return (kind && ACCEPTED[kind]) ?? null;
}

export type DocumentProblem =
  | { index: number; problem: 'not_accepted_format' }
  | { index: number; problem: 'empty' }
  | { index: number; problem: 'too_large'; sizeBytes: number; maxBytes: number }
  | { index: -1; problem: 'application_too_large'; sizeBytes: number; maxBytes: number }
  | { index: -1; problem: 'too_many'; count: number; max: number };

/** Every problem of the files of one application (all at once, so the candidate fixes them in one go). */
export function documentProblems(files: readonly Buffer[]): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  if (files.length > MAX_DOCUMENTS) problems.push({ index: -1, problem: 'too_many', count: files.length, max: MAX_DOCUMENTS });
  let total = 0;
  files.forEach((bytes, index) => {
    total += bytes.length;
    if (bytes.length === 0) problems.push({ index, problem: 'empty' });
    else if (bytes.length > MAX_DOCUMENT_BYTES) problems.push({ index, problem: 'too_large', sizeBytes: bytes.length, maxBytes: MAX_DOCUMENT_BYTES });
    else if (!documentMediaType(bytes)) problems.push({ index, problem: 'not_accepted_format' });
  });
  if (total > MAX_APPLICATION_BYTES) problems.push({ index: -1, problem: 'application_too_large', sizeBytes: total, maxBytes: MAX_APPLICATION_BYTES });
  return problems;
}
