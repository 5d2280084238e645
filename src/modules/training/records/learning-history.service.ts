import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { notFound } from '../../../platform/errors.js';
import { peoplePolicy } from '../../people/people.policy.js';
import type { EnrolmentStatus } from '../training.tables.js';

export interface LearningHistory {
  person: { id: string; fullName: string; staffCode: string; agencyName: string };
  rows: Array<{
    enrolmentId: string;
    courseCode: string;
    courseTitle: string;
    institutionName: string;
    sessionCode: string;
    startsOn: string;
    endsOn: string;
    hours: number;
    status: EnrolmentStatus;
    finalScore: number | null;
    attendanceShare: number | null;
    completedAt: Date | null;
    credentialId: string | null;
  }>;
}

/**
 * A person's training record: every enrolment, oldest first. The person, their HR officers and leaders
 * (agency subtree) and national administrators read it (people.policy.ts); anyone else gets 404.
 */
export async function learningHistory(db: Kysely<Database>, actor: Actor, personId: string): Promise<LearningHistory> {
  const person = await db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .where('p.id', '=', personId)
    .select(['p.id', 'p.full_name as fullName', 'p.staff_code as staffCode', 'a.name as agencyName', 'a.path as agencyPath'])
    .executeTakeFirst();
  if (!person || !peoplePolicy.canRead(actor, person)) throw notFound();
  const rows = await db
    .selectFrom('training_enrolments as e')
    .innerJoin('training_sessions as s', 's.id', 'e.session_id')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
    .leftJoin('training_credentials as cr', (j) => j.onRef('cr.enrolment_id', '=', 'e.id').on('cr.status', '!=', 'pending'))
    .where('e.person_id', '=', personId)
    .select([
      'e.id as enrolmentId',
      'c.code as courseCode',
      'c.title as courseTitle',
      'i.name as institutionName',
      's.code as sessionCode',
      's.starts_on as startsOn',
      's.ends_on as endsOn',
      'c.hours',
      'e.status',
      'e.final_score as finalScore',
      'e.attendance_share as attendanceShare',
      'e.completed_at as completedAt',
      'cr.id as credentialId',
    ])
    .orderBy('s.starts_on')
    .orderBy('c.code')
    .execute();
  const { agencyPath: _path, ...who } = person;
  return {
    person: who,
    rows: rows.map((r) => ({
      ...r,
      hours: Number(r.hours),
      finalScore: r.finalScore === null ? null : Number(r.finalScore),
      attendanceShare: r.attendanceShare === null ? null : Number(r.attendanceShare),
    })),
  };
}
