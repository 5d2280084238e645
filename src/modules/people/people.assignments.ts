import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { AssignmentReason, PersonStatus, RoleCategory } from './people.tables.js';

type Trx = Transaction<Database>;

export interface AssignmentChange {
  agencyId: string;
  positionId: string | null;
  roleCategory: RoleCategory | null;
  rank: string | null;
  status: PersonStatus;
  effectiveDate: string;
  reason: AssignmentReason;
}

/**
 * Closes a person's open assignment on the effective date and opens the new one.
 * The new row snapshots the agency's administrative unit, so the record keeps
 * naming the unit of that time after the unit is merged away.
 */
export async function openAssignment(trx: Trx, personId: string, change: AssignmentChange): Promise<void> {
  await trx.updateTable('person_assignments').set({ valid_to: change.effectiveDate }).where('person_id', '=', personId).where('valid_to', 'is', null).execute();
  await sql`
    INSERT INTO person_assignments (person_id, agency_id, position_id, admin_unit_id, role_category, rank, status, valid_from, reason)
    SELECT ${personId}::uuid, a.id, ${change.positionId}::uuid, a.admin_unit_id, ${change.roleCategory}, ${change.rank}, ${change.status},
           ${change.effectiveDate}::date, ${change.reason}
    FROM agencies a WHERE a.id = ${change.agencyId}::uuid`.execute(trx);
}

/** Moves every current member of an agency to another (agency merger), keeping their history. */
export async function transferPeopleOfAgency(
  trx: Kysely<Database>,
  fromAgencyId: string,
  toAgencyId: string,
  toAdminUnitId: string | null,
  effectiveDate: string,
): Promise<number> {
  const people = await trx.selectFrom('people').select('id').where('agency_id', '=', fromAgencyId).execute();
  if (people.length === 0) return 0;
  const ids = people.map((p) => p.id);
  await sql`UPDATE person_assignments SET valid_to = ${effectiveDate}::date WHERE valid_to IS NULL AND person_id = ANY(${ids}::uuid[])`.execute(trx);
  await sql`
    INSERT INTO person_assignments (person_id, agency_id, position_id, admin_unit_id, role_category, rank, status, valid_from, reason)
    SELECT p.id, ${toAgencyId}::uuid, p.position_id, ${toAdminUnitId}, p.role_category, p.rank, p.status, ${effectiveDate}::date, 'reorganisation'
    FROM people p WHERE p.id = ANY(${ids}::uuid[])`.execute(trx);
  await trx.updateTable('people').set({ agency_id: toAgencyId, updated_at: new Date() }).where('id', 'in', ids).execute();
  return ids.length;
}
