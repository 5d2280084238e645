import { api, withQuery } from '../../api/client';

export interface AuditEntry {
  id: string | number;
  at: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
}

export const AUDIT_PAGE_SIZE = 50;

export function fetchAuditPage(page: number, signal?: AbortSignal): Promise<AuditPage> {
  const url = withQuery('/api/audit', { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  return api.get<AuditPage>(url, { signal });
}
