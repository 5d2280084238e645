// Pre- and post-tests (issue 16, level 2) through HTTP: questions from the
// assessment banks, the score mapped to a level as the knowledge tests do,
// gains per competency and per person, the order of the tests and the range
// of recorded scores, and who may read or record what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import type { AgencyRow } from '../support/factories.js';
import { evaluationWorld, runSession, trainees, type Trainee } from './evaluation-fixtures.js';

let t: TestApp;
let trainerA: Agent;
let trainerB: Agent;
let hrA: Agent;
let hrB: Agent;
let deptA: AgencyRow;
let courseId: string;
let competencyId: string;
let people: Trainee[];
let enrolments: Map<string, string>;

interface Paper {
  attemptId: string;
  questions: Array<{ id: string; options: unknown[] }>;
}
/** Answers with `right` of the questions correct (the bank's correct option is 0). */
const answersFor = (paper: Paper, right: number) => Object.fromEntries(paper.questions.map((q, i) => [q.id, i < right ? 0 : 1]));

beforeAll(async () => {
  setClock('2026-02-15T03:00:00Z');
  t = await createTestApp({ demo: false });
  ({ trainerA, trainerB, hrA, hrB, deptA, courseId } = await evaluationWorld(t));
  competencyId = (await t.db.selectFrom('training_course_competencies').select('competency_id').where('course_id', '=', courseId).executeTakeFirstOrThrow())
    .competency_id;
  // HR's bank for the competency: five questions, the first option right.
  for (let i = 0; i < 5; i++) {
    const q = await hrA.post('/api/assessments/questions', {
      competencyId,
      stem: `Câu hỏi <i>${i + 1}</i>`,
      options: [{ vi: 'Đúng' }, { vi: 'Sai' }],
      correctOption: 0,
    });
    expect(q.statusCode, q.body).toBe(201);
  }
  people = await trainees(t, deptA, 3);
  ({ enrolments } = await runSession({ trainer: trainerA, hr: hrA, courseId, day: '2026-03-10', present: people }, false));
});

afterAll(async () => {
  setClock(null);
  await t.close();
});

describe('the trainee’s tests', () => {
  it('lists the course’s tests; a post-test before the pre-test is a clear error', async () => {
    const mine = await people[0]!.agent.get('/api/evaluation/learning/mine');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({ enrolmentId: enrolments.get(people[0]!.id), pre: expect.objectContaining({ state: 'todo' }) }),
    ]);
    const early = await people[0]!.agent.post(
      `/api/evaluation/learning/enrolments/${enrolments.get(people[0]!.id)}/post/start`,
      {},
      { 'accept-language': 'en' },
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'learning_pre_test_first', details: { field: 'phase' } });
    expect(early.json().error.message).toMatch(/pre-test/);
  });

  it('takes the pre-test and the post-test once each; scores map to levels; only the trainee may take theirs', async () => {
    const enrolmentId = enrolments.get(people[0]!.id)!;
    expect((await people[1]!.agent.post(`/api/evaluation/learning/enrolments/${enrolmentId}/pre/start`, {})).statusCode).toBe(404);
    const pre = await people[0]!.agent.post(`/api/evaluation/learning/enrolments/${enrolmentId}/pre/start`, {});
    expect(pre.statusCode, pre.body).toBe(200);
    const paper = pre.json<Paper>();
    expect(paper.questions).toHaveLength(5);
    expect(JSON.stringify(paper)).not.toContain('correct');
    expect((await people[1]!.agent.post(`/api/evaluation/learning/attempts/${paper.attemptId}/submit`, { answers: {} })).statusCode).toBe(404);
    const submitted = await people[0]!.agent.post(`/api/evaluation/learning/attempts/${paper.attemptId}/submit`, { answers: answersFor(paper, 2) });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // 2 of 5 = 40: level 3 of five, as the knowledge tests band it.
    expect(submitted.json().scores).toEqual([{ competencyId, score: 40, level: 3 }]);
    const again = await people[0]!.agent.post(`/api/evaluation/learning/attempts/${paper.attemptId}/submit`, { answers: answersFor(paper, 5) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('learning_test_submitted');
    const post = (await people[0]!.agent.post(`/api/evaluation/learning/enrolments/${enrolmentId}/post/start`, {})).json<Paper>();
    const done = await people[0]!.agent.post(`/api/evaluation/learning/attempts/${post.attemptId}/submit`, { answers: answersFor(post, 5) });
    expect(done.json().scores).toEqual([{ competencyId, score: 100, level: 5 }]);
  });
});

