import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pdfText } from '../support/pdf-text.js';
import { campaignInput, positionIds, publishedCampaign } from './recruitment-fixtures.js';

// Issue 17 items 1–3: campaigns for an agency's vacant positions, their panel, the published notice.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t?.close());

describe('campaigns', () => {
  test('HR creates a draft with posts, stages and tie-break rules; the detail shows each position’s profile', async () => {
    const hr = await t.signIn('hr.danang');
    const positions = await positionIds(t, ['DN-SNV-CV-CCHC', 'DN-SNV-CV-CNTT']);
    const input = campaignInput(positions);
    const res = await hr.post('/api/recruitment/campaigns', input);
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await hr.get(`/api/recruitment/campaigns/${res.json().id}`)).json();
    expect(detail).toMatchObject({ status: 'draft', code: input.code, tieBreak: input.tieBreak, retentionMonths: 12, canManage: true });
    expect(detail.posts.map((p: { posts: number }) => p.posts)).toEqual([1, 2]);
    expect(detail.posts[0].profile.length).toBeGreaterThan(0);
    expect(detail.posts[0].profile[0]).toMatchObject({ requiredLevel: expect.any(Number), criticality: expect.any(Number), name: expect.any(String) });
    expect(detail.stages.map((s: { kind: string; ordinal: number }) => [s.ordinal, s.kind])).toEqual([
      [1, 'screening'],
      [2, 'knowledge_test'],
      [3, 'interview'],
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'recruitment_campaign')
      .where('entity_id', '=', res.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    // The same code twice in one agency: 409.
    expect((await hr.post('/api/recruitment/campaigns', { ...input })).statusCode).toBe(409);
  });

  test('positions of another agency, duplicate rules and a window closing before it opens are refused', async () => {
    const hr = await t.signIn('hr.danang');
    const [hanoi] = await positionIds(t, ['HN-SNV-CV-CCVC']);
    expect((await hr.post('/api/recruitment/campaigns', campaignInput([hanoi!]))).json().error.code).toBe('position_not_in_agency');
    const [own] = await positionIds(t, ['DN-SNV-CV-CCHC']);
    expect((await hr.post('/api/recruitment/campaigns', campaignInput([own!], { tieBreak: ['priority', 'priority'] }))).statusCode).toBe(400);
    const backwards = campaignInput([own!], { applicationsOpenAt: '2026-12-31T00:00:00Z', applicationsCloseAt: '2026-12-01T00:00:00Z' });
    expect((await hr.post('/api/recruitment/campaigns', backwards)).json().error.code).toBe('recruitment_window_invalid');
    expect((await hr.post('/api/recruitment/campaigns', campaignInput([own!], { tieBreak: ['coin_toss'] }))).statusCode).toBe(400);
  });

  test('only a draft is editable; publishing checks the notice; the life cycle is draft → published → closed → completed', async () => {
    const hr = await t.signIn('hr.danang');
    const positions = await positionIds(t, ['DN-SNV-CV-CCHC']);
    const incomplete = campaignInput(positions, { stages: [{ kind: 'interview', name: 'Phỏng vấn', weight: 0.5 }], notice: '' });
    const { id } = (await hr.post('/api/recruitment/campaigns', incomplete)).json();
    const refused = await hr.post(`/api/recruitment/campaigns/${id}/status/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'recruitment_campaign_incomplete', details: { problems: ['weights_not_one', 'no_notice'] } });
    const fixed = campaignInput(positions, { code: incomplete.code, title: 'Đã sửa' });
    expect((await hr.put(`/api/recruitment/campaigns/${id}`, fixed)).statusCode).toBe(204);
    expect((await hr.post(`/api/recruitment/campaigns/${id}/status/close`)).json().error.code).toBe('recruitment_campaign_transition');
    expect((await hr.post(`/api/recruitment/campaigns/${id}/status/publish`)).statusCode).toBe(204);
    const edit = await hr.put(`/api/recruitment/campaigns/${id}`, { ...fixed, title: 'Sửa sau khi công bố' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('recruitment_campaign_not_draft');
    expect((await hr.post(`/api/recruitment/campaigns/${id}/status/close`)).statusCode).toBe(204);
    expect((await hr.post(`/api/recruitment/campaigns/${id}/status/complete`)).statusCode).toBe(204);
    expect((await hr.post(`/api/recruitment/campaigns/${id}/status/cancel`)).statusCode).toBe(409);
    const detail = (await hr.get(`/api/recruitment/campaigns/${id}`)).json();
    expect(detail).toMatchObject({ status: 'completed', title: 'Đã sửa' });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'publish', 'close', 'complete']);
  });

  test('HR of another agency, a civil servant and a candidate do not see the campaign (404 / 403)', async () => {
    const hr = await t.signIn('hr.danang');
    const { id } = await publishedCampaign(t, hr);
    for (const username of ['hr.hanoi', 'canbo.danang', 'ungvien']) {
      const other = await t.signIn(username);
      expect((await other.get(`/api/recruitment/campaigns/${id}`)).statusCode, username).toBe(404);
      expect((await other.get(`/api/recruitment/campaigns/${id}/applications`)).statusCode, username).toBe(404);
      expect(
        (await other.get('/api/recruitment/campaigns')).json().items.map((c: { id: string }) => c.id),
        username,
      ).not.toContain(id);
    }
    const hanoi = await t.signIn('hr.hanoi');
    expect((await hanoi.post(`/api/recruitment/campaigns/${id}/status/close`)).statusCode).toBe(404);
    expect((await (await t.signIn('canbo.danang')).post(`/api/recruitment/campaigns/${id}/status/close`)).statusCode).toBe(403);
    // The national administrator sees every agency's.
    expect((await (await t.signIn('admin')).get(`/api/recruitment/campaigns/${id}`)).statusCode).toBe(200);
  });
});

describe('the panel and conflicts of interest', () => {
  test('HR sets the panel from the agency’s users and experts; a member declares conflicts; canRate follows', async () => {
    const { canRate } = await import('../../src/modules/recruitment/panel.service.js');
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr);
    const userId = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const [leader, expert, hanoiLeader, candidateUser] = await Promise.all(['leader.danang', 'expert', 'leader.hanoi', 'ungvien'].map(userId));
    for (const outsider of [hanoiLeader!, candidateUser!]) {
      const refused = await hr.put(`/api/recruitment/campaigns/${id}/panel`, { members: [{ userId: outsider, panelRole: 'member' }] });
      expect(refused.json().error.code).toBe('recruitment_panel_member_invalid');
    }
    const choices = (await hr.get(`/api/recruitment/campaigns/${id}/panel/candidates`)).json().items.map((u: { userId: string }) => u.userId);
    expect(choices).toEqual(expect.arrayContaining([leader, expect.anything()]));
    expect(choices).toContain(expert);
    expect(choices).not.toContain(hanoiLeader);
    const set = await hr.put(`/api/recruitment/campaigns/${id}/panel`, {
      members: [
        { userId: leader, panelRole: 'chair' },
        { userId: expert, panelRole: 'member' },
      ],
    });
    expect(set.statusCode, set.body).toBe(204);

    // Two applications: ungvien's and a paper one.
    const { applicationBody } = await import('./recruitment-fixtures.js');
    const mine = await (await t.signIn('ungvien')).post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(positions[0]!));
    expect(mine.statusCode, mine.body).toBe(201);
    const paper = await hr.post(`/api/recruitment/campaigns/${id}/paper-applications`, {
      ...applicationBody(positions[1]!),
      candidate: { fullName: 'Phan Văn Giấy', email: null, phone: '0905 000 111', dateOfBirth: '1998-04-02' },
    });
    expect(paper.statusCode, paper.body).toBe(201);

    // Before declaring, nobody rates.
    expect(await canRate(t.db, id, leader!, mine.json().id)).toBe(false);
    const member = await t.signIn('leader.danang');
    expect((await member.get('/api/recruitment/panels/mine')).json().items.map((p: { campaignId: string }) => p.campaignId)).toContain(id);
    const form = (await member.get(`/api/recruitment/campaigns/${id}/declaration`)).json();
    expect(form).toMatchObject({ declaredAt: null, panelRole: 'chair' });
    expect(form.applications).toHaveLength(2);
    const declared = await member.put(`/api/recruitment/campaigns/${id}/declaration`, {
      conflicts: [{ applicationId: paper.json().id, reason: 'Người thân' }],
    });
    expect(declared.statusCode, declared.body).toBe(204);
    expect(await canRate(t.db, id, leader!, mine.json().id)).toBe(true);
    expect(await canRate(t.db, id, leader!, paper.json().id)).toBe(false);
    // The expert has not declared; a non-member never rates; an application of another campaign never.
    expect(await canRate(t.db, id, expert!, mine.json().id)).toBe(false);
    expect(await canRate(t.db, id, hanoiLeader!, mine.json().id)).toBe(false);
    const other = await publishedCampaign(t, hr);
    expect(await canRate(t.db, other.id, leader!, mine.json().id)).toBe(false);

    // A member reads the campaign and its applications, without the candidates' contact details.
    expect((await member.get(`/api/recruitment/campaigns/${id}`)).json()).toMatchObject({ canManage: false, isPanelMember: true });
    const list = (await member.get(`/api/recruitment/campaigns/${id}/applications`)).json().items;
    expect(list).toHaveLength(2);
    expect(list.every((a: { phone: string | null }) => a.phone === null)).toBe(true);
    // ... but not another campaign's, and no-one else's declaration.
    expect((await member.get(`/api/recruitment/campaigns/${other.id}`)).statusCode).toBe(404);
    expect((await (await t.signIn('canbo.danang')).get(`/api/recruitment/campaigns/${id}/declaration`)).statusCode).toBe(404);
    // The panel list shows the declaration; the trail keeps which applications, not the reason.
    const panel = (await hr.get(`/api/recruitment/campaigns/${id}`)).json().panel;
    expect(panel.find((m: { userId: string }) => m.userId === leader)).toMatchObject({ panelRole: 'chair', conflicts: 1, declaredAt: expect.any(String) });
    const trail = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'declare_conflicts')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(trail.after)).not.toContain('Người thân');
  });
});

describe('the published notice', () => {
  test('the public board lists published campaigns only, with no personal data; the notice is a PDF', async () => {
    const hr = await t.signIn('hr.danang');
    const { id } = await publishedCampaign(t, hr, { title: 'Thông báo <script>alert("x")</script> & “ngoặc”' });
    const draft = (await hr.post('/api/recruitment/campaigns', campaignInput(await positionIds(t, ['DN-SNV-CV-CCHC'])))).json().id;
    const anonymous = t.anonymous();
    const board = await anonymous.get('/api/recruitment/public/campaigns');
    expect(board.statusCode).toBe(200);
    const ids = board.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(draft);
    expect(board.body).not.toMatch(/panel|email|phone|Trương Minh Khoa/);
    const one = await anonymous.get(`/api/recruitment/public/campaigns/${id}`);
    expect(one.json()).toMatchObject({ title: 'Thông báo <script>alert("x")</script> & “ngoặc”', agencyName: expect.any(String) });
    expect(one.json().posts[0].profile.length).toBeGreaterThan(0);
    expect(one.body).not.toMatch(/panel|declared/);
    expect((await anonymous.get(`/api/recruitment/public/campaigns/${draft}`)).statusCode).toBe(404);
    const pdf = await anonymous.get(`/api/recruitment/public/campaigns/${id}/notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Dates dd/mm/yyyy (hh:mm for the application window) and weights as 40 % in Vietnamese, 40% in English.
    const notice = pdfText(pdf.rawPayload).join('\n');
    expect(notice).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(notice).toContain('20/12/2026');
    expect(notice).toContain('40\u00a0%');
    expect(notice).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2}\b(?!\d)|2026-12-20/);
    expect((await anonymous.get(`/api/recruitment/public/campaigns/${draft}/notice.pdf`)).statusCode).toBe(404);
    // HR proofreads the draft's notice.
    const proof = await hr.get(`/api/recruitment/campaigns/${draft}/notice.pdf`, { 'accept-language': 'en' });
    expect(proof.statusCode).toBe(200);
    expect(proof.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(proof.rawPayload).join('\n')).toMatch(/\b60%/);
  });
});
