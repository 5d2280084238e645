import type { Transaction } from 'kysely';
import { today } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/schema.js';
import type { DemoContext } from '../../../platform/modules/module-descriptor.js';
import { foldForSearch } from '../../../platform/text/vietnamese.js';
import { emit } from '../../events.js';
import { completionResult } from './sessions.rules.js';

type Trx = Transaction<Database>;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** 08:00–11:30 in Hà Nội (UTC+7) on a day. */
const morning = (day: string) => ({ starts_at: new Date(`${day}T01:00:00Z`), ends_at: new Date(`${day}T04:30:00Z`) });

/**
 * Only when the catalogue's demo seeded nothing (this part alone): one
 * institution, its trainer and three courses on the published framework, so
 * the sessions demo stands. With the catalogue seeder listed first it never runs.
 */
async function fallbackCatalogue(trx: Trx, context: DemoContext) {
  if (await trx.selectFrom('training_institutions').select('id').limit(1).executeTakeFirst()) return;
  const version = await trx.selectFrom('framework_versions').select('id').where('status', '=', 'published').orderBy('published_at').limit(1).executeTakeFirst();
  const agencyId = context.agencyIds.get('HVHC');
  if (!version || !agencyId) return;
  const name = 'Học viện Hành chính và Quản trị công';
  const { id: institutionId } = await trx
    .insertInto('training_institutions')
    .values({
      code: 'HVHC',
      name,
      name_en: 'Academy of Public Administration and Governance',
      search_name: foldForSearch(name),
      kind: 'academy',
      agency_id: agencyId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const trainer = await trx.selectFrom('users').select('id').where('username', '=', 'trainer').executeTakeFirst();
  if (trainer) await trx.insertInto('training_institution_staff').values({ user_id: trainer.id, institution_id: institutionId }).execute();
  const competencies = await trx.selectFrom('competencies').select('id').where('version_id', '=', version.id).orderBy('position').limit(3).execute();
  const courses = [
    { code: 'QLNN-01', title: 'Quản lý nhà nước về chuyển đổi số', title_en: 'State management of digital transformation', hours: 24, pass: 50 },
    { code: 'KNM-02', title: 'Kỹ năng soạn thảo văn bản hành chính', title_en: 'Drafting administrative documents', hours: 16, pass: null },
    { code: 'LD-03', title: 'Kỹ năng lãnh đạo, quản lý cấp phòng', title_en: 'Leadership for heads of unit', hours: 40, pass: 60 },
  ];
  for (const [i, c] of courses.entries()) {
    const { id } = await trx
      .insertInto('training_courses')
      .values({
        institution_id: institutionId,
        code: c.code,
        title: c.title,
        title_en: c.title_en,
        search_title: foldForSearch(c.title),
        format: 'classroom',
        hours: c.hours,
        cost_per_seat: 1_500_000 + i * 500_000,
        framework_version_id: version.id,
        pass_score: c.pass,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (competencies[i])
      await trx.insertInto('training_course_competencies').values({ course_id: id, competency_id: competencies[i].id, from_level: 2, to_level: 3 }).execute();
  }
}

/**
 * Sessions for the demo courses that exist at this point (whatever the
 * catalogue seeded): two past sessions closed with attendance and results,
 * and sessions open for enrolment; the demo staff enrolled, the civil servant
 * demo account (HN-0002) among them with a result, a seat and a request
 * waiting for leader.hanoi. Rows are written directly (a few dozen) to keep
 * the first start fast; the completions emit `training.completed` as the
 * service does, so what reacts (certificates) shows too.
 */
export async function seedDemoSessions(trx: Trx, context: DemoContext): Promise<void> {
  await fallbackCatalogue(trx, context);
  const courses = await trx
    .selectFrom('training_courses')
    .select(['id', 'code', 'institution_id', 'cost_per_seat', 'min_attendance', 'pass_score'])
    .where('status', '=', 'active')
    .orderBy('code')
    .limit(6)
    .execute();
  if (courses.length === 0) return;
  const staff = await trx
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.staff_code', 'p.agency_id', 'a.path'])
    .where('p.staff_code', 'like', 'HN-%')
    .orderBy('p.staff_code')
    .execute();
  const staffDn = await trx
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.staff_code', 'p.agency_id', 'a.path'])
    .where('p.staff_code', 'like', 'DN-%')
    .orderBy('p.staff_code')
    .execute();
  const people = [...staff, ...staffDn];
  if (people.length === 0) return;
  const canbo = people.find((p) => p.staff_code === 'HN-0002');
  const day = today();
  const year = day.slice(0, 4);
  // Past sessions in March and June of this year, open ones starting in two and five weeks.
  const plans = [
    { course: courses[0], startsOn: `${year}-03-09`, days: 3, closed: true },
    { course: courses[1 % courses.length], startsOn: `${year}-06-15`, days: 2, closed: true },
    { course: courses[2 % courses.length], startsOn: addDays(day, 14), days: 3, closed: false },
    { course: courses[3 % courses.length], startsOn: addDays(day, 35), days: 2, closed: false },
  ].filter((p): p is typeof p & { course: (typeof courses)[number] } => p.course !== undefined && (!p.closed || p.startsOn < day));

  for (const [index, plan] of plans.entries()) {
    const endsOn = addDays(plan.startsOn, plan.days - 1);
    const { id: sessionId } = await trx
      .insertInto('training_sessions')
      .values({
        course_id: plan.course.id,
        code: `DEMO-${plan.course.code}-${index + 1}`,
        starts_on: plan.startsOn,
        ends_on: endsOn,
        place: 'Học viện Hành chính và Quản trị công, 77 Nguyễn Chí Thanh, Hà Nội',
        online_url: null,
        seats: 20,
        enrol_opens_on: plan.closed ? addDays(plan.startsOn, -30) : addDays(day, -7),
        enrol_closes_on: plan.closed ? addDays(plan.startsOn, -3) : addDays(plan.startsOn, -2),
        cost_per_seat: plan.course.cost_per_seat,
        status: plan.closed ? 'completed' : 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lecturer = await trx
      .selectFrom('training_lecturers')
      .select('id')
      .where('institution_id', '=', plan.course.institution_id)
      .orderBy('full_name')
      .limit(1)
      .executeTakeFirst();
    if (lecturer) await trx.insertInto('training_session_lecturers').values({ session_id: sessionId, lecturer_id: lecturer.id }).execute();
    const meetings = await trx
      .insertInto('training_session_meetings')
      .values(Array.from({ length: plan.days }, (_, d) => ({ session_id: sessionId, ...morning(addDays(plan.startsOn, d)), topic: `Buổi ${d + 1}` })))
      .returning('id')
      .execute();
    // Closed sessions: everyone of the demo staff took part; open ones: a few seats taken.
    const attendees = plan.closed ? people : people.filter((p) => p.staff_code !== 'HN-0002').slice(0, 3);
    for (const [i, person] of attendees.entries()) {
      const requestedAt = new Date(Date.parse(`${plan.startsOn}T02:00:00Z`) - (30 - i) * 86_400_000);
      const missed = plan.closed && i % 4 === 3 ? 2 : 0; // every fourth person missed two meetings
      const score = plan.course.pass_score === null ? null : 55 + ((i * 7) % 40);
      const result = completionResult({
        meetings: meetings.length,
        attended: meetings.length - Math.min(missed, meetings.length),
        minAttendance: plan.course.min_attendance,
        passScore: plan.course.pass_score,
        score,
      });
      const completedAt = new Date(`${endsOn}T10:00:00Z`);
      const { id: enrolmentId } = await trx
        .insertInto('training_enrolments')
        .values({
          session_id: sessionId,
          person_id: person.id,
          agency_id: person.agency_id,
          source: 'hr',
          requested_at: requestedAt,
          decided_at: requestedAt,
          status: plan.closed ? (result.completed ? 'completed' : 'not_completed') : 'enrolled',
          ...(plan.closed ? { final_score: score, attendance_share: result.attendanceShare, completed_at: result.completed ? completedAt : null } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!plan.closed) continue;
      await trx
        .insertInto('training_attendance')
        .values(meetings.map((m, k) => ({ enrolment_id: enrolmentId, meeting_id: m.id, present: k >= missed, recorded_at: completedAt })))
        .execute();
      if (result.completed) {
        await emit(trx, 'training.completed', {
          enrolmentId,
          personId: person.id,
          sessionId,
          courseId: plan.course.id,
          institutionId: plan.course.institution_id,
          agencyPath: person.path,
          completedAt: completedAt.toISOString(),
        });
      }
      if (person.id === canbo?.id)
        await trx
          .insertInto('training_notifications')
          .values({ person_id: person.id, enrolment_id: enrolmentId, kind: result.completed ? 'completed' : 'not_completed' })
          .execute();
    }
    // The civil servant demo account: a seat in the first open session, a request for leader.hanoi in the second.
    if (!plan.closed && canbo) {
      const first = index === plans.findIndex((p) => !p.closed);
      const { id } = await trx
        .insertInto('training_enrolments')
        .values({
          session_id: sessionId,
          person_id: canbo.id,
          agency_id: canbo.agency_id,
          source: first ? 'hr' : 'self',
          status: first ? 'enrolled' : 'pending_approval',
          requested_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('training_notifications')
        .values({ person_id: canbo.id, enrolment_id: id, kind: first ? 'enrolled' : 'requested' })
        .execute();
    }
  }
}
