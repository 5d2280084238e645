// The stored standings (migration 0042) against a full recomputation (issue 17, item 4: ranking 5,000 candidates
// ≤ 200 ms reads them): after sheets and tests are submitted, a sheet reopened, a conflict declared, a profile's
// weight changed and a stage reweighted, the ranking HR reads equals the one scored from every
// piece of evidence again, and every row was written by the change itself (not healed at the read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignOf } from '../../src/modules/recruitment/assessment.repository.js';
import { computeRanking } from '../../src/modules/recruitment/ranking.service.js';
import { basisKey, scoringBasis } from '../../src/modules/recruitment/standings.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { applicant, paperScores, rate, recruitmentWorld, type Candidate, type Member, type RecruitmentWorld } from './fixtures.js';

let t: TestApp;
let w: RecruitmentWorld;
let x: Candidate;
let y: Candidate;
let z: Candidate;
let m1: Member;
let m2: Member;
let m3: Member;

/** Every application in the race has a row scored on today's stages and profile: nothing is left to heal. */
async function expectWrittenByTheChange() {
  const basis = await scoringBasis(t.db, w.campaignId);
  const key = basisKey(basis.assessed, basis.profiles.get(w.positionId)!);
  const rows = await t.db.selectFrom('recruitment_standings').select(['application_id', 'basis']).where('campaign_id', '=', w.campaignId).execute();
  for (const c of [x, y, z]) expect(rows.find((r) => r.application_id === c.applicationId)?.basis, c.fullName).toBe(key);
}

/** The ranking HR reads (stored standings) equals a full recomputation from the evidence; returns it. */
async function expectStoredEqualsRecomputed() {
  const answer = await w.hrA.get(`/api/recruitment/campaigns/${w.campaignId}/ranking?factor=2`);
  expect(answer.statusCode, answer.body).toBe(200);
  const campaign = (await campaignOf(t.db, w.campaignId))!;
  const recomputed = JSON.parse(JSON.stringify(await computeRanking(t.db, campaign, { factor: 2 }, { recompute: true })));
  expect(answer.json()).toEqual(recomputed);
  return answer.json().positions[0].candidates as Array<{ fullName: string; fit: number; rank: number; disagreements: number }>;
}

const fits = (candidates: Array<{ fullName: string; fit: number }>) => Object.fromEntries(candidates.map((c) => [c.fullName, c.fit]));

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await recruitmentWorld(t, { posts: 1, tieBreak: ['highest_weight_stage', 'earlier_submission'] });
  x = await applicant(t, w, { fullName: 'Nguyễn Văn Xuân', submittedAt: '2026-03-05T02:00:00Z' });
  y = await applicant(t, w, { fullName: 'Phạm Văn Yên', submittedAt: '2026-03-03T02:00:00Z' });
  z = await applicant(t, w, { fullName: 'Đỗ Thị Zung', submittedAt: '2026-03-01T02:00:00Z' });
  [m1, m2, m3] = w.members as [Member, Member, Member];
});

afterAll(async () => {
  await t.close();
});

