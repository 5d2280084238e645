// Reaction surveys (issue 16, level 1) through HTTP: question sets, invitations
// on completion, answering once, reminders, and the aggregates — with the
// attacks of an institution's staff member or an HR officer trying to learn
// one trainee's answer (docs/ANONYMITY.md: the 360° rule, applied to surveys).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { setClock } from '../../src/platform/clock.js';
import { remindSurveys } from '../../src/modules/evaluation/surveys.service.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import type { AgencyRow } from '../support/factories.js';
import type { InstitutionRow } from '../training/sessions-fixtures.js';
import { closingTime, evaluationWorld, runSession, trainees, type Trainee } from './evaluation-fixtures.js';

let t: TestApp;
let instA: InstitutionRow;
let trainerA: Agent;
let trainerB: Agent;
let hrA: Agent;
let hrB: Agent;
let deptA: AgencyRow;
let courseId: string;
let people: Trainee[];

const points = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'].map((label) => ({ label }));
const setBody = (o: { courseId?: string; sessionId?: string; title?: string }) => ({
  title: o.title ?? 'Phiếu đánh giá khóa học',
  ...(o.sessionId ? { sessionId: o.sessionId } : { courseId: o.courseId }),
  questions: [
    { kind: 'scale', text: 'Nội dung <b>hữu ích</b>', textEn: 'Useful content', points },
    { kind: 'text', text: 'Góp ý khác', textEn: 'Other comments' },
  ],
});
/** After every survey of these tests has closed (14 days after the sessions). */
const LATER = '2026-06-30T03:00:00Z';

async function mine(agent: Agent) {
  const res = await agent.get('/api/evaluation/surveys/mine');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Array<{ surveyId: string; title: string; open: boolean; answeredAt: string | null; questions: unknown[] }> }>().items;
}
async function results(agent: Agent, query = '') {
  const res = await agent.get(`/api/evaluation/surveys/results${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    threshold: number;
    surveys: Array<{
      surveyId: string;
      sessionId: string;
      setId: string;
      owner: string;
      invited: number;
      report: Record<string, unknown> & { status: string };
    }>;
    courses: Array<{ courseId: string; setId: string; sessions: number; report: Record<string, unknown> & { status: string } }>;
  }>();
}
const responsesOf = async (surveyId: string) =>
  (await t.db.selectFrom('evaluation_survey_responses').select('answers').where('survey_id', '=', surveyId).execute()).length;

beforeAll(async () => {
  setClock('2026-02-15T03:00:00Z');
  t = await createTestApp({ demo: false });
  ({ instA, trainerA, trainerB, hrA, hrB, deptA, courseId } = await evaluationWorld(t));
  people = await trainees(t, deptA, 7);
});

afterAll(async () => {
  setClock(null);
  await t.close();
});

describe('question sets', () => {
  it('the institution sets questions for its own course; another institution cannot, nor change it', async () => {
    const created = await trainerA.post('/api/evaluation/surveys/sets', setBody({ courseId }));
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      institutionId: instA.id,
      courseId,
      inUse: false,
      questions: [
        { id: 'q1', kind: 'scale' },
        { id: 'q2', kind: 'text' },
      ],
    });
    expect((await trainerB.post('/api/evaluation/surveys/sets', setBody({ courseId }))).statusCode).toBe(404);
    expect((await trainerB.patch(`/api/evaluation/surveys/sets/${created.json().id}`, { active: false })).statusCode).toBe(404);
    expect((await hrA.patch(`/api/evaluation/surveys/sets/${created.json().id}`, { active: false })).statusCode).toBe(404);
    expect((await trainerB.get('/api/evaluation/surveys/sets')).json().items).toEqual([]);
  });

  it('HR sets its own questions, for its own staff; another agency’s HR cannot touch them', async () => {
    const created = await hrA.post('/api/evaluation/surveys/sets', setBody({ courseId, title: 'Phiếu của Sở' }));
    expect(created.statusCode, created.body).toBe(200);
    expect((await hrB.patch(`/api/evaluation/surveys/sets/${created.json().id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await hrA.get('/api/evaluation/surveys/sets')).json().items.map((s: { id: string }) => s.id)).toEqual([created.json().id]);
  });

  it('refuses a scale of one point, and a set for both a course and a session, naming the field', async () => {
    const one = await trainerA.post('/api/evaluation/surveys/sets', {
      ...setBody({ courseId }),
      questions: [{ kind: 'scale', text: 'x', points: [{ label: 'a' }] }],
    });
    expect(one.statusCode).toBe(400);
    expect(JSON.stringify(one.json().error.details)).toContain('points');
    const both = await trainerA.post('/api/evaluation/surveys/sets', { ...setBody({ courseId }), sessionId: crypto.randomUUID() }, { 'accept-language': 'en' });
    expect(both.statusCode).toBe(400);
    expect(both.json().error).toMatchObject({ code: 'survey_set_target_invalid', details: { field: 'courseId' } });
  });
});

