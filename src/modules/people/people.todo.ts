import { sql } from 'kysely';
import type { TodoSource } from '../../platform/overview/todo.js';
import { escapeLike } from '../../platform/text/like.js';

/** How far back a failed import still asks for attention: after that the job has expired anyway. */
const FAILED_IMPORT_DAYS = 14;

/** HR's failed staff imports (their own and those of their subtree), until retried or two weeks old. */
export const peopleTodo: TodoSource = async (db, actor) => {
  if (actor.role !== 'hr_officer' && actor.role !== 'national_admin') return [];
  const scope = actor.role === 'national_admin' ? sql`true` : sql`j.agency_path LIKE ${escapeLike(actor.agencyPath) + '%'}`;
  const { rows } = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM staff_import_jobs j
    WHERE j.phase = 'failed' AND ${scope} AND j.created_at > now() - make_interval(days => ${FAILED_IMPORT_DAYS})
      -- A later import by the same owner that went through means the failure was dealt with.
      AND NOT EXISTS (SELECT 1 FROM staff_import_jobs k WHERE k.owner_user_id = j.owner_user_id AND k.phase = 'committed' AND k.created_at > j.created_at)`.execute(
    db,
  );
  return [{ key: 'people.importsFailed', count: rows[0]!.count, link: '/people/import', dueOn: null }];
};
