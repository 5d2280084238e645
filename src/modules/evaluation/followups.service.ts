import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/engine.js';
import type { DomainEvents } from '../../platform/events/domain-events.js';
import { dateInZone, today } from '../../platform/clock.js';
import { createCycle, updateCycle } from '../assessment/cycles.service.js';
import { assignCycle } from '../assessment/assignment.service.js';
import { consolidateCycle } from '../assessment/consolidate.service.js';
import { remindRaters } from '../assessment/progress.service.js';
import type { RaterSource, SourceWeights } from '../assessment/consolidation.js';

/** Issue 16, item 3: months after completion, unless the agency set its own. */
export const DEFAULT_FOLLOWUP_MONTHS = [3, 6];
export const DEFAULT_WINDOW_DAYS = 30;
/** Once the window has closed, raters still have this long (reminded daily by assessment's job) before the job closes the cycle. */
export const GRACE_DAYS = 14;
/** A reminder to everyone who has not answered, this many days before the window closes. */
const REMIND_BEFORE_DAYS = 7;

/** Behaviour on the job is seen by others: the leader and colleagues (partners are added by HR as experts). */
export const FOLLOWUP_SOURCES: readonly RaterSource[] = ['leader', 'peer', 'expert'];
export const FOLLOWUP_WEIGHTS: SourceWeights = { self: 0, leader: 50, peer: 30, subordinate: 0, expert: 20, test: 0 };

/** Scheduled work acts as the system (recorded as "system" in the audit trail), within the follow-up's agency. */
function systemActor(agency: { id: string; name: string; path: string }): Actor {
  return {
    userId: '',
    username: 'system',
    displayName: 'system',
    role: 'national_admin',
    agencyId: agency.id,
    agencyName: agency.name,
    agencyPath: agency.path,
    personId: null,
  };
}

const addDays = (isoDate: string, days: number) => dateInZone(new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000));

/** The months an agency follows up after: its own setting, else the nearest ancestor's, else 3 and 6. */
export async function followupSettings(db: Kysely<Database>, agencyPath: string): Promise<{ months: number[]; windowDays: number }> {
  const ids = agencyPath.split('/').filter(Boolean);
  const rows = ids.length
    ? await db.selectFrom('evaluation_followup_settings').select(['agency_id', 'months', 'window_days']).where('agency_id', 'in', ids).execute()
    : [];
  const nearest = ids
    .slice()
    .reverse()
    .map((id) => rows.find((r) => r.agency_id === id))
    .find(Boolean);
  return nearest ? { months: nearest.months, windowDays: nearest.window_days } : { months: DEFAULT_FOLLOWUP_MONTHS, windowDays: DEFAULT_WINDOW_DAYS };
}

/** What the evaluation handlers need of one completion or of a session's close: the session and its seats. */
export type SessionSeats = DomainEvents['training.sessionClosed'];

/** A single completion (outside a session's close) as a session of one seat. */
export function seatsOfCompletion(payload: DomainEvents['training.completed']): SessionSeats {
  return {
    sessionId: payload.sessionId,
    courseId: payload.courseId,
    institutionId: payload.institutionId,
    closedAt: payload.completedAt,
    seats: [{ enrolmentId: payload.enrolmentId, personId: payload.personId, agencyPath: payload.agencyPath, completed: true, attended: true }],
  };
}

/**
 * On `training.sessionClosed` (or a single `training.completed`), in its
 * transaction: for each completed seat, one follow-up per month count its
 * agency follows up after (its own setting, else the nearest ancestor's, else
 * 3 and 6), due that many months after the completion day. One statement for
 * the whole session.
 */
export async function scheduleFollowups(trx: Kysely<Database>, close: SessionSeats): Promise<void> {
  const ids = close.seats.filter((s) => s.completed).map((s) => s.enrolmentId);
  if (ids.length === 0) return;
  const completedOn = dateInZone(new Date(close.closedAt));
  await sql`
    INSERT INTO evaluation_followups (enrolment_id, person_id, agency_id, session_id, course_id, institution_id, completed_on, months, due_on)
    SELECT e.id, e.person_id, e.agency_id, ${close.sessionId}::uuid, ${close.courseId}::uuid, ${close.institutionId}::uuid, ${completedOn}::date,
           m.months, (${completedOn}::date + make_interval(months => m.months))::date
    FROM training_enrolments e
    JOIN agencies a ON a.id = e.agency_id
    LEFT JOIN LATERAL (
      SELECT st.months FROM evaluation_followup_settings st JOIN agencies sa ON sa.id = st.agency_id
      WHERE starts_with(a.path, sa.path) ORDER BY length(sa.path) DESC LIMIT 1) s ON true
    CROSS JOIN LATERAL (SELECT x::int AS months FROM jsonb_array_elements_text(COALESCE(s.months, ${JSON.stringify(DEFAULT_FOLLOWUP_MONTHS)}::jsonb)) x) m
    WHERE e.id = ANY(${ids}::uuid[])
    ON CONFLICT (enrolment_id, months) DO NOTHING`.execute(trx);
}