describe('a session’s survey', () => {
  let surveyId: string;
  let hrSurveyId: string;
  let sessionId: string;

  beforeAll(async () => {
    // Five attend, two are absent (not completed): only the five are invited.
    ({ sessionId } = await runSession({ trainer: trainerA, hr: hrA, courseId, day: '2026-03-10', present: people.slice(0, 5), absent: people.slice(5) }));
    const items = await mine(people[0]!.agent);
    expect(items.map((i) => i.title).sort()).toEqual(['Phiếu của Sở', 'Phiếu đánh giá khóa học']);
    surveyId = items.find((i) => i.title === 'Phiếu đánh giá khóa học')!.surveyId;
    hrSurveyId = items.find((i) => i.title === 'Phiếu của Sở')!.surveyId;
  });

  it('reaches each trainee who attended, in the app, with its questions', async () => {
    const items = await mine(people[1]!.agent);
    expect(items.every((i) => i.open && i.answeredAt === null && i.questions.length === 2)).toBe(true);
    const kinds = await t.db.selectFrom('training_notifications').select('kind').where('person_id', '=', people[1]!.id).execute();
    expect(kinds.map((k) => k.kind)).toContain('survey');
  });

  it('a trainee who did not attend gets no survey and cannot answer one: nothing is written', async () => {
    expect(await mine(people[5]!.agent)).toEqual([]);
    const refused = await people[5]!.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 1 } }, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('survey_not_invited');
    expect(refused.json().error.message).toMatch(/attended/);
    // HR and the trainer are not trainees either.
    expect((await hrA.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 1 } })).statusCode).toBe(403);
    expect(await responsesOf(surveyId)).toBe(0);
  });

  it('answers once: a second answer is a clear error and writes nothing; a bad sheet names the question and the limit', async () => {
    const bad = await people[0]!.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 9 } }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'survey_answers_invalid', details: { fields: [{ field: 'answers.q1', max: 5 }] } });
    expect((await people[0]!.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 5, q2: 'Rất hay' } })).statusCode).toBe(200);
    const twice = await people[0]!.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 1 } }, { 'accept-language': 'en' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('survey_already_answered');
    expect(twice.json().error.message).toMatch(/once/);
    expect(await responsesOf(surveyId)).toBe(1);
    expect((await mine(people[0]!.agent)).find((i) => i.surveyId === surveyId)).toMatchObject({ open: false, questions: [] });
  });

  it('the answer sheet names nobody: the table has no person, invitation or time', async () => {
    const { rows } = await sql<{
      column_name: string;
    }>`SELECT column_name FROM information_schema.columns WHERE table_name = 'evaluation_survey_responses' ORDER BY column_name`.execute(t.db);
    // `completed` is the respondent's group (completed the course or only attended), shown apart only when both groups reach the threshold.
    expect(rows.map((r) => r.column_name)).toEqual(['answers', 'completed', 'id', 'survey_id']);
  });

  it('reminds, once, those who have not answered, after three days', async () => {
    setClock(new Date(Date.parse(closingTime('2026-03-10')) + 4 * 86_400_000).toISOString());
    // The institution's set: 4 of 5 still to answer; HR's set: all 5.
    expect(await remindSurveys(t.db)).toBe(9);
    expect(await remindSurveys(t.db)).toBe(0);
    const reminded = await t.db.selectFrom('training_notifications').select('person_id').where('kind', '=', 'survey_reminder').execute();
    expect(reminded.filter((r) => r.person_id === people[0]!.id)).toHaveLength(1); // HR's set only
  });

  it('while open, a report shows nothing of the answers, however many came in', async () => {
    for (const p of people.slice(1, 4))
      expect((await p.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 4 } })).statusCode).toBe(200);
    const open = (await results(trainerA)).surveys.find((s) => s.surveyId === surveyId)!;
    expect(open.report).toEqual({ status: 'open' });
  });

  it('once closed: the institution sees the aggregate, the free text without its writer; an answer after closing is refused', async () => {
    setClock(LATER);
    const late = await people[4]!.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 1 } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('survey_closed');
    const shown = (await results(trainerA)).surveys.find((s) => s.surveyId === surveyId)!;
    expect(shown).toMatchObject({ owner: 'institution', invited: 5, report: { status: 'released', respondents: 4 } });
    expect(shown.report.questions).toEqual([
      expect.objectContaining({ id: 'q1', text: 'Nội dung <b>hữu ích</b>', mean: 4.25, counts: [0, 0, 0, 3, 1] }),
      expect.objectContaining({ id: 'q2', texts: ['Rất hay'] }),
    ]);
    expect(JSON.stringify(shown)).not.toContain(people[0]!.fullName);
    expect(JSON.stringify(shown)).not.toContain(people[0]!.id);
  });

  it('HR of the trainees’ agency sees the same aggregate and its own set; another agency’s HR and another institution see nothing', async () => {
    const forHr = await results(hrA);
    expect(forHr.surveys.map((s) => s.surveyId).sort()).toEqual([surveyId, hrSurveyId].sort());
    // HR's own set: one answer only — too few, and not even the count.
    expect(forHr.surveys.find((s) => s.surveyId === hrSurveyId)!.report).toEqual({ status: 'too_few' });
    expect((await results(trainerA)).surveys.map((s) => s.surveyId)).toEqual([surveyId]);
    expect((await results(hrB)).surveys).toEqual([]);
    expect((await results(trainerB)).surveys).toEqual([]);
    expect((await results(hrB, `?sessionId=${sessionId}`)).surveys).toEqual([]);
    expect((await people[1]!.agent.get('/api/evaluation/surveys/results')).statusCode).toBe(403);
  });
});

