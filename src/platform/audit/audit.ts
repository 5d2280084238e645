import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';

export interface AuditEvent {
  action: 'create' | 'update' | 'delete' | (string & {});
  entity: string;
  entityId: string;
  /** Agency path of the changed object (null for national reference data). */
  agencyPath: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Record a change in the audit trail. Call it with the transaction that makes
 * the change, so the change and its record commit or roll back together.
 */
export async function recordAudit(
  trx: Transaction<Database> | Kysely<Database>,
  actor: Pick<Actor, 'userId' | 'displayName'> | null,
  event: AuditEvent,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: actor?.userId ?? null,
      actor_name: actor?.displayName ?? 'system',
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      agency_path: event.agencyPath,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    })
    .execute();
}
