import { sql, type RawBuilder } from 'kysely';
import type { Actor } from './actor.js';
import { escapeLike } from '../text/like.js';

/**
 * Agency scope: a national administrator sees the whole country; everyone else
 * sees their own agency and the agencies below it.
 */
export function isInScope(actor: Actor, agencyPath: string): boolean {
  return actor.role === 'national_admin' || agencyPath.startsWith(actor.agencyPath);
}

/**
 * The same rule as a SQL condition over an agency path column, for list queries.
 * `LIKE prefix%` uses the path's text_pattern_ops index.
 */
export function scopeCondition(actor: Actor, pathColumn: string): RawBuilder<boolean> {
  if (actor.role === 'national_admin') return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(pathColumn)} LIKE ${escapeLike(actor.agencyPath) + '%'}`;
}
