import type { ColumnType, Generated } from 'kysely';
import type { AdminUnitTables } from './admin-units.tables.js';
import type { AgencyHistoryKind, AgencyKind } from './org.schema.js';

export interface AgenciesTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string | null;
  kind: AgencyKind;
  parent_id: string | null;
  path: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
  // Added by 0003: the unit an agency serves, its validity and the agency it merged into.
  admin_unit_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: string | null;
}

export interface AgencyHistoryTable {
  id: Generated<number>;
  agency_id: string;
  kind: AgencyHistoryKind;
  effective_date: string;
  from_parent_id: string | null;
  to_parent_id: string | null;
  from_name: string | null;
  to_name: string | null;
  from_admin_unit_id: string | null;
  to_admin_unit_id: string | null;
  merged_into_id: string | null;
  recorded_at: ColumnType<Date, never, never>;
  recorded_by: string | null;
}

export interface OrgTables extends AdminUnitTables {
  agencies: AgenciesTable;
  agency_history: AgencyHistoryTable;
}

// The module adds its tables to the one Kysely schema itself (declaration
// merging), so the platform, which owns `Database`, names no module.
declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends OrgTables {}
}
