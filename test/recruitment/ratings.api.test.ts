// Panel ratings and knowledge tests of a recruitment campaign through HTTP (issue 17, item 3): each member rates
// alone (nobody reads another's sheet before submitting their own), a member with a declared conflict or without a
// declaration is refused, a level off the scale or a score out of range is a clear error and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { applicant, paperScores, rate, recruitmentWorld, type Candidate, type RecruitmentWorld } from './fixtures.js';

let t: TestApp;
let w: RecruitmentWorld;
let x: Candidate;
let y: Candidate;

const sheets = async (applicationId: string) => t.db.selectFrom('recruitment_rating_sheets').selectAll().where('application_id', '=', applicationId).execute();

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await recruitmentWorld(t);
  x = await applicant(t, w, { fullName: 'Lê Thị Xuân' });
  y = await applicant(t, w, { fullName: 'Phạm Văn Yên' });
});

afterAll(async () => {
  await t.close();
});

describe('rating sheets', () => {
  it('shows the sheet with the behavioural indicators of every level', async () => {
    const sheet = await w.members[0]!.agent.get(`/api/recruitment/applications/${x.applicationId}/stages/${w.stages.interview}/sheet`, {
      'accept-language': 'en',
    });
    expect(sheet.statusCode, sheet.body).toBe(200);
    const body = sheet.json();
    expect(body).toMatchObject({ status: 'new', candidate: { fullName: 'Lê Thị Xuân' } });
    expect(body.levels).toHaveLength(5);
    expect(body.competencies).toHaveLength(2);
    expect(body.competencies[0]).toMatchObject({ requiredLevel: 4 });
    expect(body.competencies[0].indicators.map((i: { level: number }) => i.level)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps each member alone until they submit: B reading before submitting gets only their own sheet', async () => {
    const [m1, m2] = w.members as [RecruitmentWorld['members'][number], RecruitmentWorld['members'][number]];
    expect((await rate(w, m1, x.applicationId, 3, 2)).statusCode).toBe(200);
    // B has nothing yet: sees nothing, not A's submitted sheet.
    const before = await m2.agent.get(`/api/recruitment/applications/${x.applicationId}/ratings`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ sheets: [], consolidated: [] });
    // B's draft: B sees that draft alone.
    const draft = await rate(w, m2, x.applicationId, 5, 1, false);
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().status).toBe('draft');
    const own = (await m2.agent.get(`/api/recruitment/applications/${x.applicationId}/ratings`)).json();
    expect(own.sheets.map((s: { userId: string }) => s.userId)).toEqual([m2.userId]);
    expect(own.consolidated).toEqual([]);
    // Submitted: both sheets, and their consolidation (A: 3 and 5 → median 4, two apart: flagged).
    expect((await rate(w, m2, x.applicationId, 5, 1)).statusCode).toBe(200);
    const after = (await m2.agent.get(`/api/recruitment/applications/${x.applicationId}/ratings`)).json();
    expect(after.sheets.map((s: { userId: string }) => s.userId).sort()).toEqual([m1.userId, m2.userId].sort());
    expect(after.consolidated).toContainEqual(
      expect.objectContaining({ competencyId: w.framework.competencyIds[0], level: 4, mean: 4, spread: 1, raters: 2, flag: 'panel_disagreement' }),
    );
    // The third member, who has not rated, still sees nothing.
    expect((await w.members[2]!.agent.get(`/api/recruitment/applications/${x.applicationId}/ratings`)).json().sheets).toEqual([]);
    // HR reads every submitted sheet; another agency's HR does not find the application.
    expect((await w.hrA.get(`/api/recruitment/applications/${x.applicationId}/ratings`)).json().sheets).toHaveLength(2);
    expect((await w.hrB.get(`/api/recruitment/applications/${x.applicationId}/ratings`)).statusCode).toBe(404);
  });

  it('freezes a submitted sheet', async () => {
    const again = await rate(w, w.members[0]!, x.applicationId, 4, 2);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('recruitment_sheet_submitted');
  });

  it('refuses a member with a declared conflict, and one without a declaration, writing nothing', async () => {
    await t.db
      .insertInto('recruitment_conflicts')
      .values({ campaign_id: w.campaignId, user_id: w.members[2]!.userId, application_id: y.applicationId, reason: 'Người thân' })
      .execute();
    const conflicted = await rate(w, w.members[2]!, y.applicationId, 3, 2);
    expect(conflicted.statusCode).toBe(403);
    expect(conflicted.json().error.code).toBe('recruitment_conflict_declared');
    const undeclared = await w.undeclared.agent.put(
      `/api/recruitment/applications/${y.applicationId}/stages/${w.stages.interview}/sheet`,
      {
        ratings: [],
        submit: false,
      },
      { 'accept-language': 'en' },
    );
    expect(undeclared.statusCode).toBe(403);
    expect(undeclared.json().error).toMatchObject({ code: 'recruitment_declaration_missing' });
    expect(undeclared.json().error.message).toMatch(/declaration/);
    expect(await sheets(y.applicationId)).toEqual([]);
    // The conflicted member may still rate another candidate.
    expect((await rate(w, w.members[2]!, x.applicationId, 4, 2, false)).statusCode).toBe(200);
  });

  it('refuses a level off the scale or a competency outside the profile (422), writing nothing', async () => {
    const m1 = w.members[0]!;
    const off = await rate(w, m1, y.applicationId, 6, 2);
    expect(off.statusCode).toBe(422);
    expect(off.json().error).toMatchObject({ code: 'recruitment_level_out_of_scale', details: { field: 'ratings.0.level', min: 1, max: 5 } });
    const zero = await rate(w, m1, y.applicationId, 3, 0);
    expect(zero.json().error.details.field).toBe('ratings.1.level');
    const foreign = await m1.agent.put(`/api/recruitment/applications/${y.applicationId}/stages/${w.stages.interview}/sheet`, {
      ratings: [{ competencyId: crypto.randomUUID(), level: 3 }],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('recruitment_competency_not_in_profile');
    const incomplete = await m1.agent.put(`/api/recruitment/applications/${y.applicationId}/stages/${w.stages.interview}/sheet`, {
      ratings: [{ competencyId: w.framework.competencyIds[0], level: 3 }],
      submit: true,
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.code).toBe('recruitment_sheet_incomplete');
    expect(await sheets(y.applicationId)).toEqual([]);
  });

  it('rates only panel stages, and only members of the panel or HR find the sheet', async () => {
    const atTest = await w.members[0]!.agent.put(`/api/recruitment/applications/${y.applicationId}/stages/${w.stages.test}/sheet`, { ratings: [] });
    expect(atTest.statusCode).toBe(409);
    expect(atTest.json().error.code).toBe('recruitment_stage_not_rated');
    expect((await w.hrB.get(`/api/recruitment/applications/${y.applicationId}/stages/${w.stages.interview}/sheet`)).statusCode).toBe(404);
    // A candidate has no business with sheets at all.
    expect((await x.agent!.get(`/api/recruitment/applications/${x.applicationId}/ratings`)).statusCode).toBe(403);
  });
});

describe('knowledge tests', () => {
  it('takes HR’s paper scores 0–100 per competency as levels; out of range is 422 and writes nothing', async () => {
    const bad = await paperScores(w, y.applicationId, 120, 50);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'recruitment_score_out_of_range', details: { fields: ['scores.0.score'], min: 0, max: 100 } });
    expect(await t.db.selectFrom('recruitment_test_results').selectAll().where('application_id', '=', y.applicationId).execute()).toEqual([]);
    const ok = await paperScores(w, y.applicationId, 80, 39.5);
    expect(ok.statusCode, ok.body).toBe(200);
    // Five equal bands: 80 % reaches level 5, 39.5 % level 2.
    expect(ok.json().scores.map((s: { level: number }) => s.level)).toEqual([5, 2]);
    expect(
      (
        await w.hrB.put(`/api/recruitment/applications/${y.applicationId}/stages/${w.stages.test}/test-scores`, {
          scores: [{ competencyId: w.framework.competencyIds[0], score: 1 }],
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lets the candidate take the online test once, drawn from the banks of the profile’s competencies', async () => {
    for (const competencyId of w.framework.competencyIds) {
      for (let i = 0; i < 3; i++) {
        const q = await w.hrA.post('/api/assessments/questions', {
          competencyId,
          stem: `Câu ${i + 1}`,
          options: [{ vi: 'Đúng' }, { vi: 'Sai' }],
          correctOption: 0,
        });
        expect(q.statusCode, q.body).toBe(201);
      }
    }
    const url = `/api/recruitment/applications/${x.applicationId}/stages/${w.stages.test}/test/start`;
    expect((await y.agent!.post(url, {})).statusCode).toBe(404);
    const start = await x.agent!.post(url, {});
    expect(start.statusCode, start.body).toBe(200);
    const paper = start.json<{ resultId: string; questions: Array<{ id: string }> }>();
    expect(paper.questions).toHaveLength(6);
    expect(JSON.stringify(paper)).not.toContain('correct');
    // All right on the first competency's three, none on the second's.
    const drawn = await t.db.selectFrom('recruitment_test_results').select('questions').where('id', '=', paper.resultId).executeTakeFirstOrThrow();
    const answers = Object.fromEntries(drawn.questions.map((q) => [q.id, q.competencyId === w.framework.competencyIds[0] ? 0 : 1]));
    const submitted = await x.agent!.post(`/api/recruitment/tests/${paper.resultId}/submit`, { answers });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().scores).toEqual(
      expect.arrayContaining([
        { competencyId: w.framework.competencyIds[0], score: 100, level: 5 },
        { competencyId: w.framework.competencyIds[1], score: 0, level: 1 },
      ]),
    );
    expect((await x.agent!.post(`/api/recruitment/tests/${paper.resultId}/submit`, { answers })).json().error.code).toBe('recruitment_test_submitted');
    // HR does not overwrite an online test already taken.
    expect((await paperScores(w, x.applicationId, 10, 10)).json().error.code).toBe('recruitment_test_submitted');
  });
});
