import { api, withQuery } from '../../api/client';
import type { Role } from '../../auth/roles';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  lastLoginAt: string | null;
  agencyId: string;
  agencyName: string;
  personId: string | null;
  personName: string | null;
  staffCode: string | null;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  password: string;
}

export type AccountChange = Partial<{ displayName: string; role: Role; agencyId: string; active: boolean }>;

export const accountsApi = {
  list: (q: string, signal?: AbortSignal) => api.get<{ items: Account[]; total: number; assignableRoles: Role[] }>(withQuery('/api/accounts', { q, limit: 500 }), { signal }),
  create: (body: NewAccount) => api.post<Account>('/api/accounts', body),
  update: (id: string, body: AccountChange) => api.patch<Account>(`/api/accounts/${id}`, body),
  setPassword: (id: string, password: string) => api.post<void>(`/api/accounts/${id}/password`, { password }),
};