describe('attacks on one trainee’s answer', () => {
  it('a session of two respondents shows “too few”, and the course’s pooled figure is the same before and after it', async () => {
    setClock(LATER);
    const before = await results(trainerA, `?courseId=${courseId}`);
    const pooledBefore = before.courses.find((c) => c.report.status === 'released')!;
    const pair = await trainees(t, deptA, 2, 'Cặp');
    await runSession({ trainer: trainerA, hr: hrA, courseId, day: '2026-07-10', present: pair });
    const surveys = await mine(pair[0]!.agent);
    const target = surveys.find((s) => s.title === 'Phiếu đánh giá khóa học')!.surveyId;
    await pair[0]!.agent.post(`/api/evaluation/surveys/${target}/answers`, { answers: { q1: 1, q2: 'Bí mật của Cặp A' } });
    await pair[1]!.agent.post(`/api/evaluation/surveys/${target}/answers`, { answers: { q1: 2 } });
    setClock('2026-08-30T03:00:00Z');
    const after = await results(trainerA, `?courseId=${courseId}`);
    const small = after.surveys.find((s) => s.surveyId === target)!;
    expect(small.report).toEqual({ status: 'too_few' });
    expect(JSON.stringify(after)).not.toContain('Bí mật');
    const pooledAfter = after.courses.find((c) => c.setId === pooledBefore.setId)!;
    expect(pooledAfter).toEqual(pooledBefore);
    // Every filter HR or the institution may use gives the same whole-session figures, never a part of one.
    const bySession = await results(hrA, `?sessionId=${small.sessionId}`);
    expect(bySession.surveys.find((s) => s.surveyId === target)!.report).toEqual({ status: 'too_few' });
  });

  it('two versions of a report around one more answer: while open nothing is shown, after closing no answer changes it', async () => {
    const group = await trainees(t, deptA, 4, 'Nhóm');
    await runSession({ trainer: trainerA, hr: hrA, courseId, day: '2026-09-10', present: group });
    const surveyId = (await mine(group[0]!.agent)).find((s) => s.title === 'Phiếu đánh giá khóa học')!.surveyId;
    for (const p of group.slice(0, 3)) await p.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 3 } });
    const v1 = JSON.stringify((await results(trainerA)).surveys.find((s) => s.surveyId === surveyId));
    await group[3]!.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 5 } });
    const v2 = JSON.stringify((await results(trainerA)).surveys.find((s) => s.surveyId === surveyId));
    // Both versions are "open" with no figure: their difference is nothing.
    expect(v1).toBe(v2);
    expect(v1).toContain('"status":"open"');
    setClock('2026-10-30T03:00:00Z');
    const closed1 = JSON.stringify(await results(hrA, `?courseId=${courseId}`));
    expect((await group[3]!.agent.post(`/api/evaluation/surveys/${surveyId}/answers`, { answers: { q1: 1 } })).statusCode).toBe(409);
    expect(JSON.stringify(await results(hrA, `?courseId=${courseId}`))).toBe(closed1);
  });
});
