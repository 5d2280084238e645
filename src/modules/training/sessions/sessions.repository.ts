import { sql } from 'kysely';
import type { Db } from '../../../platform/db/engine.js';

/**
 * The SQL of sessions, read straight from the training tables (the catalogue's
 * services are written in parallel; this module needs only a few columns of
 * courses and institutions). Functions take `db` or a transaction.
 */
type Executor = Pick<Db, 'selectFrom'>;

/** Statuses that hold a seat: enrolled, and the results of the enrolled. */
export const SEAT_STATUSES = ['enrolled', 'completed', 'not_completed'] as const;
/** Statuses that count for double booking (the partial unique index's "live"). */
export const LIVE_STATUSES = ['pending_approval', 'enrolled', 'waitlisted', 'completed', 'not_completed'] as const;

export function sessionBase(db: Executor) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
    .select([
      's.id',
      's.code',
      's.course_id as courseId',
      'c.code as courseCode',
      'c.title as courseTitle',
      'c.title_en as courseTitleEn',
      'c.institution_id as institutionId',
      'i.name as institutionName',
      's.starts_on as startsOn',
      's.ends_on as endsOn',
      's.place',
      's.online_url as onlineUrl',
      's.seats',
      's.enrol_opens_on as enrolOpensOn',
      's.enrol_closes_on as enrolClosesOn',
      's.cost_per_seat as costPerSeat',
      's.status',
      'c.min_attendance as minAttendance',
      'c.pass_score as passScore',
      'c.hours',
    ])
    .select((eb) => [
      eb
        .selectFrom('training_enrolments as e')
        .whereRef('e.session_id', '=', 's.id')
        .where('e.status', 'in', SEAT_STATUSES)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('enrolled'),
      eb
        .selectFrom('training_enrolments as e')
        .whereRef('e.session_id', '=', 's.id')
        .where('e.status', '=', 'waitlisted')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('waitlisted'),
    ]);
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export async function findSession(db: Executor, id: string) {
  const row = await sessionBase(db).where('s.id', '=', id).executeTakeFirst();
  return row ? { ...row, enrolled: row.enrolled ?? 0, waitlisted: row.waitlisted ?? 0 } : undefined;
}

export function meetingsOf(db: Executor, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_session_meetings')
    .select(['id', 'session_id as sessionId', 'starts_at as startsAt', 'ends_at as endsAt', 'topic'])
    .where('session_id', 'in', sessionIds)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

export function lecturersOf(db: Executor, sessionId: string) {
  return db
    .selectFrom('training_session_lecturers as sl')
    .innerJoin('training_lecturers as l', 'l.id', 'sl.lecturer_id')
    .select(['l.id', 'l.full_name as fullName', 'l.title'])
    .where('sl.session_id', '=', sessionId)
    .orderBy('l.full_name')
    .execute();
}

/** The institution an account acts for (trainers), or null. */
export async function staffInstitution(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('training_institution_staff').select('institution_id').where('user_id', '=', userId).executeTakeFirst();
  return row?.institution_id ?? null;
}

export function enrolmentBase(db: Executor) {
  return db
    .selectFrom('training_enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .innerJoin('agencies as a', 'a.id', 'e.agency_id')
    .innerJoin('training_sessions as s', 's.id', 'e.session_id')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .select([
      'e.id',
      'e.session_id as sessionId',
      's.code as sessionCode',
      'c.title as courseTitle',
      'c.title_en as courseTitleEn',
      'c.institution_id as institutionId',
      's.starts_on as startsOn',
      's.ends_on as endsOn',
      'e.person_id as personId',
      'p.full_name as fullName',
      'p.staff_code as staffCode',
      'e.agency_id as agencyId',
      'a.name as agencyName',
      'a.path as agencyPath',
      'e.status',
      'e.source',
      'e.requested_at as requestedAt',
      'e.decided_at as decidedAt',
      'e.replaces_id as replacesId',
      'e.cancel_reason as cancelReason',
      'e.attendance_share as attendanceShare',
      'e.final_score as finalScore',
      'e.completed_at as completedAt',
    ]);
}

export type EnrolmentRow = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

export function findEnrolment(db: Executor, id: string) {
  return enrolmentBase(db).where('e.id', '=', id).executeTakeFirst();
}

/** A person with their agency path (scope) and e-mail. */
export function findPerson(db: Executor, personId: string) {
  return db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.full_name as fullName', 'p.staff_code as staffCode', 'p.email', 'p.agency_id as agencyId', 'a.path as agencyPath'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}
