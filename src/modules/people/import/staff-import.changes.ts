import type { StaffImportField } from './staff-import.columns.js';
import type { ValidStaffRow } from './staff-import.validate.js';
import type { Gender, PersonStatus, RoleCategory } from '../people.tables.js';

/** A person already in the register, as a re-imported row is compared with it. */
export interface ExistingPerson {
  id: string;
  agencyId: string;
  agencyCode: string;
  positionId: string | null;
  positionCode: string | null;
  fullName: string;
  dateOfBirth: string | null;
  gender: Gender | null;
  roleCategory: RoleCategory | null;
  rank: string | null;
  email: string | null;
  phone: string | null;
  status: PersonStatus;
}

/** One cell that differs from the register: codes for agencies and posts, the API's values for the rest. */
export interface FieldChange {
  field: StaffImportField;
  before: string | null;
  after: string | null;
}

type Compared = { field: StaffImportField; person: (p: ExistingPerson) => string | null; row: (r: ValidStaffRow) => string | null };

// Agencies and posts are compared by id (a code typed in lower case is the same agency), shown by code.
const COMPARED: Compared[] = [
  { field: 'fullName', person: (p) => p.fullName, row: (r) => r.fullName },
  { field: 'dateOfBirth', person: (p) => p.dateOfBirth, row: (r) => r.dateOfBirth },
  { field: 'gender', person: (p) => p.gender, row: (r) => r.gender },
  { field: 'agencyCode', person: (p) => p.agencyId, row: (r) => r.agencyId },
  { field: 'positionCode', person: (p) => p.positionId, row: (r) => r.positionId },
  { field: 'roleCategory', person: (p) => p.roleCategory, row: (r) => r.roleCategory },
  { field: 'rank', person: (p) => p.rank, row: (r) => r.rank },
  { field: 'email', person: (p) => p.email, row: (r) => r.email },
  { field: 'phone', person: (p) => p.phone, row: (r) => r.phone },
  { field: 'status', person: (p) => p.status, row: (r) => r.status },
];

const shown = (field: StaffImportField, value: string | null, codes: { agency: string | null; position: string | null }) =>
  field === 'agencyCode' ? codes.agency : field === 'positionCode' ? codes.position : value;

/** What a re-imported row changes in a person's record; empty when the row repeats the register. */
export function staffChanges(person: ExistingPerson, row: ValidStaffRow): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const c of COMPARED) {
    const before = c.person(person) ?? null;
    const after = c.row(row) ?? null;
    if (before === after) continue;
    changes.push({
      field: c.field,
      before: shown(c.field, before, { agency: person.agencyCode, position: person.positionCode }),
      after: shown(c.field, after, { agency: row.agencyCode ?? null, position: row.positionCode ?? null }),
    });
  }
  return changes;
}

/** Fields kept on the person row itself; the others are a post and open a new assignment (they keep history). */
export const POST_FIELDS: readonly StaffImportField[] = ['agencyCode', 'positionCode', 'roleCategory', 'rank', 'status'];

/**
 * For a person already in the register, a column the file does not have (or
 * leaves unmapped) keeps the register's value, and so does an empty status:
 * re-importing a file of names and e-mails must not move anyone or make a
 * retired officer active again.
 */
export function keepUnmapped(row: ValidStaffRow, person: ExistingPerson, mapped: (field: StaffImportField) => boolean): ValidStaffRow {
  const kept = { ...row, personId: person.id };
  if (!mapped('fullName')) kept.fullName = person.fullName;
  if (!mapped('dateOfBirth')) kept.dateOfBirth = person.dateOfBirth;
  if (!mapped('gender')) kept.gender = person.gender;
  if (!mapped('positionCode')) {
    kept.positionId = person.positionId;
    kept.positionCode = person.positionCode;
  }
  if (!mapped('roleCategory')) kept.roleCategory = person.roleCategory;
  if (!mapped('rank')) kept.rank = person.rank;
  if (!mapped('email')) kept.email = person.email;
  if (!mapped('phone')) kept.phone = person.phone;
  return kept;
}
