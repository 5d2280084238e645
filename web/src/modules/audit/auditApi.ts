import { call, client } from '../../api/client';
import type { ApiAnswer } from '../../api/types';

/** The audit trail's shapes, generated from the server's schema (src/platform/audit/audit.routes.ts). */
export type AuditPage = ApiAnswer<'/api/audit/', 'get'>;
export type AuditEntry = AuditPage['items'][number];

export const AUDIT_PAGE_SIZE = 50;

/** The audit module's query keys. */
export const auditKeys = {
  all: ['audit'] as const,
  page: (page: number) => ['audit', 'list', page] as const,
};

export function fetchAuditPage(page: number, signal?: AbortSignal): Promise<AuditPage> {
  return call(client.GET('/api/audit/', { params: { query: { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE } }, signal }));
}
