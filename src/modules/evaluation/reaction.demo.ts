import type { Transaction } from 'kysely';
import { now } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { DemoContext } from '../../platform/modules/module-descriptor.js';
import { levelOfScore } from './learning-tests.rules.js';
import { SURVEY_OPEN_DAYS, type SurveyQuestion } from './surveys.rules.js';

type Trx = Transaction<Database>;
const DAY = 86_400_000;

const five = (labels: string[], en: string[]) => labels.map((label, i) => ({ label, labelEn: en[i]! }));
const AGREE = five(
  ['Rất không đồng ý', 'Không đồng ý', 'Phân vân', 'Đồng ý', 'Rất đồng ý'],
  ['Strongly disagree', 'Disagree', 'Undecided', 'Agree', 'Strongly agree'],
);
const QUESTIONS: SurveyQuestion[] = [
  { id: 'q1', kind: 'scale', text: 'Nội dung khóa học sát với công việc của tôi', textEn: 'The content fits my work', points: AGREE },
  { id: 'q2', kind: 'scale', text: 'Giảng viên truyền đạt dễ hiểu', textEn: 'The lecturers explained clearly', points: AGREE },
  { id: 'q3', kind: 'scale', text: 'Tôi sẽ áp dụng được điều đã học', textEn: 'I will be able to apply what I learnt', points: AGREE },
  { id: 'q4', kind: 'text', text: 'Góp ý để khóa học tốt hơn', textEn: 'How could the course be better?' },
];
const HR_QUESTIONS: SurveyQuestion[] = [
  { id: 'q1', kind: 'scale', text: 'Khóa học đáp ứng nhu cầu của vị trí việc làm', textEn: 'The course met my position’s needs', points: AGREE },
  { id: 'q2', kind: 'text', text: 'Nhu cầu bồi dưỡng tiếp theo', textEn: 'What training do you need next?' },
];
const COMMENTS = ['Nên có thêm bài tập thực hành.', 'Thời lượng hơi ngắn.', 'Tài liệu rất hữu ích.', 'Mong có lớp nâng cao.', ''];

/**
 * The demo's closed sessions with what evaluation shows: the institution's
 * survey answered by most trainees (closed: its aggregate shows), pre- and
 * post-test scores recorded (the first course with a clear gain, the others
 * with little), and an open survey of Hà Nội's HR on the latest session that
 * canbo.hanoi has not answered yet. Rows are written directly (a few hundred),
 * to keep the first start fast.
 */
