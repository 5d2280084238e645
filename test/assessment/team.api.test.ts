// The leader's team view, its printable report and the national report, through the HTTP API:
// who may see which team, completion in the running cycle, and gaps from consolidated results only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seedDemoAssessments } from '../../src/dataset/demo-assessments.js';
import { openCycleFromNewest } from './open-cycle.js';
import { today } from '../../src/platform/clock.js';
import { pdfText } from '../support/pdf-text.js';

let t: TestApp;
let cycleId: string;
const personOf = async (username: string) =>
  (await t.db.selectFrom('users').select('person_id').where('username', '=', username).executeTakeFirstOrThrow()).person_id!;
const shift = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isPdf = (body: Buffer) => body.subarray(0, 5).toString() === '%PDF-' && /\/Type \/Page\b/.test(body.toString('latin1'));

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoAssessments(t.db);
  cycleId = await openCycleFromNewest(t.db, { opensOn: shift(-5), closesOn: shift(20), agencyId: await t.agencyId('HN') });
}, 240_000);
afterAll(async () => t?.close());

interface Team {
  leader: { personId: string };
  basis: string;
  openCycles: Array<{ id: string }>;
  completion: { total: number; submitted: number; share: number };
  members: Array<{ personId: string; formsToFill: { total: number; submitted: number }; competenciesBelow: number | null }>;
  resultsCycle: { id: string } | null;
  gaps: Array<{ competencyId: string; people: number; below: number; meanGap: number | null }>;
}

describe('GET /api/assessments/team', () => {
  it('gives a leader the people they rate as direct leader, their forms in the running cycle and the team’s gaps', async () => {
    const leader = await t.signIn('leader.hanoi');
    // One of the team has submitted a form of the running cycle.
    const lan = await personOf('canbo.hanoi');
    await t.db
      .updateTable('assessment_assignments')
      .set({ status: 'submitted', submitted_at: new Date() })
      .where('cycle_id', '=', cycleId)
      .where('rater_person_id', '=', lan)
      .where('source', '=', 'self')
      .execute();

    const response = await leader.get('/api/assessments/team');
    expect(response.statusCode, response.body).toBe(200);
    const team: Team = response.json();
    const leaderId = await personOf('leader.hanoi');
    const { rows: rated } = await t.db
      .selectFrom('assessment_assignments')
      .select('subject_id')
      .distinct()
      .where('cycle_id', '=', cycleId)
      .where('source', '=', 'leader')
      .where('rater_person_id', '=', leaderId)
      .where('subject_id', '<>', leaderId)
      .execute()
      .then((rows) => ({ rows }));
    expect(team.basis).toBe('direct_reports');
    expect(team.members.map((m) => m.personId).sort()).toEqual(rated.map((r) => r.subject_id).sort());
    expect(team.members.map((m) => m.personId)).not.toContain(leaderId);
    expect(team.openCycles.map((c) => c.id)).toContain(cycleId);

    const forms = await t.db
      .selectFrom('assessment_assignments')
      .select(['status'])
      .where('cycle_id', '=', cycleId)
      .where(
        'rater_person_id',
        'in',
        rated.map((r) => r.subject_id),
      )
      .execute();
    expect(team.completion.total).toBe(forms.length);
    expect(team.completion.submitted).toBe(forms.filter((f) => f.status === 'submitted').length);
    expect(team.members.find((m) => m.personId === lan)!.formsToFill.submitted).toBe(1);
  });

  it('computes the gaps from the consolidated results of the newest closed cycle, never from raters’ forms', async () => {
    const team: Team = (await (await t.signIn('leader.hanoi')).get('/api/assessments/team')).json();
    expect(team.resultsCycle).not.toBeNull();
    expect(team.resultsCycle!.id).not.toBe(cycleId);
    const ids = team.members.map((m) => m.personId);
    const results = await t.db
      .selectFrom('assessment_results')
      .select(['person_id', 'competency_id', 'assessed_level', 'required_level'])
      .where('cycle_id', '=', team.resultsCycle!.id)
      .where('person_id', 'in', ids)
      .execute();
    const gap = team.gaps[0]!;
    const rows = results.filter((r) => r.competency_id === gap.competencyId);
    const withRequirement = rows.filter((r) => r.required_level !== null);
    const shortfalls = withRequirement.map((r) => Math.max(r.required_level! - Number(r.assessed_level), 0));
    expect(gap.people).toBe(rows.length);
    expect(gap.below).toBe(shortfalls.filter((s) => s > 0).length);
    expect(gap.meanGap).toBeCloseTo(shortfalls.reduce((a, b) => a + b, 0) / withRequirement.length, 2);
    // The answer carries no rater and no individual rating.
    const body = JSON.stringify(team);
    for (const word of ['rater', 'rating', 'source_groups', 'sources']) expect(body).not.toContain(word);
  });

  it('refuses a leader another leader’s team, a civil servant any team, and HR of another province', async () => {
    const danangLeader = await personOf('leader.danang');
    const hanoiLeader = await personOf('leader.hanoi');
    expect((await (await t.signIn('leader.hanoi')).get(`/api/assessments/team?leaderId=${danangLeader}`)).statusCode).toBe(403);
    expect((await (await t.signIn('canbo.hanoi')).get('/api/assessments/team')).statusCode).toBe(403);
    expect((await (await t.signIn('trainer')).get('/api/assessments/team')).statusCode).toBe(403);
    expect((await (await t.signIn('hr.danang')).get(`/api/assessments/team?leaderId=${hanoiLeader}`)).statusCode).toBe(404);
    expect((await (await t.signIn('hr.danang')).get(`/api/assessments/team/report.pdf?leaderId=${hanoiLeader}`)).statusCode).toBe(404);
  });

  it('lets HR of the leader’s province and the national administrator open it by naming the leader', async () => {
    const hanoiLeader = await personOf('leader.hanoi');
    const hr = await t.signIn('hr.hanoi');
    const missing = await hr.get('/api/assessments/team');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('team_leader_required');
    const byHr = await hr.get(`/api/assessments/team?leaderId=${hanoiLeader}`);
    expect(byHr.statusCode, byHr.body).toBe(200);
    const byAdmin = await (await t.signIn('admin')).get(`/api/assessments/team?leaderId=${hanoiLeader}`);
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().members.length).toBe(byHr.json().members.length);
  });

  it('prints the team report as a PDF', async () => {
    const response = await (await t.signIn('leader.hanoi')).get('/api/assessments/team/report.pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    expect(isPdf(response.rawPayload)).toBe(true);
  });

  it('writes the team report in the user’s language, with that language’s dates and numbers', async () => {
    const leader = await t.signIn('leader.hanoi');
    const [y, m, d] = today().split('-');
    const vi = pdfText((await leader.get('/api/assessments/team/report.pdf')).rawPayload).join('\n');
    expect(vi).toContain('BÁO CÁO NĂNG LỰC CỦA TẬP THỂ');
    expect(vi).toContain(`ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`);
    // Percentages with a no-break space before the sign, dates dd/mm/yyyy.
    expect(vi).toMatch(/đã nộp \d+\/\d+ \(\d+(,\d)?\u00a0%\)/);
    expect(vi).toMatch(/\(hạn \d{2}\/\d{2}\/\d{4}\)/);
    expect(vi).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    for (const english of [
      await leader.get('/api/assessments/team/report.pdf', { 'accept-language': 'en-GB,en;q=0.9' }),
      await leader.get('/api/assessments/team/report.pdf?language=en', { 'accept-language': 'vi-VN' }),
    ]) {
      expect(english.statusCode).toBe(200);
      expect(english.headers['content-disposition']).toContain('team-report.pdf');
      const en = pdfText(english.rawPayload).join('\n');
      expect(en).toContain('TEAM COMPETENCY REPORT');
      expect(en).toContain(
        `${Number(d)} ${new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(`${today()}T00:00:00Z`))} ${y}`,
      );
      expect(en).toMatch(/Forms the team must fill: \d+\/\d+ submitted \(\d+(\.\d)?%\)/);
      expect(en).toMatch(/\(closes \d{2}\/\d{2}\/\d{4}\)/);
      expect(en).not.toMatch(/BÁO CÁO|Họ và tên|Phiếu/);
    }
  });
});