interface DueGroup {
  agency_id: string;
  agency_name: string;
  agency_path: string;
  session_id: string;
  months: number;
  course_id: string;
  title: string;
  title_en: string;
  framework_version_id: string;
  ids: string[];
  person_ids: string[];
}

/**
 * The job's pass (evaluation.followups): every follow-up due by today opens
 * as a small ad hoc 360° cycle through the assessment module's own services,
 * one per agency, session and month count: its trainees, the course's
 * competencies only, rated by leader and colleagues with the cycle's usual
 * anonymity threshold. Open follow-ups are reminded a week before their
 * window closes, and closed and consolidated once the grace period is over,
 * so the results flow into the effectiveness figures.
 */
export async function runFollowups(db: Db): Promise<{ opened: number; reminded: number; closed: number }> {
  const opened = await openDueFollowups(db);
  const reminded = await remindOpenFollowups(db);
  const closed = await closeFinishedFollowups(db);
  return { opened, reminded, closed };
}

async function openDueFollowups(db: Db): Promise<number> {
  const { rows: groups } = await sql<DueGroup>`
    SELECT f.agency_id, a.name AS agency_name, a.path AS agency_path, f.session_id, f.months, f.course_id,
           co.title, co.title_en, co.framework_version_id,
           array_agg(f.id::text ORDER BY f.id) AS ids, array_agg(f.person_id::text ORDER BY f.id) AS person_ids
    FROM evaluation_followups f
    JOIN agencies a ON a.id = f.agency_id
    JOIN training_courses co ON co.id = f.course_id
    WHERE f.status = 'scheduled' AND f.due_on <= ${today()}::date
    GROUP BY f.agency_id, a.name, a.path, f.session_id, f.months, f.course_id, co.title, co.title_en, co.framework_version_id
    ORDER BY min(f.due_on)`.execute(db);
  for (const g of groups) {
    const actor = systemActor({ id: g.agency_id, name: g.agency_name, path: g.agency_path });
    const { windowDays } = await followupSettings(db, g.agency_path);
    const competencyIds = (await db.selectFrom('training_course_competencies').select('competency_id').where('course_id', '=', g.course_id).execute()).map(
      (r) => r.competency_id,
    );
    const opensOn = today();
    const cycleId = await createCycle(db, actor, {
      name: `Đánh giá sau đào tạo ${g.months} tháng: ${g.title}`,
      nameEn: `${g.months}-month follow-up: ${g.title_en || g.title}`,
      kind: 'follow_up',
      agencyId: g.agency_id,
      scope: { personIds: g.person_ids },
      opensOn,
      closesOn: addDays(opensOn, windowDays),
      frameworkVersionId: g.framework_version_id,
      weights: FOLLOWUP_WEIGHTS,
    });
    // Linked at once: a pass interrupted after this point never opens a second cycle for the same people.
    await db
      .updateTable('evaluation_followups')
      .set({ status: 'open', cycle_id: cycleId })
      .where('id', 'in', g.ids)
      .where('status', '=', 'scheduled')
      .execute();
    await assignCycle(db, actor, cycleId, { competencyIds, sources: FOLLOWUP_SOURCES });
  }
  return groups.length;
}

interface OpenCycle {
  cycle_id: string;
  closes_on: string;
  agency_id: string;
  agency_name: string;
  agency_path: string;
}

async function openCycles(db: Db, where: ReturnType<typeof sql<boolean>>): Promise<OpenCycle[]> {
  const { rows } = await sql<OpenCycle>`
    SELECT DISTINCT c.id AS cycle_id, c.closes_on::text AS closes_on, a.id AS agency_id, a.name AS agency_name, a.path AS agency_path
    FROM evaluation_followups f
    JOIN assessment_cycles c ON c.id = f.cycle_id
    JOIN agencies a ON a.id = c.agency_id
    WHERE f.status = 'open' AND c.status = 'open' AND ${where}`.execute(db);
  return rows;
}

async function remindOpenFollowups(db: Db): Promise<number> {
  const cycles = await openCycles(db, sql<boolean>`c.closes_on - ${REMIND_BEFORE_DAYS}::int <= ${today()}::date AND c.closes_on >= ${today()}::date`);
  let raters = 0;
  for (const c of cycles) {
    const actor = systemActor({ id: c.agency_id, name: c.agency_name, path: c.agency_path });
    // At most once in the last week before the window closes; overdue raters are then reminded daily by assessment's job.
    raters += (await remindRaters(db, actor, c.cycle_id, { overdueOnly: false, minHoursBetween: 24 * REMIND_BEFORE_DAYS })).raters;
  }
  return raters;
}

async function closeFinishedFollowups(db: Db): Promise<number> {
  const cycles = await openCycles(db, sql<boolean>`c.closes_on + ${GRACE_DAYS}::int < ${today()}::date`);
  for (const c of cycles) {
    const actor = systemActor({ id: c.agency_id, name: c.agency_name, path: c.agency_path });
    await updateCycle(db, actor, c.cycle_id, { status: 'closed' });
    await consolidateCycle(db, actor, c.cycle_id);
    await db.updateTable('evaluation_followups').set({ status: 'closed' }).where('cycle_id', '=', c.cycle_id).execute();
  }
  return cycles.length;
}
