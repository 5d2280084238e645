import { call, client } from '../../api/client';
import type { ApiAnswer, ApiBody } from '../../api/types';

export type Account = ApiAnswer<'/api/accounts/', 'get'>['items'][number];
export type NewAccount = ApiBody<'/api/accounts/', 'post'>;
export type AccountChange = ApiBody<'/api/accounts/{id}', 'patch'>;
export type BulkAccounts = ApiBody<'/api/accounts/bulk', 'post'>;

/** The accounts module's query keys: invalidate `accountsKeys.all` after any change. */
export const accountsKeys = {
  all: ['accounts'] as const,
  list: (q: string) => ['accounts', 'list', q] as const,
};

export const accountsApi = {
  list: (q: string, signal?: AbortSignal) => call(client.GET('/api/accounts/', { params: { query: { q: q || undefined, limit: 500 } }, signal })),
  create: (body: NewAccount) => call(client.POST('/api/accounts/', { body })),
  update: (id: string, body: AccountChange) => call(client.PATCH('/api/accounts/{id}', { params: { path: { id } }, body })),
  bulk: (body: BulkAccounts) => call(client.POST('/api/accounts/bulk', { body })),
  setPassword: (id: string, password: string) => call(client.POST('/api/accounts/{id}/password', { params: { path: { id } }, body: { password } })),
};
