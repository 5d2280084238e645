// Ranking a campaign through HTTP (issue 17, items 4, 6, 7) on a hand-computed example: the fit against the
// position's profile from the panel's median and the test levels weighted by the stages, the shortfalls, the
// campaign's tie-break rules, the shortlist, the PDF and xlsx, the fairness view and who sees what.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pdfText } from '../support/pdf-text.js';
import { applicant, paperScores, rate, recruitmentWorld, type Candidate, type RecruitmentWorld } from './fixtures.js';

let t: TestApp;
let w: RecruitmentWorld;
let x: Candidate;
let y: Candidate;
let z: Candidate;
let out: Candidate;

// Profile: A required 4 (criticality 1), B required 2 (criticality 2); interview weighs 0.6, the test 0.4.
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  w = await recruitmentWorld(t, { posts: 1, tieBreak: ['highest_weight_stage', 'earlier_submission'] });
  // A name that starts a formula: stored as text in the workbook.
  x = await applicant(t, w, { fullName: '=HYPERLINK("http://x")', submittedAt: '2026-03-05T02:00:00Z' });
  y = await applicant(t, w, { fullName: 'Phạm Văn Yên', submittedAt: '2026-03-03T02:00:00Z' });
  z = await applicant(t, w, { fullName: 'Đỗ Thị Zung', submittedAt: '2026-03-01T02:00:00Z' });
  out = await applicant(t, w, { fullName: 'Loại Hồ Sơ', status: 'screened_out' });
  const [m1, m2, m3] = w.members as [RecruitmentWorld['members'][number], RecruitmentWorld['members'][number], RecruitmentWorld['members'][number]];
  const sheets: Array<[Candidate, number[], number[]]> = [
    // Interview A levels by m1, m2, m3 (median); B likewise.
    [x, [2, 3, 4], [2, 2, 1]], // A median 3 (2 apart: flagged), B 2
    [y, [4, 4, 4], [1, 2, 1]], // A 4, B 1
    [z, [3, 3, 3], [2, 2, 2]], // A 3, B 2
  ];
  for (const [c, a, b] of sheets) {
    for (const [i, m] of [m1, m2, m3].entries()) expect((await rate(w, m, c.applicationId, a[i]!, b[i]!)).statusCode).toBe(200);
  }
  // Test: 50 % → level 3, 20 % → level 2, 80 % → 5, 40 % → 3.
  for (const [c, a, b] of [
    [x, 50, 20],
    [y, 80, 40],
    [z, 50, 20],
  ] as const) {
    expect((await paperScores(w, c.applicationId, a, b)).statusCode).toBe(200);
  }
});

afterAll(async () => {
  await t.close();
});

