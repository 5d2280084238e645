import { api, withQuery } from '../../api/client';

/** Shapes of the positions API (src/modules/positions on the server). */

export type RoleCategory = 'leader' | 'manager' | 'professional' | 'support';
export type AdminTier = 'central' | 'province' | 'commune' | 'district';
export const ROLE_CATEGORIES: RoleCategory[] = ['leader', 'manager', 'professional', 'support'];
export const ADMIN_TIERS: AdminTier[] = ['central', 'province', 'commune', 'district'];

export interface Position {
  id: string;
  agencyId: string;
  agencyName: string;
  code: string;
  titleVi: string;
  titleEn: string;
  roleCategory: RoleCategory;
  tier: AdminTier;
  requirementCount: number;
  canEdit?: boolean;
}

export interface ProfileCompetency {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  groupCode: string;
  groupNameVi: string;
  groupNameEn: string;
  frameworkCode: string;
  scope: 'national' | 'agency';
  versionId: string;
  levelCount: number;
}

export interface Cell {
  positionId: string;
  competencyId: string;
  requiredLevel: number;
  criticality: number;
}

export interface Matrix {
  positions: Position[];
  competencies: ProfileCompetency[];
  cells: Cell[];
}

export interface MatrixChange {
  positionId: string;
  competencyId: string;
  requiredLevel: number | null;
  criticality: number;
}

export interface PositionInput {
  agencyId?: string;
  code: string;
  title: { vi: string; en: string };
  roleCategory: RoleCategory;
  tier: AdminTier;
  fromTemplate: boolean;
}

export const positionsApi = {
  list: (search: string, signal?: AbortSignal) => api.get<{ items: Position[] }>(withQuery('/api/positions', { search }), { signal }),
  matrix: (search: string, signal?: AbortSignal) => api.get<Matrix>(withQuery('/api/positions/matrix', { search }), { signal }),
  saveMatrix: (changes: MatrixChange[]) => api.patch<{ changed: number }>('/api/positions/matrix', { changes }),
  create: (input: PositionInput) => api.post<{ id: string }>('/api/positions', input),
  update: (id: string, input: Omit<PositionInput, 'agencyId' | 'code' | 'fromTemplate'>) => api.put(`/api/positions/${id}`, input),
  remove: (id: string) => api.delete(`/api/positions/${id}`),
  applyTemplate: (id: string) => api.post(`/api/positions/${id}/apply-template`),
};
