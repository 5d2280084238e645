import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** What stands in for erased personal data in the trail. */
export const ERASED_MARK = '[đã xoá]';

/** Keys whose values are personal wherever they appear in a before/after value. */
const PERSONAL_KEYS = new Set([
  'fullName',
  'full_name',
  'displayName',
  'display_name',
  'email',
  'phone',
  'dateOfBirth',
  'date_of_birth',
  'username',
  'address',
  'candidateName',
]);

export interface ScrubTarget {
  /** Rows made by these users (their name is the row's actor_name). */
  actorIds: readonly string[];
  /** Rows about these records (entity_id: ids, or the username of a sign-in). */
  entityIds: readonly string[];
  /** The personal values themselves (name, e-mail, phone, username): any string holding one is replaced. */
  values: readonly string[];
}

/** A before/after value with personal keys blanked and any string holding a personal value replaced. Pure. */
export function scrubValue(value: unknown, values: readonly string[]): unknown {
  const needles = values.filter((v) => v.trim().length >= 3).map((v) => v.toLowerCase());
  const walk = (v: unknown, key: string | null): unknown => {
    if (key !== null && PERSONAL_KEYS.has(key) && v !== null && v !== undefined) return ERASED_MARK;
    if (typeof v === 'string') return needles.some((n) => v.toLowerCase().includes(n)) ? ERASED_MARK : v;
    if (Array.isArray(v)) return v.map((item) => walk(item, null));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, k)]));
    return v;
  };
  return walk(value, null);
}

/**
 * Erase a person's data from the audit trail (Decree 13/2023/NĐ-CP): the trail keeps that something was
 * done, when and to which record, but no longer by or about whom. The trail is otherwise append-only
 * (its table type allows no update), so this is the one raw update of it. Returns the rows changed.
 */
export async function scrubAuditTrail(trx: Transaction<Database> | Kysely<Database>, target: ScrubTarget): Promise<number> {
  if (target.actorIds.length === 0 && target.entityIds.length === 0) return 0;
  const rows = await trx
    .selectFrom('audit_log')
    .select(['id', 'actor_id', 'actor_name', 'entity_id', 'before', 'after'])
    .where((eb) =>
      eb.or([
        ...(target.actorIds.length > 0 ? [eb('actor_id', 'in', [...target.actorIds])] : []),
        ...(target.entityIds.length > 0 ? [eb('entity_id', 'in', [...target.entityIds])] : []),
      ]),
    )
    .execute();
  const values = [...target.values];
  const lowered = values.map((v) => v.toLowerCase());
  let changed = 0;
  for (const row of rows) {
    const byThem = row.actor_id !== null && target.actorIds.includes(row.actor_id);
    const actorName = byThem ? ERASED_MARK : row.actor_name;
    const entityId = lowered.includes(row.entity_id.toLowerCase()) ? ERASED_MARK : row.entity_id;
    const before = row.before === null ? null : JSON.stringify(scrubValue(row.before, values));
    const after = row.after === null ? null : JSON.stringify(scrubValue(row.after, values));
    if (actorName === row.actor_name && entityId === row.entity_id && before === JSON.stringify(row.before) && after === JSON.stringify(row.after)) continue;
    await sql`
      UPDATE audit_log SET actor_name = ${actorName}, entity_id = ${entityId}, before = ${before}::jsonb, after = ${after}::jsonb
      WHERE id = ${row.id}`.execute(trx);
    changed++;
  }
  return changed;
}