export async function seedReactionDemo(trx: Trx, context: DemoContext): Promise<void> {
  const sessions = await trx
    .selectFrom('training_sessions as s')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .select(['s.id', 's.ends_on', 'c.id as courseId', 'c.institution_id', 'c.framework_version_id'])
    .where('s.status', '=', 'completed')
    .orderBy('s.starts_on')
    .execute();
  const hrAgency = context.agencyIds.get('HN');
  for (const [index, s] of sessions.entries()) {
    const completed = await trx
      .selectFrom('training_enrolments as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select(['e.id', 'e.person_id', 'e.agency_id', 'p.staff_code'])
      .where('e.session_id', '=', s.id)
      .where('e.status', '=', 'completed')
      .orderBy('p.staff_code')
      .execute();
    if (completed.length === 0) continue;
    const closedAt = new Date(`${s.ends_on}T10:00:00Z`);
    const { id: setId } = await trx
      .insertInto('evaluation_survey_sets')
      .values({ institution_id: s.institution_id, course_id: s.courseId, title: 'Phiếu đánh giá sau khóa học', questions: JSON.stringify(QUESTIONS) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: surveyId } = await trx
      .insertInto('evaluation_surveys')
      .values({
        session_id: s.id,
        set_id: setId,
        questions: JSON.stringify(QUESTIONS),
        opens_at: closedAt,
        closes_at: new Date(closedAt.getTime() + SURVEY_OPEN_DAYS * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // All but canbo.hanoi (HN-0002) and every fifth trainee answered; the first course is rated higher.
    const answered = completed.filter((e, i) => e.staff_code !== 'HN-0002' && i % 5 !== 4);
    await trx
      .insertInto('evaluation_survey_invitations')
      .values(
        completed.map((e) => ({
          survey_id: surveyId,
          enrolment_id: e.id,
          person_id: e.person_id,
          agency_id: e.agency_id,
          created_at: closedAt,
          answered_at: answered.includes(e) ? closedAt : null,
        })),
      )
      .execute();
    const base = index === 0 ? 4 : 3;
    await trx
      .insertInto('evaluation_survey_responses')
      .values(
        answered.map((_, i) => ({
          survey_id: surveyId,
          answers: JSON.stringify({
            q1: Math.min(5, base + (i % 2)),
            q2: Math.min(5, base + ((i + 1) % 3 === 0 ? 1 : 0)),
            q3: Math.max(1, base - (i % 3 === 2 ? 1 : 0)),
            q4: COMMENTS[i % COMMENTS.length],
          }),
        })),
      )
      .execute();
    await seedTests(trx, s, completed, index === 0 ? 25 : 3);
    // The latest session: Hà Nội's HR asks its own trainees, from today (open for canbo.hanoi to answer).
    if (index === sessions.length - 1 && hrAgency) {
      const hanoi = await trx.selectFrom('agencies').select('path').where('id', '=', hrAgency).executeTakeFirstOrThrow();
      const ours = await trx
        .selectFrom('training_enrolments as e')
        .innerJoin('agencies as a', 'a.id', 'e.agency_id')
        .select(['e.id', 'e.person_id', 'e.agency_id'])
        .where('e.session_id', '=', s.id)
        .where('e.status', '=', 'completed')
        .where('a.path', 'like', `${hanoi.path}%`)
        .execute();
      if (ours.length === 0) continue;
      const opensAt = now();
      const { id: hrSetId } = await trx
        .insertInto('evaluation_survey_sets')
        .values({ agency_id: hrAgency, session_id: s.id, title: 'Phiếu khảo sát của Hà Nội', questions: JSON.stringify(HR_QUESTIONS) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: hrSurveyId } = await trx
        .insertInto('evaluation_surveys')
        .values({
          session_id: s.id,
          set_id: hrSetId,
          questions: JSON.stringify(HR_QUESTIONS),
          opens_at: opensAt,
          closes_at: new Date(opensAt.getTime() + SURVEY_OPEN_DAYS * DAY),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('evaluation_survey_invitations')
        .values(ours.map((e) => ({ survey_id: hrSurveyId, enrolment_id: e.id, person_id: e.person_id, agency_id: e.agency_id, created_at: opensAt })))
        .execute();
      await trx
        .insertInto('training_notifications')
        .values(ours.map((e) => ({ person_id: e.person_id, enrolment_id: e.id, kind: 'survey' })))
        .execute();
    }
  }
}

/** Pre- and post-test scores the institution recorded for each completed trainee: a mean gain of about `gain` points. */
async function seedTests(
  trx: Trx,
  s: { id: string; courseId: string; framework_version_id: string; ends_on: string },
  completed: ReadonlyArray<{ id: string; person_id: string; agency_id: string }>,
  gain: number,
) {
  const competencies = await trx.selectFrom('training_course_competencies').select('competency_id').where('course_id', '=', s.courseId).execute();
  const version = await trx.selectFrom('framework_versions').select('level_count').where('id', '=', s.framework_version_id).executeTakeFirstOrThrow();
  if (competencies.length === 0) return;
  for (const [i, e] of completed.entries()) {
    const pre = 35 + ((i * 11) % 30);
    const post = Math.min(100, pre + gain + ((i * 7) % 9) - 4);
    for (const [phase, score] of [
      ['pre', pre],
      ['post', post],
    ] as const) {
      const { id } = await trx
        .insertInto('evaluation_learning_attempts')
        .values({
          enrolment_id: e.id,
          person_id: e.person_id,
          agency_id: e.agency_id,
          course_id: s.courseId,
          phase,
          source: 'recorded',
          submitted_at: new Date(`${s.ends_on}T09:00:00Z`),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('evaluation_learning_scores')
        .values(competencies.map((c) => ({ attempt_id: id, competency_id: c.competency_id, score, level: levelOfScore(score, version.level_count) })))
        .execute();
    }
  }
}
