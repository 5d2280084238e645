// Reaction surveys reach everyone who attended (issue 16, level 1: "only people who attended may answer"),
// not only those who completed: a seat present at one meeting of two is invited, marked as a non-completer;
// a seat absent from every meeting is not. The aggregate shows the two groups apart only when each reaches
// the anonymity threshold on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { SURVEY_ANONYMITY_THRESHOLD } from '../../src/modules/evaluation/surveys.rules.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import type { AgencyRow } from '../support/factories.js';
import { sessionBody } from '../training/sessions-fixtures.js';
import { closingTime, evaluationWorld, PLANNING, trainees, type Trainee } from './evaluation-fixtures.js';

let t: TestApp;
let trainerA: Agent;
let hrA: Agent;
let deptA: AgencyRow;
let courseId: string;
const LATER = '2026-07-30T03:00:00Z';
const points = ['Kém', 'Trung bình', 'Tốt'].map((label) => ({ label }));

beforeAll(async () => {
  setClock(PLANNING);
  t = await createTestApp({ demo: false });
  ({ trainerA, hrA, deptA, courseId } = await evaluationWorld(t));
  const set = await trainerA.post('/api/evaluation/surveys/sets', {
    title: 'Phiếu khóa học',
    courseId,
    questions: [{ kind: 'scale', text: 'Hữu ích', textEn: 'Useful', points }],
  });
  expect(set.statusCode, set.body).toBe(200);
}, 120_000);
afterAll(async () => {
  setClock(null);
  await t?.close();
});

/** A two-day session: `full` present both days (completed), `half` the first only (attended, not completed), `absent` neither. */
async function twoDaySession(day: string, full: Trainee[], half: Trainee[], absent: Trainee[]) {
  setClock(PLANNING);
  const created = await trainerA.post('/api/training/sessions', sessionBody(courseId, { startsOn: day, days: 2 }));
  expect(created.statusCode, created.body).toBe(201);
  const session = created.json<{ id: string; meetings: Array<{ id: string }> }>();
  const everyone = [...full, ...half, ...absent];
  const enrolled = await hrA.post(`/api/training/sessions/${session.id}/enrolments`, { personIds: everyone.map((p) => p.id) });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  const byPerson = new Map(enrolled.json<{ items: Array<{ id: string; personId: string }> }>().items.map((e) => [e.personId, e.id]));
  const marks = everyone.flatMap((p) =>
    session.meetings.map((m, k) => ({ enrolmentId: byPerson.get(p.id)!, meetingId: m.id, present: full.includes(p) || (half.includes(p) && k === 0) })),
  );
  expect((await trainerA.put(`/api/training/sessions/${session.id}/attendance`, { marks })).statusCode).toBe(200);
  setClock(closingTime(sessionBody(courseId, { startsOn: day, days: 2 }).endsOn));
  const closed = await trainerA.post(`/api/training/sessions/${session.id}/close`);
  expect(closed.statusCode, closed.body).toBe(200);
  const survey = await t.db.selectFrom('evaluation_surveys').select('id').where('session_id', '=', session.id).executeTakeFirstOrThrow();
  return { sessionId: session.id, surveyId: survey.id };
}

async function answerAll(surveyId: string, people: Trainee[], value: number) {
  for (const p of people) {
    const res = await p.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: value } });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function surveyOf(sessionId: string) {
  setClock(LATER);
  const res = await trainerA.get(`/api/evaluation/surveys/results?sessionId=${sessionId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ surveys: Array<Record<string, unknown>> }>().surveys[0]!;
}

describe('surveys to attendees who did not complete', () => {
  it('invites who attended, completed or not, and not who never came; the groups show apart when both reach the threshold', async () => {
    const n = SURVEY_ANONYMITY_THRESHOLD;
    const people = await trainees(t, deptA, 2 * n + 1, 'Người Dự');
    const full = people.slice(0, n);
    const half = people.slice(n, 2 * n);
    const absent = people[2 * n]!;
    const { sessionId, surveyId } = await twoDaySession('2026-03-10', full, half, [absent]);
    const invitations = await t.db.selectFrom('evaluation_survey_invitations').select(['person_id', 'completed']).where('survey_id', '=', surveyId).execute();
    expect(invitations).toHaveLength(2 * n);
    expect(
      invitations
        .filter((i) => !i.completed)
        .map((i) => i.person_id)
        .sort(),
    ).toEqual(half.map((p) => p.id).sort());
    // Never came: not invited, cannot answer.
    const refused = await absent.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 1 } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('survey_not_invited');
    await answerAll(surveyId, full, 3);
    await answerAll(surveyId, half, 1);
    const s = await surveyOf(sessionId);
    expect(s).toMatchObject({ invited: 2 * n, invitedNotCompleted: n, report: { status: 'released', respondents: 2 * n } });
    expect(s.byCompletion).toMatchObject({
      completed: { status: 'released', respondents: n, questions: [{ mean: 3 }] },
      notCompleted: { status: 'released', respondents: n, questions: [{ mean: 1 }] },
    });
  });

  it('with too few non-completers answering, the survey shows whole and neither group apart', async () => {
    const n = SURVEY_ANONYMITY_THRESHOLD;
    const people = await trainees(t, deptA, n + n - 1, 'Người Học');
    const full = people.slice(0, n);
    const half = people.slice(n);
    const { sessionId, surveyId } = await twoDaySession('2026-04-14', full, half, []);
    await answerAll(surveyId, full, 3);
    await answerAll(surveyId, half, 1);
    const s = await surveyOf(sessionId);
    expect(s).toMatchObject({ invitedNotCompleted: n - 1, report: { status: 'released', respondents: 2 * n - 1 } });
    expect(s.byCompletion).toEqual({ completed: { status: 'too_few' }, notCompleted: { status: 'too_few' } });
  });

  it('a session where everyone completed has no split', async () => {
    const people = await trainees(t, deptA, SURVEY_ANONYMITY_THRESHOLD, 'Người Xong');
    const { sessionId } = await twoDaySession('2026-05-12', people, [], []);
    expect((await surveyOf(sessionId)).byCompletion).toBeNull();
  });
});
