export interface NeedsSummaryTable {
  cycle_id: string;
  agency_id: string;
  agency_path: string;
  position_id: string | null;
  role_category: string;
  competency_id: string;
  people: number;
  needs: number;
  sum_gap: number;
  sum_weighted_need: number;
  sum_assessed: number;
  sum_required: number;
}

export type NeedsSummaryAgencyTable = Omit<NeedsSummaryTable, 'position_id' | 'role_category'> & {
  admin_unit_id: string | null;
  province_id: string | null;
  current_province_id: string | null;
};

export type NeedsSummaryProvinceTable = Omit<NeedsSummaryTable, 'agency_id' | 'agency_path' | 'position_id' | 'role_category'> & {
  geography: 'current' | 'historical';
  province_id: string;
};

export interface NeedsSummaryPeopleTable {
  cycle_id: string;
  agency_id: string;
  agency_path: string;
  people: number;
  meeting_profile: number;
}

export interface NeedsTables {
  needs_summary: NeedsSummaryTable;
  needs_summary_agency: NeedsSummaryAgencyTable;
  needs_summary_people: NeedsSummaryPeopleTable;
  needs_summary_province: NeedsSummaryProvinceTable;
}

// The module adds its tables to the one Kysely schema itself (declaration
// merging), so the platform, which owns `Database`, names no module.
declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends NeedsTables {}
}
