import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/engine.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import { today } from '../../platform/clock.js';
import { followupSettings } from './followups.service.js';
import type { FollowupStatus } from './followups.tables.js';

/** HR's view of the follow-up schedule: its agency's own months, or the inherited ones (an ancestor's, else 3 and 6). */
export async function readFollowupSettings(db: Kysely<Database>, actor: Actor) {
  const own = await db.selectFrom('evaluation_followup_settings').select('agency_id').where('agency_id', '=', actor.agencyId).executeTakeFirst();
  const settings = await followupSettings(db, actor.agencyPath);
  return { agencyId: actor.agencyId, ...settings, own: !!own };
}

export async function writeFollowupSettings(db: Db, actor: Actor, input: { months: number[]; windowDays: number }) {
  const months = [...input.months].sort((a, b) => a - b);
  await db.transaction().execute(async (trx) => {
    const before = await followupSettings(trx, actor.agencyPath);
    await trx
      .insertInto('evaluation_followup_settings')
      .values({ agency_id: actor.agencyId, months: JSON.stringify(months), window_days: input.windowDays, updated_by: actor.userId })
      .onConflict((oc) =>
        oc.column('agency_id').doUpdateSet({ months: JSON.stringify(months), window_days: input.windowDays, updated_by: actor.userId, updated_at: new Date() }),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'evaluation_followup_settings',
      entityId: actor.agencyId,
      agencyPath: actor.agencyPath,
      before,
      after: { months, windowDays: input.windowDays },
    });
  });
  return readFollowupSettings(db, actor);
}

/** The follow-ups of HR's subtree, soonest due first, with each cycle's progress (counts only, never who answered). */
export async function listFollowups(db: Kysely<Database>, actor: Actor, q: { status?: FollowupStatus | 'overdue'; limit: number; offset: number }) {
  const day = today();
  const overdue = sql<boolean>`(f.status = 'open' AND c.status = 'open' AND c.closes_on < ${day}::date AND COALESCE(x.assigned, 0) > COALESCE(x.answered, 0))`;
  let query = db
    .selectFrom('evaluation_followups as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .innerJoin('training_courses as co', 'co.id', 'f.course_id')
    .leftJoin('assessment_cycles as c', 'c.id', 'f.cycle_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('assessment_assignments')
          .select([
            'cycle_id',
            'subject_id',
            sql<number>`count(*)::int`.as('assigned'),
            sql<number>`count(*) FILTER (WHERE status = 'submitted')::int`.as('answered'),
          ])
          .groupBy(['cycle_id', 'subject_id'])
          .as('x'),
      (j) => j.onRef('x.cycle_id', '=', 'f.cycle_id').onRef('x.subject_id', '=', 'f.person_id'),
    )
    .where(scopeCondition(actor, 'a.path'));
  if (q.status === 'overdue') query = query.where(overdue);
  else if (q.status) query = query.where('f.status', '=', q.status);
  const total = await query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const items = await query
    .select([
      'f.id',
      'f.person_id as personId',
      'p.full_name as fullName',
      'f.course_id as courseId',
      'co.title as courseTitle',
      'f.months',
      sql<string>`f.completed_on::text`.as('completedOn'),
      sql<string>`f.due_on::text`.as('dueOn'),
      'f.status',
      overdue.as('overdue'),
      'f.cycle_id as cycleId',
      sql<number>`COALESCE(x.answered, 0)::int`.as('answered'),
      sql<number>`COALESCE(x.assigned, 0)::int`.as('assigned'),
    ])
    .orderBy('f.due_on')
    .orderBy('f.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { items, total: total.n };
}
