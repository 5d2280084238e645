import { call, client } from '../../../api/client';
import type { ApiAnswer, ApiBody, ApiQuery } from '../../../api/types';

export type PersonPlan = ApiAnswer<'/api/training/plans/people/{personId}', 'get'>;
export type PlanCourse = PersonPlan['recommendations'][number];
export type PlanDecision = ApiBody<'/api/training/plans/{id}/decision', 'post'>;
export type PlanListQuery = ApiQuery<'/api/training/plans', 'get'>;

/** The development plans' query keys: invalidate `plansKeys.all` after any change. */
export const plansKeys = {
  all: ['training', 'plans'] as const,
  person: (personId: string) => ['training', 'plans', 'person', personId] as const,
  list: (query: PlanListQuery) => ['training', 'plans', 'list', query] as const,
};

export const plansApi = {
  person: (personId: string, signal?: AbortSignal) => call(client.GET('/api/training/plans/people/{personId}', { params: { path: { personId } }, signal })),
  choose: (personId: string, items: ApiBody<'/api/training/plans/people/{personId}', 'put'>['items']) =>
    call(client.PUT('/api/training/plans/people/{personId}', { params: { path: { personId } }, body: { items } })),
  submit: (id: string) => call(client.POST('/api/training/plans/{id}/submit', { params: { path: { id } }, body: {} })),
  decide: (id: string, body: PlanDecision) => call(client.POST('/api/training/plans/{id}/decision', { params: { path: { id } }, body })),
  list: (query: PlanListQuery, signal?: AbortSignal) => call(client.GET('/api/training/plans', { params: { query }, signal })),
};
