import { sql } from 'kysely';
import { z } from 'zod';
import type { AppInstance } from '../http/types.js';
import type { Actor } from '../auth/actor.js';
import { scopeCondition } from '../auth/scope.js';
import { escapeLike } from '../text/like.js';
import { page, timestamp } from '../http/response-types.js';

const auditQuery = z.strictObject({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * An entry is in the caller's scope when its agency or one of its related
 * agencies (the other side of a transfer, move or merge) is in the subtree.
 */
function auditScope(actor: Actor) {
  if (actor.role === 'national_admin') return sql<boolean>`true`;
  const prefix = escapeLike(actor.agencyPath) + '%';
  return sql<boolean>`(${scopeCondition(actor, 'agency_path')}
    OR (related_agency_paths IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(related_agency_paths) AS r(path) WHERE r.path LIKE ${prefix})))`;
}

const auditEntry = z.object({
  id: z.number().int(),
  at: timestamp,
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export async function auditRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/',
    {
      config: { access: { roles: ['national_admin', 'hr_officer'] } },
      schema: { tags: ['audit'], summary: 'Audit trail of the caller’s agency subtree', querystring: auditQuery, response: { 200: page(auditEntry) } },
    },
    async (request) => {
      const actor = request.actor!;
      const { entity, entityId, limit, offset } = request.query;
      let query = app.db.selectFrom('audit_log').where(auditScope(actor));
      if (entity) query = query.where('entity', '=', entity);
      if (entityId) query = query.where('entity_id', '=', entityId);
      const [items, count] = await Promise.all([
        query
          .select(['id', 'at', 'actor_name as actorName', 'action', 'entity', 'entity_id as entityId', 'before', 'after'])
          .orderBy('id', 'desc')
          .limit(limit)
          .offset(offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.total) };
    },
  );
}
