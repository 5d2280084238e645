// Small fixtures for the sessions tests: an institution with its trainer, a
// course, and a session body. The catalogue's own services land in parallel;
// these rows are what those services write (same columns), nothing more.
import { foldForSearch } from '../../src/platform/text/vietnamese.js';
import type { TestApp } from '../support/test-app.js';
import { account, agency, framework, type AccountRow, type AgencyRow } from '../support/factories.js';

const unique = () => crypto.randomUUID().slice(0, 8).toUpperCase();

export interface InstitutionRow {
  id: string;
  agency: AgencyRow;
  trainer: AccountRow;
}

export async function institution(t: TestApp, o: { name?: string } = {}): Promise<InstitutionRow> {
  const home = await agency(t, { kind: 'institution' });
  const name = o.name ?? `Trường Chính trị ${unique()}`;
  const row = await t.db
    .insertInto('training_institutions')
    .values({ code: `I-${unique()}`, name, search_name: foldForSearch(name), kind: 'school_of_politics', agency_id: home.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const trainer = await account(t, { agency: home, role: 'trainer' });
  await t.db.insertInto('training_institution_staff').values({ user_id: trainer.userId, institution_id: row.id }).execute();
  return { id: row.id, agency: home, trainer };
}

export async function course(
  t: TestApp,
  o: { institution: InstitutionRow; code?: string; passScore?: number | null; minAttendance?: number; title?: string },
): Promise<{ id: string; code: string }> {
  const fw = await framework(t, { agency: o.institution.agency, competencies: 1 });
  const code = o.code ?? `K-${unique()}`;
  const title = o.title ?? 'Kỹ năng chuyển đổi số';
  const row = await t.db
    .insertInto('training_courses')
    .values({
      institution_id: o.institution.id,
      code,
      title,
      title_en: 'Digital skills',
      search_title: foldForSearch(title),
      format: 'classroom',
      hours: 16,
      cost_per_seat: 2_000_000,
      framework_version_id: fw.versionId,
      pass_score: o.passScore ?? null,
      min_attendance: o.minAttendance ?? 0.8,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('training_course_competencies')
    .values({ course_id: row.id, competency_id: fw.competencyIds[0]!, from_level: 2, to_level: 3 })
    .execute();
  return { id: row.id, code };
}

/** 08:00–11:30 in Hà Nội on the day. */
export const meetingOn = (day: string, topic = '') => ({ startsAt: `${day}T01:00:00Z`, endsAt: `${day}T04:30:00Z`, topic });

/** A session of three days from `startsOn`, window from a month before to the day before. */
export function sessionBody(courseId: string, o: { startsOn?: string; days?: number; seats?: number; opensOn?: string; closesOn?: string } = {}) {
  const startsOn = o.startsOn ?? '2026-03-10';
  const days = o.days ?? 3;
  const at = (n: number) => new Date(Date.parse(`${startsOn}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return {
    courseId,
    code: `S-${unique()}`,
    startsOn,
    endsOn: at(days - 1),
    place: 'Hội trường A',
    seats: o.seats ?? 20,
    enrolOpensOn: o.opensOn ?? '2026-02-01',
    enrolClosesOn: o.closesOn ?? at(-1),
    meetings: Array.from({ length: days }, (_, i) => meetingOn(at(i), `Buổi ${i + 1}`)),
  };
}