describe('scores the institution records', () => {
  it('refuses a score outside 0–100 naming the field and the limit, and a post-test before the pre-test; writes nothing', async () => {
    const enrolmentId = enrolments.get(people[1]!.id)!;
    const out = await trainerA.put(
      `/api/evaluation/learning/enrolments/${enrolmentId}/pre`,
      { scores: [{ competencyId, score: 120 }] },
      { 'accept-language': 'en' },
    );
    expect(out.statusCode).toBe(422);
    expect(out.json().error).toMatchObject({ code: 'learning_score_out_of_range', details: { fields: ['scores.0.score'], min: 0, max: 100 } });
    expect(out.json().error.message).toMatch(/0 to 100/);
    expect((await trainerA.put(`/api/evaluation/learning/enrolments/${enrolmentId}/post`, { scores: [{ competencyId, score: 80 }] })).json().error.code).toBe(
      'learning_pre_test_first',
    );
    expect(await t.db.selectFrom('evaluation_learning_attempts').select('id').where('enrolment_id', '=', enrolmentId).execute()).toEqual([]);
  });

  it('another institution, or HR, cannot record', async () => {
    const enrolmentId = enrolments.get(people[1]!.id)!;
    expect((await trainerB.put(`/api/evaluation/learning/enrolments/${enrolmentId}/pre`, { scores: [{ competencyId, score: 50 }] })).statusCode).toBe(404);
    expect((await hrA.put(`/api/evaluation/learning/enrolments/${enrolmentId}/pre`, { scores: [{ competencyId, score: 50 }] })).statusCode).toBe(403);
  });

  it('records the pre- and post-test of a paper test', async () => {
    const enrolmentId = enrolments.get(people[1]!.id)!;
    expect((await trainerA.put(`/api/evaluation/learning/enrolments/${enrolmentId}/pre`, { scores: [{ competencyId, score: 60 }] })).statusCode).toBe(200);
    const post = await trainerA.put(`/api/evaluation/learning/enrolments/${enrolmentId}/post`, { scores: [{ competencyId, score: 80 }] });
    expect(post.json().scores).toEqual([{ competencyId, score: 80, level: 5 }]);
  });
});

describe('gains', () => {
  it('per competency and per person, for the institution and the trainees’ HR; nothing for another agency or institution', async () => {
    const gains = await trainerA.get(`/api/evaluation/learning/gains?courseId=${courseId}`);
    expect(gains.statusCode, gains.body).toBe(200);
    expect(gains.json().courses).toEqual([
      expect.objectContaining({
        courseId,
        people: 2,
        competencies: [expect.objectContaining({ competencyId, people: 2, meanPre: 50, meanPost: 90, meanScoreGain: 40, meanLevelGain: 1.5 })],
      }),
    ]);
    expect(gains.json().people.map((p: { personId: string; meanScoreGain: number }) => [p.personId, p.meanScoreGain])).toEqual([
      [people[0]!.id, 60],
      [people[1]!.id, 20],
    ]);
    expect((await hrA.get('/api/evaluation/learning/gains')).json().people).toHaveLength(2);
    expect((await hrB.get('/api/evaluation/learning/gains')).json()).toEqual({ courses: [], people: [] });
    expect((await trainerB.get('/api/evaluation/learning/gains')).json()).toEqual({ courses: [], people: [] });
    expect((await people[2]!.agent.get('/api/evaluation/learning/gains')).statusCode).toBe(403);
  });
});
