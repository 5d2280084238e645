import type { ColumnType, Generated } from 'kysely';

export type Gender = 'male' | 'female' | 'other';
export type RoleCategory = 'leader' | 'manager' | 'professional' | 'support';
export type PersonStatus = 'active' | 'on_leave' | 'transferred' | 'retired';

export interface PeopleTable {
  id: Generated<string>;
  staff_code: string;
  full_name: string;
  search_name: string;
  date_of_birth: string | null;
  gender: Gender | null;
  agency_id: string;
  position_id: string | null;
  role_category: RoleCategory | null;
  rank: string | null;
  email: string | null;
  phone: string | null;
  status: Generated<PersonStatus>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface PeopleTables {
  people: PeopleTable;
}
