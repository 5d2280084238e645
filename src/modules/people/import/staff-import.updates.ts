import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/schema.js';
import { openAssignment } from '../people.assignments.js';
import { POST_FIELDS, type FieldChange } from './staff-import.changes.js';
import type { StaffImportField } from './staff-import.columns.js';
import type { ValidStaffRow } from './staff-import.validate.js';

type Trx = Transaction<Database>;

const reasonFor = (fields: Set<StaffImportField>) =>
  fields.has('agencyCode') || fields.has('positionCode') ? 'transfer' : fields.has('status') ? 'status_change' : 'correction';

/**
 * Writes the rows of a re-imported register that change a person: only the
 * changed cells, a new assignment from the start date when a post changed (an
 * agency, post, rank, role or status keeps its history, as a transfer by hand
 * does), and one audit entry a person with the cells before and after. Runs
 * in the import's transaction: a failure leaves every person as they were.
 */
export async function updateStaffRows(trx: Trx, actor: Actor, importId: string, rows: ValidStaffRow[], startDate: string): Promise<void> {
  if (rows.length === 0) return;
  const agencyIds = [...new Set(rows.map((r) => r.agencyId))];
  const { rows: agencies } = await sql<{ id: string; path: string }>`SELECT id, path FROM agencies WHERE id = ANY(${agencyIds}::uuid[])`.execute(trx);
  const pathOf = new Map(agencies.map((a) => [a.id, a.path]));
  for (const row of rows) {
    const changes: FieldChange[] = row.changes ?? [];
    const fields = new Set(changes.map((c) => c.field));
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (fields.has('fullName')) Object.assign(set, { full_name: row.fullName, search_name: row.searchName, name_sort_key: row.sortKey });
    if (fields.has('dateOfBirth')) set.date_of_birth = row.dateOfBirth;
    if (fields.has('gender')) set.gender = row.gender;
    if (fields.has('email')) set.email = row.email;
    if (fields.has('phone')) set.phone = row.phone;
    const postChanged = POST_FIELDS.some((f) => fields.has(f));
    if (postChanged)
      Object.assign(set, { agency_id: row.agencyId, position_id: row.positionId, role_category: row.roleCategory, rank: row.rank, status: row.status });
    await trx.updateTable('people').set(set).where('id', '=', row.personId!).execute();
    if (postChanged)
      await openAssignment(trx, row.personId!, {
        agencyId: row.agencyId,
        positionId: row.positionId,
        roleCategory: row.roleCategory,
        rank: row.rank,
        status: row.status,
        effectiveDate: startDate,
        reason: reasonFor(fields),
      });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'person',
      entityId: row.personId!,
      agencyPath: pathOf.get(row.agencyId) ?? null,
      before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
      after: { ...Object.fromEntries(changes.map((c) => [c.field, c.after])), importId, row: row.row },
    });
  }
}
