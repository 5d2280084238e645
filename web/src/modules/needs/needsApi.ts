import { call, client, withQuery } from '../../api/client';
import type { ApiAnswer, ApiQuery } from '../../api/types';

// Every shape below is the server's (schema.gen.ts, from needs.schema.ts): none is copied by hand.
export type NeedsCycle = ApiAnswer<'/api/needs/cycles', 'get'>['items'][number];
export type Breakdown = ApiAnswer<'/api/needs/breakdown', 'get'>;
export type BreakdownRow = Breakdown['rows'][number];
/** What one cell (or row, or the whole table) shows; shares are 0–1, gaps in levels. */
export type Figures = Breakdown['total'];
export type Drill = BreakdownRow['drill'];
export type PersonProfile = ApiAnswer<'/api/needs/people/{id}', 'get'>;
export type PersonGap = PersonProfile['gaps'][number];
export type TrendPoint = ApiAnswer<'/api/needs/trend', 'get'>['items'][number];
export type TargetGroup = ApiAnswer<'/api/needs/target-groups', 'get'>['items'][number];

type BreakdownQuery = ApiQuery<'/api/needs/breakdown', 'get'>;
/** The dashboard's table levels (the breakdown's `level` filter). */
export type Level = NonNullable<BreakdownQuery['level']>;
export type ColumnMode = NonNullable<BreakdownQuery['columns']>;
export type Geography = NonNullable<BreakdownQuery['geography']>;
/** The dashboard always says which columns and geography it shows (its address bar keeps them). */
export type BreakdownParams = BreakdownQuery & { columns: ColumnMode; geography: Geography };

/** The needs module's query keys: `needsKeys.all` covers every needs answer. */
export const needsKeys = {
  all: ['needs'] as const,
  cycles: () => ['needs', 'cycles'] as const,
  breakdown: (params: BreakdownParams | null) => ['needs', 'breakdown', params] as const,
  trend: (agencyId: string | undefined) => ['needs', 'trend', agencyId ?? null] as const,
  agencyPeople: (agencyId: string, cycleId: string | null, q: string) => ['needs', 'agency-people', agencyId, cycleId, q] as const,
  person: (personId: string, cycleId: string | undefined) => ['needs', 'person', personId, cycleId ?? null] as const,
  targetGroups: (cycleId: string, agencyId: string | undefined) => ['needs', 'target-groups', cycleId, agencyId ?? null] as const,
};

const breakdownQuery = (p: BreakdownParams): BreakdownQuery => ({ cycleId: p.cycleId, level: p.level, id: p.id, columns: p.columns, geography: p.geography });

export const needsApi = {
  cycles: (signal?: AbortSignal) => call(client.GET('/api/needs/cycles', { signal })),
  breakdown: (params: BreakdownParams, signal?: AbortSignal) => call(client.GET('/api/needs/breakdown', { params: { query: breakdownQuery(params) }, signal })),
  agencyPeople: (agencyId: string, cycleId: string, q: string, signal?: AbortSignal) =>
    call(client.GET('/api/needs/agencies/{id}/people', { params: { path: { id: agencyId }, query: { cycleId, q: q || undefined } }, signal })),
  person: (personId: string, cycleId: string | undefined, signal?: AbortSignal) =>
    call(client.GET('/api/needs/people/{id}', { params: { path: { id: personId }, query: { cycleId } }, signal })),
  trend: (agencyId: string | undefined, signal?: AbortSignal) => call(client.GET('/api/needs/trend', { params: { query: { agencyId } }, signal })),
  targetGroups: (cycleId: string, agencyId: string | undefined, signal?: AbortSignal) =>
    call(client.GET('/api/needs/target-groups', { params: { query: { cycleId, agencyId } }, signal })),
};

/**
 * Plain links (downloads, a PDF in a new tab): the session cookie goes with
 * them. Their queries are typed against the API like the calls above.
 */
export const breakdownXlsxUrl = (params: BreakdownParams) => {
  const query: ApiQuery<'/api/needs/breakdown.xlsx', 'get'> = breakdownQuery(params);
  return withQuery('/api/needs/breakdown.xlsx', query);
};
export const targetGroupsXlsxUrl = (cycleId: string, agencyId: string | undefined) => {
  const query: ApiQuery<'/api/needs/target-groups.xlsx', 'get'> = { cycleId, agencyId };
  return withQuery('/api/needs/target-groups.xlsx', query);
};
export const reportPdfUrl = (cycleId: string, agencyId: string | undefined) => {
  const query: ApiQuery<'/api/needs/report.pdf', 'get'> = { cycleId, agencyId };
  return withQuery('/api/needs/report.pdf', query);
};
