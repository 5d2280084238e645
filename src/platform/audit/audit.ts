import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';

export interface AuditEvent {
  action: 'create' | 'update' | 'delete' | (string & {});
  entity: string;
  entityId: string;
  /** Agency path of the changed object (null for national reference data). */
  agencyPath: string | null;
  /**
   * The other agencies a change concerns — the old agency of a transfer or a
   * move, the agencies an import wrote into — so their HR reads it too.
   */
  relatedAgencyPaths?: readonly (string | null | undefined)[];
  before?: unknown;
  after?: unknown;
}

/** The related paths worth storing: distinct, not the main path, null when none. */
export function relatedPaths(event: Pick<AuditEvent, 'agencyPath' | 'relatedAgencyPaths'>): string[] | null {
  const paths = [...new Set(event.relatedAgencyPaths ?? [])].filter((p): p is string => !!p && p !== event.agencyPath);
  return paths.length > 0 ? paths.sort() : null;
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
  await recordAudits(trx, actor, [event]);
}

/** Rows a statement carries at most: 9 parameters a row, well under the 65,535 a statement may bind. */
const AUDIT_ROWS_A_STATEMENT = 1000;

/**
 * Several changes by one actor (each seat of a closed session), one audit row
 * each, written in one statement (or a few, for thousands): a row a statement
 * was most of a large session's close.
 */
export async function recordAudits(
  trx: Transaction<Database> | Kysely<Database>,
  actor: Pick<Actor, 'userId' | 'displayName'> | null,
  events: readonly AuditEvent[],
): Promise<void> {
  const rows = events.map((event) => ({
    // The system actor of scheduled work (evaluation's follow-ups) has no user: ''.
    actor_id: actor?.userId || null,
    actor_name: actor?.displayName ?? 'system',
    action: event.action,
    entity: event.entity,
    entity_id: event.entityId,
    agency_path: event.agencyPath,
    related_agency_paths: relatedPaths(event),
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
  }));
  for (let i = 0; i < rows.length; i += AUDIT_ROWS_A_STATEMENT)
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + AUDIT_ROWS_A_STATEMENT))
      .execute();
}
