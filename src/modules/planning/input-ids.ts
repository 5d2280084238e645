import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { escapeLike } from '../../platform/text/like.js';
import type { PlanInputs } from './planning.schema.js';

/**
 * The ids a plan's inputs name must be things the plan can act on: people and units of the agency's subtree,
 * sessions and positions that exist. An unknown id used to be ignored, so a mistyped exclusion silently gave
 * the person a seat; now the save is refused with every unknown id at its field.
 */
export async function assertInputIdsKnown(db: Kysely<Database>, agencyPath: string, inputs: PlanInputs): Promise<void> {
  const prefix = `${escapeLike(agencyPath)}%`;
  const personIds = unique([...inputs.excludedPersonIds, ...inputs.mandatory.map((m) => m.personId)]);
  const sessionIds = unique([...inputs.sessionIds, ...inputs.mandatory.map((m) => m.sessionId)]);
  const agencyIds = unique(inputs.unitBudgets.map((u) => u.agencyId));
  const positionIds = unique(inputs.priorities.positions.map((p) => p.positionId));
  const [people, sessions, agencies, positions] = await Promise.all([
    known(db, sql`SELECT p.id FROM people p JOIN agencies a ON a.id = p.agency_id WHERE a.path LIKE ${prefix} AND p.id = ANY(${personIds}::uuid[])`, personIds),
    known(db, sql`SELECT id FROM training_sessions WHERE id = ANY(${sessionIds}::uuid[])`, sessionIds),
    known(db, sql`SELECT id FROM agencies WHERE path LIKE ${prefix} AND id = ANY(${agencyIds}::uuid[])`, agencyIds),
    known(db, sql`SELECT id FROM positions WHERE id = ANY(${positionIds}::uuid[])`, positionIds),
  ]);
  const details = [
    ...inputs.sessionIds.flatMap((id, i) => (sessions.has(id) ? [] : [unknownAt(`inputs.sessionIds.${i}`, id)])),
    ...inputs.excludedPersonIds.flatMap((id, i) => (people.has(id) ? [] : [unknownAt(`inputs.excludedPersonIds.${i}`, id)])),
    ...inputs.mandatory.flatMap((m, i) => [
      ...(people.has(m.personId) ? [] : [unknownAt(`inputs.mandatory.${i}.personId`, m.personId)]),
      ...(sessions.has(m.sessionId) ? [] : [unknownAt(`inputs.mandatory.${i}.sessionId`, m.sessionId)]),
    ]),
    ...inputs.unitBudgets.flatMap((u, i) => (agencies.has(u.agencyId) ? [] : [unknownAt(`inputs.unitBudgets.${i}.agencyId`, u.agencyId)])),
    ...inputs.priorities.positions.flatMap((p, i) =>
      positions.has(p.positionId) ? [] : [unknownAt(`inputs.priorities.positions.${i}.positionId`, p.positionId)],
    ),
  ];
  if (details.length > 0) throw new AppError('planning_unknown_ids', 422, details.slice(0, 50));
}

const unique = (ids: string[]) => [...new Set(ids)];
const unknownAt = (path: string, id: string) => ({ in: 'body', path, issue: 'unknown', id });

async function known(db: Kysely<Database>, query: RawBuilder<unknown>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await query.execute(db);
  return new Set((rows as Array<{ id: string }>).map((r) => r.id));
}
