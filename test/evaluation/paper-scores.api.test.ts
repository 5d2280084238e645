// A session's paper-test score sheet (issue 16, level 2) through HTTP: the institution reads its trainees and
// the course's competencies, and records a phase for the whole table at once: one refused row (a score
// outside 0–100, a post-test before the pre-test, a test already scored) writes nothing and is named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { evaluationWorld, runSession, trainees, type Trainee } from './evaluation-fixtures.js';

let t: TestApp;
let trainerA: Agent;
let trainerB: Agent;
let hrA: Agent;
let competencyId: string;
let people: Trainee[];
let sessionId: string;
let enrolments: Map<string, string>;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  let courseId: string;
  let deptA;
  ({ trainerA, trainerB, hrA, deptA, courseId } = await evaluationWorld(t));
  competencyId = (await t.db.selectFrom('training_course_competencies').select('competency_id').where('course_id', '=', courseId).executeTakeFirstOrThrow())
    .competency_id;
  people = await trainees(t, deptA, 3, 'Học Viên Giấy');
  ({ sessionId, enrolments } = await runSession({ trainer: trainerA, hr: hrA, courseId, day: '2026-03-02', present: people }, false));
  setClock(null);
}, 120_000);
afterAll(() => t?.close());

const row = (p: Trainee, score: number) => ({ enrolmentId: enrolments.get(p.id)!, scores: [{ competencyId, score }] });
const attempts = () => t.db.selectFrom('evaluation_learning_attempts').selectAll().execute();

describe('paper-test score sheet of a session', () => {
  it('lists the seated trainees in Vietnamese order with the course’s competencies, to the institution only', async () => {
    const sheet = await trainerA.get(`/api/evaluation/learning/sessions/${sessionId}/scores`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const body = sheet.json<{ competencies: Array<{ competencyId: string }>; rows: Array<{ fullName: string; pre: unknown; post: unknown }> }>();
    expect(body.competencies.map((c) => c.competencyId)).toEqual([competencyId]);
    expect(body.rows.map((r) => r.fullName)).toEqual(['Học Viên Giấy A', 'Học Viên Giấy B', 'Học Viên Giấy C']);
    expect(body.rows.every((r) => r.pre === null && r.post === null)).toBe(true);
    expect((await trainerB.get(`/api/evaluation/learning/sessions/${sessionId}/scores`)).statusCode).toBe(404);
    expect((await hrA.get(`/api/evaluation/learning/sessions/${sessionId}/scores`)).statusCode).toBe(403);
    expect((await trainerB.put(`/api/evaluation/learning/sessions/${sessionId}/scores/pre`, { rows: [row(people[0]!, 50)] })).statusCode).toBe(404);
  });

  it('refuses the whole table when one row is wrong, naming each wrong row, and writes nothing', async () => {
    const bad = await trainerA.put(`/api/evaluation/learning/sessions/${sessionId}/scores/pre`, {
      rows: [row(people[0]!, 85.5), row(people[1]!, 120), row(people[2]!, -1)],
    });
    expect(bad.statusCode, bad.body).toBe(422);
    const error = bad.json<{ error: { code: string; message: string; details: { fields: string[]; rows: Array<{ row: number; code: string }> } } }>().error;
    expect(error.code).toBe('learning_scores_rejected');
    expect(error.message).toContain('Chưa ghi điểm nào');
    expect(error.details.fields).toEqual(['rows.1.scores.0.score', 'rows.2.scores.0.score']);
    expect(error.details.rows.map((r) => [r.row, r.code])).toEqual([
      [1, 'learning_score_out_of_range'],
      [2, 'learning_score_out_of_range'],
    ]);
    const post = await trainerA.put(`/api/evaluation/learning/sessions/${sessionId}/scores/post`, { rows: [row(people[0]!, 90)] });
    expect(post.json<{ error: { details: { rows: Array<{ code: string }> } } }>().error.details.rows.map((r) => r.code)).toEqual(['learning_pre_test_first']);
    expect(await attempts()).toEqual([]);
  });

  it('records the table, maps each score to a level, and refuses a second pre-test for the same trainee', async () => {
    const ok = await trainerA.put(`/api/evaluation/learning/sessions/${sessionId}/scores/pre`, { rows: [row(people[0]!, 85.5), row(people[1]!, 40)] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ phase: 'pre', recorded: 2 });
    const sheet = (await trainerA.get(`/api/evaluation/learning/sessions/${sessionId}/scores`)).json<{
      rows: Array<{ fullName: string; pre: { source: string; submitted: boolean; scores: Array<{ score: number; level: number }> } | null }>;
    }>();
    expect(sheet.rows[0]!.pre).toMatchObject({ source: 'recorded', submitted: true, scores: [{ score: 85.5 }] });
    expect(sheet.rows[0]!.pre!.scores[0]!.level).toBeGreaterThan(sheet.rows[1]!.pre!.scores[0]!.level);
    expect(sheet.rows[2]!.pre).toBeNull();
    const again = await trainerA.put(`/api/evaluation/learning/sessions/${sessionId}/scores/pre`, { rows: [row(people[2]!, 70), row(people[0]!, 99)] });
    expect(again.statusCode).toBe(422);
    expect(again.json<{ error: { details: { rows: Array<{ row: number; code: string }> } } }>().error.details.rows).toMatchObject([
      { row: 1, code: 'learning_test_submitted' },
    ]);
    expect((await attempts()).length).toBe(2);
    const audit = await t.db.selectFrom('audit_log').select('entity').where('entity', '=', 'learning_test').execute();
    expect(audit.length).toBe(2);
  });
});
