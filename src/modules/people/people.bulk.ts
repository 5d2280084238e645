import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { AssignmentReason, Gender, PersonStatus, RoleCategory } from './people.tables.js';

export interface StaffRow {
  staffCode: string;
  fullName: string;
  searchName: string;
  sortKey: string;
  dateOfBirth: string | null;
  gender: Gender | null;
  agencyId: string;
  positionId: string | null;
  roleCategory: RoleCategory | null;
  rank: string | null;
  email: string | null;
  phone: string | null;
  status: PersonStatus;
}

export const BULK_CHUNK = 5000;

/**
 * Inserts people and their first assignment, 5,000 rows a statement (column
 * arrays through unnest: 13 parameters instead of 65,000). The assignment
 * snapshots the agency's administrative unit. Run inside the caller's transaction.
 */
export async function insertStaffBatch(
  trx: Transaction<Database>,
  rows: StaffRow[],
  startDate: string,
  reason: AssignmentReason,
  onChunk?: (done: number) => void,
) {
  for (let start = 0; start < rows.length; start += BULK_CHUNK) {
    const chunk = rows.slice(start, start + BULK_CHUNK);
    const col = <T>(f: (r: StaffRow) => T) => chunk.map(f);
    await sql`
      WITH inserted AS (
        INSERT INTO people (staff_code, full_name, search_name, name_sort_key, date_of_birth, gender, agency_id, position_id,
                            role_category, rank, email, phone, status)
        SELECT * FROM unnest(${col((r) => r.staffCode)}::text[], ${col((r) => r.fullName)}::text[], ${col((r) => r.searchName)}::text[],
                             ${col((r) => r.sortKey)}::text[], ${col((r) => r.dateOfBirth)}::date[], ${col((r) => r.gender)}::text[],
                             ${col((r) => r.agencyId)}::uuid[], ${col((r) => r.positionId)}::uuid[], ${col((r) => r.roleCategory)}::text[],
                             ${col((r) => r.rank)}::text[], ${col((r) => r.email)}::text[], ${col((r) => r.phone)}::text[], ${col((r) => r.status)}::text[])
        RETURNING id, agency_id, position_id, role_category, rank, status
      )
      INSERT INTO person_assignments (person_id, agency_id, position_id, admin_unit_id, role_category, rank, status, valid_from, reason)
      SELECT i.id, i.agency_id, i.position_id, a.admin_unit_id, i.role_category, i.rank, i.status, ${startDate}::date, ${reason}
      FROM inserted i JOIN agencies a ON a.id = i.agency_id`.execute(trx);
    onChunk?.(Math.min(rows.length, start + BULK_CHUNK));
  }
}
