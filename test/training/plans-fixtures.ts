import type { Db } from '../../src/platform/db/engine.js';
import { foldForSearch } from '../../src/platform/text/vietnamese.js';
import type { AgencyRow } from '../support/factories.js';

/** An institution of `agency` (straight into the tables: the catalogue's own services are tested in its module). */
export async function institution(db: Db, agency: AgencyRow, code = `INST-${crypto.randomUUID().slice(0, 6)}`) {
  const name = `Trường bồi dưỡng ${code}`;
  return (
    await db
      .insertInto('training_institutions')
      .values({ code, name, search_name: foldForSearch(name), kind: 'academy', agency_id: agency.id })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** An active course raising `competencies` ([competency id, from, to]) of a framework version. */
export async function course(
  db: Db,
  o: { institutionId: string; versionId: string; code: string; competencies: Array<[string, number, number]>; costPerSeat?: number; hours?: number },
) {
  const title = `Khóa học ${o.code}`;
  const { id } = await db
    .insertInto('training_courses')
    .values({
      institution_id: o.institutionId,
      code: o.code,
      title,
      search_title: foldForSearch(title),
      format: 'classroom',
      hours: o.hours ?? 16,
      cost_per_seat: o.costPerSeat ?? 2_000_000,
      framework_version_id: o.versionId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('training_course_competencies')
    .values(o.competencies.map(([competency_id, from_level, to_level]) => ({ course_id: id, competency_id, from_level, to_level })))
    .execute();
  return id;
}

/** A session of a course; enrolment open from yesterday to `closesOn`. */
export async function session(
  db: Db,
  o: { courseId: string; code: string; startsOn: string; endsOn: string; opensOn: string; closesOn: string; seats?: number },
) {
  return (
    await db
      .insertInto('training_sessions')
      .values({
        course_id: o.courseId,
        code: o.code,
        starts_on: o.startsOn,
        ends_on: o.endsOn,
        seats: o.seats ?? 30,
        enrol_opens_on: o.opensOn,
        enrol_closes_on: o.closesOn,
        cost_per_seat: 2_000_000,
        status: 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A completed enrolment of the person in a session. */
export async function completed(db: Db, o: { sessionId: string; personId: string; agencyId: string }) {
  await db
    .insertInto('training_enrolments')
    .values({
      session_id: o.sessionId,
      person_id: o.personId,
      agency_id: o.agencyId,
      status: 'completed',
      source: 'hr',
      attendance_share: 1,
      completed_at: new Date(),
    })
    .execute();
}
