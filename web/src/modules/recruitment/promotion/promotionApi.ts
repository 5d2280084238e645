import { call, client } from '../../../api/client';
import type { ApiAnswer, ApiBody } from '../../../api/types';

export type Round = ApiAnswer<'/api/recruitment/promotions/rounds/{id}', 'get'>;
export type Standings = ApiAnswer<'/api/recruitment/promotions/rounds/{id}/standings', 'get'>;
export type StandingRow = Standings['eligible'][number];
export type RuleCheck = StandingRow['checks'][number];
export type RulesInput = NonNullable<ApiBody<'/api/recruitment/promotions/rounds/{id}', 'patch'>['rules']>;
export type NewRound = ApiBody<'/api/recruitment/promotions/rounds', 'post'>;

/** The promotion rounds' query keys: invalidate `promotionKeys.all` after any change. */
export const promotionKeys = {
  all: ['promotion'] as const,
  rounds: ['promotion', 'rounds'] as const,
  positions: ['promotion', 'positions'] as const,
  standings: (id: string) => ['promotion', 'standings', id] as const,
};

export const promotionApi = {
  positions: (signal?: AbortSignal) => call(client.GET('/api/recruitment/promotions/positions', { signal })),
  rounds: (signal?: AbortSignal) => call(client.GET('/api/recruitment/promotions/rounds', { signal })),
  create: (body: NewRound) => call(client.POST('/api/recruitment/promotions/rounds', { body })),
  update: (id: string, body: { title?: string; rules?: RulesInput }) =>
    call(client.PATCH('/api/recruitment/promotions/rounds/{id}', { params: { path: { id } }, body })),
  standings: (id: string, signal?: AbortSignal) =>
    call(client.GET('/api/recruitment/promotions/rounds/{id}/standings', { params: { path: { id }, query: { limit: 200 } }, signal })),
  shortlist: (id: string) =>
    call(client.POST('/api/recruitment/promotions/rounds/{id}/shortlist', { params: { path: { id }, query: { limit: 200 } }, body: {} })),
  decide: (id: string, body: { personIds: string[]; reasons: string }) =>
    call(client.POST('/api/recruitment/promotions/rounds/{id}/decision', { params: { path: { id }, query: { limit: 200 } }, body })),
  pdfUrl: (id: string) => `/api/recruitment/promotions/rounds/${id}/decision.pdf`,
  xlsxUrl: (id: string) => `/api/recruitment/promotions/rounds/${id}/shortlist.xlsx`,
};
