// Fixtures of the credentials and records tests, written directly on the training tables (the catalogue
// and sessions services land in parallel): an institution with its staff, a course raising competencies,
// a session, enrolments; completion as the sessions module records it (status, completed_at, then
// `training.completed` in the same transaction).
import { emit } from '../../src/modules/events.js';
import { foldForSearch } from '../../src/platform/text/vietnamese.js';
import type { TestApp } from '../support/test-app.js';
import { account, agency, framework, person, type AgencyRow, type PersonRow } from '../support/factories.js';

const unique = () => crypto.randomUUID().slice(0, 8).toUpperCase();

export async function institution(t: TestApp, o: { agency: AgencyRow; name?: string }) {
  const name = o.name ?? `Học viện thử ${unique()}`;
  const row = await t.db
    .insertInto('training_institutions')
    .values({ code: `I-${unique()}`, name, name_en: 'Test academy', search_name: foldForSearch(name), kind: 'academy', agency_id: o.agency.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const staff = await account(t, { agency: o.agency, role: 'trainer' });
  await t.db.insertInto('training_institution_staff').values({ user_id: staff.userId, institution_id: row.id }).execute();
  return { id: row.id, name, staff };
}

export async function course(
  t: TestApp,
  o: {
    institutionId: string;
    versionId: string;
    competencies: Array<{ id: string; toLevel: number }>;
    title?: string;
    format?: 'online' | 'classroom';
    hours?: number;
    cost?: number;
  },
) {
  const title = o.title ?? 'Chuyển đổi số trong cơ quan hành chính';
  const row = await t.db
    .insertInto('training_courses')
    .values({
      institution_id: o.institutionId,
      code: `K-${unique()}`,
      title,
      title_en: 'Digital transformation',
      search_title: foldForSearch(title),
      description: 'Khóa bồi dưỡng kỹ năng số.',
      format: o.format ?? 'blended',
      hours: o.hours ?? 24,
      cost_per_seat: o.cost ?? 1_500_000,
      framework_version_id: o.versionId,
      min_attendance: 0.8,
      pass_score: 50,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('training_course_competencies')
    .values(o.competencies.map((c) => ({ course_id: row.id, competency_id: c.id, from_level: c.toLevel - 1, to_level: c.toLevel })))
    .execute();
  return { id: row.id, code: row.code, title };
}

export async function session(t: TestApp, o: { courseId: string; startsOn?: string; cost?: number }) {
  const startsOn = o.startsOn ?? '2026-03-02';
  return t.db
    .insertInto('training_sessions')
    .values({
      course_id: o.courseId,
      code: `S-${unique()}`,
      starts_on: startsOn,
      ends_on: startsOn.replace(/-\d\d$/, '-06'),
      seats: 30,
      enrol_opens_on: `${startsOn.slice(0, 4)}-01-01`,
      enrol_closes_on: startsOn,
      cost_per_seat: o.cost ?? 1_500_000,
      status: 'running',
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
}

export async function enrol(t: TestApp, o: { sessionId: string; person: PersonRow; status?: 'enrolled' | 'waitlisted' | 'not_completed' }) {
  return t.db
    .insertInto('training_enrolments')
    .values({ session_id: o.sessionId, person_id: o.person.id, agency_id: o.person.agencyId, status: o.status ?? 'enrolled', source: 'hr' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Record a completion as the sessions module does: the row and the event commit together. */
export async function complete(t: TestApp, o: { enrolmentId: string; score?: number; completedAt?: string }) {
  const completedAt = o.completedAt ?? '2026-03-06T09:00:00.000Z';
  await t.db.transaction().execute(async (trx) => {
    const e = await trx
      .updateTable('training_enrolments')
      .set({ status: 'completed', completed_at: new Date(completedAt), final_score: o.score ?? 86, attendance_share: 1 })
      .where('id', '=', o.enrolmentId)
      .returning(['id', 'person_id', 'session_id', 'agency_id'])
      .executeTakeFirstOrThrow();
    const s = await trx
      .selectFrom('training_sessions as s')
      .innerJoin('training_courses as c', 'c.id', 's.course_id')
      .innerJoin('agencies as a', (j) => j.on('a.id', '=', e.agency_id))
      .where('s.id', '=', e.session_id)
      .select(['c.id as courseId', 'c.institution_id as institutionId', 'a.path'])
      .executeTakeFirstOrThrow();
    await emit(trx, 'training.completed', {
      enrolmentId: e.id,
      personId: e.person_id,
      sessionId: e.session_id,
      courseId: s.courseId,
      institutionId: s.institutionId,
      agencyPath: s.path,
      completedAt,
    });
  });
}

/**
 * A ministry with a department (its HR officer and leader, a civil servant who completed a course), an
 * unrelated agency with its HR officer, two institutions (one issues), and a national administrator.
 */
export async function credentialsWorld(t: TestApp) {
  const ministry = await agency(t, { name: 'Bộ thử nghiệm' });
  const department = await agency(t, { parent: ministry, name: 'Sở thử nghiệm' });
  const elsewhere = await agency(t, { name: 'Tỉnh khác' });
  const academy = await agency(t, { name: 'Học viện', kind: 'institution' });
  const fw = await framework(t, { agency: ministry, competencies: 3 });
  const issuing = await institution(t, { agency: academy, name: 'Học viện Hành chính thử' });
  const other = await institution(t, { agency: academy, name: 'Trường Chính trị thử' });
  const holder = await person(t, { agency: department, fullName: 'Trần Thị Chứng' });
  const colleague = await person(t, { agency: department, fullName: 'Lê Văn Bạn', roleCategory: 'leader' });
  const holderAccount = await account(t, { agency: department, person: holder });
  const colleagueAccount = await account(t, { agency: department, person: colleague });
  const hr = await account(t, { agency: department, role: 'hr_officer' });
  const ministryHr = await account(t, { agency: ministry, role: 'hr_officer' });
  const leader = await account(t, { agency: department, role: 'leader' });
  const otherHr = await account(t, { agency: elsewhere, role: 'hr_officer' });
  const admin = await account(t, { agency: ministry, role: 'national_admin' });
  const c = await course(t, {
    institutionId: issuing.id,
    versionId: fw.versionId,
    competencies: [
      { id: fw.competencyIds[0]!, toLevel: 3 },
      { id: fw.competencyIds[1]!, toLevel: 4 },
    ],
  });
  const s = await session(t, { courseId: c.id });
  const enrolment = await enrol(t, { sessionId: s.id, person: holder });
  const signIn = (a: { username: string; password: string }) => t.signIn(a.username, a.password);
  return {
    ministry,
    department,
    elsewhere,
    fw,
    issuing,
    other,
    holder,
    colleague,
    holderAccount,
    colleagueAccount,
    hr,
    ministryHr,
    leader,
    otherHr,
    admin,
    course: c,
    session: s,
    enrolment,
    signIn,
  };
}