describe('GET /api/needs/national-report.pdf', () => {
  it('prints the national report for the national administrator', async () => {
    const response = await (await t.signIn('admin')).get('/api/needs/national-report.pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    expect(isPdf(response.rawPayload)).toBe(true);
  });

  it('writes the national report in the user’s language, with that language’s number formats', async () => {
    const admin = await t.signIn('admin');
    const vi = pdfText((await admin.get('/api/needs/national-report.pdf')).rawPayload).join('\n');
    expect(vi).toContain('BÁO CÁO TOÀN QUỐC');
    expect(vi).toMatch(/Tỷ lệ lượt đánh giá chưa đạt yêu cầu: \d+(,\d)?\u00a0%; khoảng cách trung bình \d+,\d{2} cấp độ/);

    const response = await admin.get('/api/needs/national-report.pdf?language=en');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('national-report.pdf');
    const en = pdfText(response.rawPayload).join('\n');
    expect(en).toContain('NATIONAL REPORT');
    expect(en).toContain('MINISTRY OF HOME AFFAIRS');
    expect(en).toMatch(/Share of results below the requirement: \d+(\.\d)?%; mean gap \d+\.\d{2} levels/);
    expect(en).not.toMatch(/BÁO CÁO|Tỉnh, thành phố|lượt chưa đạt/);
    expect(pdfText((await admin.get('/api/needs/national-report.pdf', { 'accept-language': 'en' })).rawPayload).join('\n')).toContain('NATIONAL REPORT');
  });

  it('is the national administrator’s only', async () => {
    for (const username of ['hr.hanoi', 'leader.hanoi', 'canbo.hanoi', 'trainer', 'ungvien']) {
      expect((await (await t.signIn(username)).get('/api/needs/national-report.pdf')).statusCode, username).toBe(403);
    }
  });
});
