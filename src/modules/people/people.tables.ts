import type { ColumnType, Generated } from 'kysely';
import type { z } from 'zod';
import type { assignmentReason, gender, personStatus, roleCategory } from './people.schema.js';

// Written once, as the API's enums (people.schema.ts).
export type Gender = z.infer<typeof gender>;
export type RoleCategory = z.infer<typeof roleCategory>;
export type PersonStatus = z.infer<typeof personStatus>;

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
  /** Added by 0003: Vietnamese collation key (given name first), compared with COLLATE "C". */
  name_sort_key: string | null;
}

export type AssignmentReason = z.infer<typeof assignmentReason>;

/** A person's posts over time: agency, position, rank, and the agency's unit on that date. */
export interface PersonAssignmentsTable {
  id: Generated<string>;
  person_id: string;
  agency_id: string;
  position_id: string | null;
  admin_unit_id: string | null;
  role_category: RoleCategory | null;
  rank: string | null;
  status: Generated<PersonStatus>;
  valid_from: string;
  valid_to: string | null;
  reason: AssignmentReason;
  created_at: ColumnType<Date, never, never>;
}

/** Added by 0010: a staff import wizard's job (upload → preview → commit → report). */
export interface StaffImportJobsTable {
  id: string;
  owner_user_id: string;
  agency_path: string;
  file_name: string;
  format: 'xlsx' | 'csv' | null;
  file: Buffer | null;
  file_size: number;
  phase: string;
  headers: ColumnType<string[], string | undefined, string>;
  mapping: ColumnType<Record<string, number>, string | undefined, string>;
  valid_rows: Generated<number>;
  preview: ColumnType<unknown[], string | undefined, string>;
  valid_data: Buffer | null;
  errors: ColumnType<unknown[], string | undefined, string>;
  imported: Generated<number>;
  failure: ColumnType<unknown, string | null | undefined, string | null>;
  runner: string | null;
  updated_at: Date;
  created_at: Date;
  expires_at: Date;
  finished_at: Date | null;
}

export interface PeopleTables {
  people: PeopleTable;
  person_assignments: PersonAssignmentsTable;
  staff_import_jobs: StaffImportJobsTable;
}

// The module adds its tables to the one Kysely schema itself (declaration
// merging), so the platform, which owns `Database`, names no module.
declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends PeopleTables {}
}