describe('the stored standings', () => {
  it('equal a full recomputation after sheets and tests are submitted', async () => {
    const sheets: Array<[Candidate, number[], number[]]> = [
      [x, [2, 3, 4], [2, 2, 1]],
      [y, [4, 4, 4], [1, 2, 1]],
      [z, [3, 3, 3], [2, 2, 2]],
    ];
    for (const [c, a, b] of sheets) for (const [i, m] of [m1, m2, m3].entries()) expect((await rate(w, m, c.applicationId, a[i]!, b[i]!)).statusCode).toBe(200);
    for (const [c, a, b] of [
      [x, 50, 20],
      [y, 80, 40],
      [z, 50, 20],
    ] as const)
      expect((await paperScores(w, c.applicationId, a, b)).statusCode).toBe(200);
    await expectWrittenByTheChange();
    const candidates = await expectStoredEqualsRecomputed();
    // The hand-computed example of ranking.api.test.ts.
    expect(fits(candidates)).toEqual({ 'Phạm Văn Yên': 93.33, 'Đỗ Thị Zung': 91.67, 'Nguyễn Văn Xuân': 91.67 });
    expect(candidates.find((c) => c.fullName === x.fullName)!.disagreements).toBe(1);
  });

  it('follow a reopened sheet out of the ranking and back in when it is submitted again', async () => {
    // m3's sheet of X (A 4, B 1) reopened: the panel is m1 and m2 (A 2, 3 → 2.5; B 2, 2 → 2).
    const reopened = await w.hrA.post(`/api/recruitment/applications/${x.applicationId}/stages/${w.stages.interview}/sheets/${m3.userId}/reopen`, {
      reason: 'Chủ tịch hội đồng đề nghị chấm lại',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    await expectWrittenByTheChange();
    let candidates = await expectStoredEqualsRecomputed();
    // A = 0.6·2.5 + 0.4·3 = 2.7, B = 2 → (2.7/4 + 2·1)/3 = 89.17.
    expect(fits(candidates)[x.fullName]).toBe(89.17);
    expect(candidates.find((c) => c.fullName === x.fullName)!.disagreements).toBe(0);
    // Not submitted: nothing to reopen; a member, not HR, finds nothing.
    const again = await w.hrA.post(`/api/recruitment/applications/${x.applicationId}/stages/${w.stages.interview}/sheets/${m3.userId}/reopen`, {
      reason: 'lần nữa',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('recruitment_sheet_not_submitted');
    const byMember = await m1.agent.post(`/api/recruitment/applications/${y.applicationId}/stages/${w.stages.interview}/sheets/${m2.userId}/reopen`, {
      reason: 'không được',
    });
    expect(byMember.statusCode).toBe(403);
    // The trail keeps the levels the sheet had.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'reopen')
      .where('entity', '=', 'recruitment_rating_sheet')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.before)).toContain('"level":4');
    // m3 submits again (A 3, B 2): A median 3, B 2.
    expect((await rate(w, m3, x.applicationId, 3, 2)).statusCode).toBe(200);
    await expectWrittenByTheChange();
    candidates = await expectStoredEqualsRecomputed();
    expect(fits(candidates)[x.fullName]).toBe(91.67);
  });

  it('leave out the sheet of a member who then declares a conflict with the candidate', async () => {
    // m1 rated Y A 4, B 1; declaring a conflict with Y leaves m2 and m3 (A 4, 4; B 2, 1 → 1.5).
    const declared = await m1.agent.put(`/api/recruitment/campaigns/${w.campaignId}/declaration`, {
      conflicts: [{ applicationId: y.applicationId, reason: 'Người thân' }],
    });
    expect(declared.statusCode, declared.body).toBeLessThan(300);
    await expectWrittenByTheChange();
    let candidates = await expectStoredEqualsRecomputed();
    // B = 0.6·1.5 + 0.4·3 = 2.1 (capped 2) → (4/4 + 2·2/2)/3 = 100.
    expect(fits(candidates)[y.fullName]).toBe(100);
    // Withdrawn: the sheet counts again.
    expect((await m1.agent.put(`/api/recruitment/campaigns/${w.campaignId}/declaration`, { conflicts: [] })).statusCode).toBeLessThan(300);
    await expectWrittenByTheChange();
    candidates = await expectStoredEqualsRecomputed();
    expect(fits(candidates)[y.fullName]).toBe(93.33);
  });

  it('are scored again when the profile’s weights change, at the next read', async () => {
    // The org module edits the profile (criticality of B 2 → 1): a row scored on the old profile is scored again.
    await t.db
      .updateTable('position_requirements')
      .set({ criticality: 1 })
      .where('position_id', '=', w.positionId)
      .where('competency_id', '=', w.framework.competencyIds[1]!)
      .execute();
    const candidates = await expectStoredEqualsRecomputed();
    // Y: A 4, B 1.8 → (4/4 + 1.8/2)/2 = 95.
    expect(fits(candidates)[y.fullName]).toBe(95);
    await expectWrittenByTheChange();
  });

  it('are scored again when a stage’s weight changes, at the next read', async () => {
    // HR edits stages only in a draft, before any application (updateCampaign rescores there, in its transaction);
    // a weight changed under a running campaign (by hand, by a later amendment) is caught by the basis instead.
    await t.db.updateTable('recruitment_stages').set({ weight: 0.7 }).where('id', '=', w.stages.test).execute();
    await t.db.updateTable('recruitment_stages').set({ weight: 0.3 }).where('id', '=', w.stages.interview).execute();
    const candidates = await expectStoredEqualsRecomputed();
    // Y: A = 0.3·4 + 0.7·5 = 4.7 (capped 4), B = 0.3·1 + 0.7·3 = 2.4 (capped 2) → 100.
    expect(fits(candidates)[y.fullName]).toBe(100);
    await expectWrittenByTheChange();
  });
});
