import { api, withQuery } from '../../api/client';

export type Level = 'country' | 'province' | 'agency';
export type ColumnMode = 'group' | 'competency';
export type Geography = 'current' | 'historical';
export type LocalName = { vi: string; en: string };

export interface NeedsCycle {
  id: string;
  name: string;
  nameEn: string | null;
  year: number | null;
  opensOn: string;
  closesOn: string;
  status: string;
  agencyName: string;
}

/** What one cell (or row, or the whole table) shows; shares are 0–1, gaps in levels. */
export interface Figures {
  people: number;
  needs: number;
  needShare: number;
  meanGap: number;
  meanWeightedNeed: number;
  meanAssessed: number;
  meanRequired: number;
}

export type Drill = { kind: 'province' | 'agency' | 'people'; id: string } | null;

export interface BreakdownColumn {
  key: string;
  code: string;
  name: LocalName;
}

export interface BreakdownRow {
  key: string;
  name: string;
  drill: Drill;
  total: Figures;
  cells: Record<string, Figures>;
}

export interface Breakdown {
  level: Level;
  title: { id: string | null; name: string };
  columns: BreakdownColumn[];
  rows: BreakdownRow[];
  total: Figures;
}

export interface BreakdownParams {
  cycleId: string;
  level?: Level;
  id?: string;
  columns: ColumnMode;
  geography: Geography;
}

export interface AgencyPerson {
  personId: string;
  fullName: string;
  staffCode: string;
  competencies: number;
  needs: number;
  sumWeightedNeed: number;
  sumGap: number;
}

export interface AgencyPeople {
  agency: { id: string; name: string };
  people: AgencyPerson[];
}

export interface PersonGap {
  competencyId: string;
  requiredLevel: number;
  assessedLevel: number;
  gap: number;
  weightedNeed: number;
  isNeed: boolean;
  competency: { code: string; name: LocalName; groupCode: string; groupName: LocalName } | null;
}

export interface PersonProfile {
  person: { id: string; fullName: string; staffCode: string; agencyName: string };
  cycle: { id: string; name: string; opensOn: string } | null;
  gaps: PersonGap[];
  meetsProfile: boolean | null;
}

export interface TrendPoint {
  cycle: { id: string; name: string; nameEn: string | null; opensOn: string };
  people: number;
  meetingProfile: number;
  meetingShare: number;
  needShare: number;
  meanGap: number;
}

export interface TargetGroup {
  key: string;
  size: number;
  signature: string[];
  sharedGaps: Array<{ competencyId: string; code: string; name: LocalName | null; share: number; meanGap: number }>;
  agencies: Array<{ agencyId: string; name: string; people: number }>;
  personIds: string[];
}

const breakdownQuery = (p: BreakdownParams) => ({ cycleId: p.cycleId, level: p.level, id: p.id, columns: p.columns, geography: p.geography });

export const needsApi = {
  cycles: (signal?: AbortSignal) => api.get<{ items: NeedsCycle[] }>('/api/needs/cycles', { signal }),
  breakdown: (params: BreakdownParams, signal?: AbortSignal) => api.get<Breakdown>(withQuery('/api/needs/breakdown', breakdownQuery(params)), { signal }),
  agencyPeople: (agencyId: string, cycleId: string, q: string, signal?: AbortSignal) =>
    api.get<AgencyPeople>(withQuery(`/api/needs/agencies/${encodeURIComponent(agencyId)}/people`, { cycleId, q }), { signal }),
  person: (personId: string, cycleId: string | undefined, signal?: AbortSignal) =>
    api.get<PersonProfile>(withQuery(`/api/needs/people/${encodeURIComponent(personId)}`, { cycleId }), { signal }),
  trend: (agencyId: string | undefined, signal?: AbortSignal) => api.get<{ items: TrendPoint[] }>(withQuery('/api/needs/trend', { agencyId }), { signal }),
  targetGroups: (cycleId: string, agencyId: string | undefined, signal?: AbortSignal) =>
    api.get<{ items: TargetGroup[] }>(withQuery('/api/needs/target-groups', { cycleId, agencyId }), { signal }),
};

/** Plain links (downloads, a PDF in a new tab): the session cookie goes with them. */
export const breakdownXlsxUrl = (params: BreakdownParams) => withQuery('/api/needs/breakdown.xlsx', breakdownQuery(params));
export const reportPdfUrl = (cycleId: string, agencyId: string | undefined) => withQuery('/api/needs/report.pdf', { cycleId, agencyId });
