import { api, withQuery } from '../../api/client';

/** Shapes of the org API (src/modules/org on the server). */

export type UnitTier = 'province' | 'district' | 'commune';

export interface AdminUnit {
  id: string;
  code: string;
  tier: UnitTier;
  era: string;
  kind: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  parentId: string | null;
  provinceId: string;
  validFrom: string | null;
  validTo: string | null;
  currentUnitId: string | null;
  currentProvinceId: string | null;
}

export interface LinkedUnit extends AdminUnit {
  eventKind: 'merge' | 'split' | 'rename' | 'continue' | 'abolish';
  effectiveDate: string;
  legalBasis: string;
}

export interface UnitDetail extends AdminUnit {
  ancestors: { id: string; tier: UnitTier; fullName: string }[];
  predecessors: LinkedUnit[];
  successors: LinkedUnit[];
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  parentId: string | null;
  path: string;
  adminUnitId: string | null;
  adminUnitName: string | null;
  validFrom: string | null;
  validTo: string | null;
  childCount: number;
}

export interface AgencyHistoryEntry {
  id: number;
  kind: 'created' | 'moved' | 'merged' | 'renamed' | 'unit_changed' | 'dissolved';
  effectiveDate: string;
  toParentName: string | null;
  mergedIntoName: string | null;
  fromUnitName: string | null;
  toUnitName: string | null;
  fromName: string | null;
  toName: string | null;
}

export interface UnitQuery {
  asOf: string;
  tier?: UnitTier;
  provinceId?: string;
  q?: string;
  limit: number;
  offset?: number;
}

/** Agencies that still exist, as choices for a select ("name (code)"). */
export const liveAgencyOptions = (agencies: Agency[]) => agencies.filter((a) => !a.validTo).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));

export const orgApi = {
  units: (query: UnitQuery, signal?: AbortSignal) => api.get<{ asOf: string; items: AdminUnit[]; total: number }>(withQuery('/api/org/admin-units', { ...query }), { signal }),
  unit: (id: string, signal?: AbortSignal) => api.get<UnitDetail>(`/api/org/admin-units/${encodeURIComponent(id)}`, { signal }),
  agencies: (q: string, signal?: AbortSignal) => api.get<{ items: Agency[] }>(withQuery('/api/org/agencies', { q, limit: 1000 }), { signal }),
  agency: (id: string, signal?: AbortSignal) => api.get<Agency & { history: AgencyHistoryEntry[] }>(`/api/org/agencies/${id}`, { signal }),
  rename: (id: string, body: { name: string; nameEn: string | null; effectiveDate: string }) => api.post<Agency>(`/api/org/agencies/${id}/rename`, body),
  move: (id: string, body: { parentId: string; effectiveDate: string }) => api.post<Agency>(`/api/org/agencies/${id}/move`, body),
  merge: (id: string, body: { intoId: string; effectiveDate: string }) => api.post<{ agency: Agency; peopleTransferred: number }>(`/api/org/agencies/${id}/merge`, body),
  dissolve: (id: string, body: { effectiveDate: string }) => api.post<Agency>(`/api/org/agencies/${id}/dissolve`, body),
};
