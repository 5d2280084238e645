import type { ColumnType, Generated } from 'kysely';

export type AgencyKind = 'central' | 'ministry' | 'province' | 'commune' | 'department' | 'institution';

export interface AgenciesTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  parent_id: string | null;
  path: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface OrgTables {
  agencies: AgenciesTable;
}