describe('the ranking', () => {
  it('computes the fit, the shortfalls and the order by hand', async () => {
    const answer = await w.hrA.get(`/api/recruitment/campaigns/${w.campaignId}/ranking?factor=2`);
    expect(answer.statusCode, answer.body).toBe(200);
    const [position] = answer.json().positions;
    // Y: A = 0.6·4 + 0.4·5 = 4.4 (capped 4), B = 0.6·1 + 0.4·3 = 1.8 → (1·4/4 + 2·1.8/2)/3 = 2.8/3 = 93.33.
    // X and Z: A = 0.6·3 + 0.4·3 = 3, B = 0.6·2 + 0.4·2 = 2 → (3/4 + 2)/3 = 91.67; equal stage fits too, so the
    // campaign's next rule decides: Z applied first.
    expect(
      position.candidates.map((c: { fullName: string; rank: number; fit: number; decidedBy: string | null; shortlisted: boolean }) => [
        c.fullName,
        c.rank,
        c.fit,
        c.decidedBy,
        c.shortlisted,
      ]),
    ).toEqual([
      ['Phạm Văn Yên', 1, 93.33, null, true],
      ['Đỗ Thị Zung', 2, 91.67, null, true],
      ['=HYPERLINK("http://x")', 3, 91.67, 'earlier_submission', false],
    ]);
    const [cy, , cx] = position.candidates;
    expect(cy.shortfalls).toEqual([expect.objectContaining({ competencyId: w.framework.competencyIds[1], requiredLevel: 2, assessedLevel: 1.8, gap: 0.2 })]);
    expect(cx.shortfalls).toEqual([expect.objectContaining({ competencyId: w.framework.competencyIds[0], requiredLevel: 4, assessedLevel: 3, gap: 1 })]);
    // X's panel disagreed on A by two levels.
    expect(cx.disagreements).toBe(1);
    expect(cx.stageFits).toEqual([
      { stageId: w.stages.interview, fit: 91.67 },
      { stageId: w.stages.test, fit: 91.67 },
    ]);
    // The screened-out application is not ranked.
    expect(position.candidates.map((c: { applicationId: string }) => c.applicationId)).not.toContain(out.applicationId);
  });

  it('follows the rules the campaign states, and a threshold shortlist', async () => {
    await t.db
      .updateTable('recruitment_campaigns')
      .set({ tie_break: JSON.stringify([]) })
      .where('id', '=', w.campaignId)
      .execute();
    const equal = (await w.hrA.get(`/api/recruitment/campaigns/${w.campaignId}/ranking`)).json().positions[0].candidates;
    expect(equal.map((c: { rank: number; tied: boolean }) => [c.rank, c.tied])).toEqual([
      [1, false],
      [2, false],
      [2, true],
    ]);
    await t.db
      .updateTable('recruitment_campaigns')
      .set({ tie_break: JSON.stringify(['highest_weight_stage', 'earlier_submission']) })
      .where('id', '=', w.campaignId)
      .execute();
    const above = (await w.hrA.get(`/api/recruitment/campaigns/${w.campaignId}/ranking?threshold=92`)).json().positions[0].candidates;
    expect(above.filter((c: { shortlisted: boolean }) => c.shortlisted).map((c: { applicationId: string }) => c.applicationId)).toEqual([y.applicationId]);
  });

  it('exports the ranking as xlsx, names stored as text, and as PDF', async () => {
    const xlsx = await w.hrA.get(`/api/recruitment/campaigns/${w.campaignId}/ranking.xlsx?factor=2`, { 'accept-language': 'en' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Full name');
    const names = [2, 3, 4].map((r) => sheet.getRow(r).getCell(3).value);
    expect(names).toEqual(['Phạm Văn Yên', 'Đỗ Thị Zung', `'=HYPERLINK("http://x")`]);
    expect(sheet.getRow(4).getCell(3).formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(4).value).toBe(93.33);
    expect(sheet.getRow(4).getCell(7).value).toBe('earlier application');
    const pdf = await w.hrA.get(`/api/recruitment/campaigns/${w.campaignId}/ranking.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The fits in the reader's number format: a decimal comma in Vietnamese, a point in English.
    const vi = pdfText(pdf.rawPayload);
    expect(vi).toContain('Kết quả xếp hạng ứng viên');
    expect(vi).toContain('93,33');
    expect(vi).not.toContain('93.33');
    const en = pdfText((await w.hrA.get(`/api/recruitment/campaigns/${w.campaignId}/ranking.pdf`, { 'accept-language': 'en' })).rawPayload);
    expect(en).toContain('Candidate ranking');
    expect(en).toContain('93.33');
  });

  it('shows the fairness view per panel member (hand-computed)', async () => {
    const answer = await w.members[0]!.agent.get(`/api/recruitment/campaigns/${w.campaignId}/fairness`);
    expect(answer.statusCode, answer.body).toBe(200);
    const byUser = new Map(answer.json().members.map((m: { userId: string }) => [m.userId, m]));
    // m1's own fits: X (A 2, B 2) (0.5 + 2)/3 = 83.33; Y (4, 1) (1 + 1)/3 = 66.67; Z (3, 2) 91.67.
    expect(byUser.get(w.members[0]!.userId)).toMatchObject({
      sheets: 3,
      fits: { count: 3, mean: 80.56, median: 83.33, min: 66.67, max: 91.67 },
    });
    // m3 against the others' medians: X A 4 − 2.5, X B 1 − 2, Y B 1 − 1.5, the rest 0 → mean 0, mean |·| 3/6 = 0.5.
    expect(byUser.get(w.members[2]!.userId)).toMatchObject({ compared: 6, meanDeviation: 0, meanAbsoluteDeviation: 0.5, flag: null });
    // The member who has not declared (and rated nothing) is listed without figures.
    expect(byUser.get(w.undeclared.userId)).toMatchObject({ sheets: 0, fits: null });
  });

  it('is read by HR of the agency and the panel; another agency’s HR and a candidate find nothing', async () => {
    expect((await w.members[1]!.agent.get(`/api/recruitment/campaigns/${w.campaignId}/ranking`)).statusCode).toBe(200);
    expect((await w.hrB.get(`/api/recruitment/campaigns/${w.campaignId}/ranking`)).statusCode).toBe(404);
    expect((await w.hrB.get(`/api/recruitment/campaigns/${w.campaignId}/fairness`)).statusCode).toBe(404);
    expect((await w.hrB.get(`/api/recruitment/campaigns/${w.campaignId}/ranking.xlsx`)).statusCode).toBe(404);
    expect((await x.agent!.get(`/api/recruitment/campaigns/${w.campaignId}/ranking`)).statusCode).toBe(403);
  });
});

describe('the candidate’s result', () => {
  it('is hidden until HR publishes the results, then shows their own only', async () => {
    const before = await y.agent!.get('/api/recruitment/my-results');
    expect(before.statusCode).toBe(200);
    expect(before.json().items).toEqual([expect.objectContaining({ id: y.applicationId, resultsPublished: false, result: null })]);
    expect((await w.hrB.post(`/api/recruitment/campaigns/${w.campaignId}/results/publish`)).statusCode).toBe(404);
    const published = await w.hrA.post(`/api/recruitment/campaigns/${w.campaignId}/results/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const after = (await y.agent!.get('/api/recruitment/my-results')).json();
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ resultsPublished: true, result: { fit: 93.33, rank: 1, of: 3 } });
    expect(JSON.stringify(after)).not.toContain('Zung');
  });

  it('records the shortlist, audited', async () => {
    const recorded = await w.hrA.post(`/api/recruitment/campaigns/${w.campaignId}/shortlist`, { factor: 2 });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const statuses = await t.db.selectFrom('recruitment_applications').select(['id', 'status']).where('campaign_id', '=', w.campaignId).execute();
    const of = new Map(statuses.map((s) => [s.id, s.status]));
    expect([of.get(y.applicationId), of.get(z.applicationId), of.get(x.applicationId), of.get(out.applicationId)]).toEqual([
      'shortlisted',
      'shortlisted',
      'screened_in',
      'screened_out',
    ]);
    const audit = await t.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', w.campaignId).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['publish_results', 'shortlist']);
  });
});
