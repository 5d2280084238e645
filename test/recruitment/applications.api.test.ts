import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { setClock } from '../../src/platform/clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PDF_BYTES, PNG_BYTES, applicationBody, newCandidate, publishedCampaign } from './recruitment-fixtures.js';

// Issue 17 item 2 and the candidate's access: applications within the window, with consent, checked
// documents and a retention date; each candidate reaches only their own.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t?.close());
afterEach(() => setClock(null));

const count = async (table: 'recruitment_applications' | 'recruitment_documents' | 'recruitment_candidates') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('applying', () => {
  test('a candidate signs up, applies with consent and documents, and reads their own application; the retention date follows the close date', async () => {
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr, { applicationsCloseAt: '2027-01-31T10:00:00Z', retentionMonths: 6 });
    const me = await newCandidate(t, { fullName: 'Đoàn Thị Mai' });
    const res = await me.agent.post(
      `/api/recruitment/campaigns/${id}/applications`,
      applicationBody(positions[1]!, [{ bytes: PDF_BYTES }, { kind: 'diploma', fileName: 'bang.png', bytes: PNG_BYTES }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await me.agent.get(`/api/recruitment/applications/${res.json().id}`)).json();
    expect(detail).toMatchObject({
      candidateName: 'Đoàn Thị Mai',
      status: 'submitted',
      source: 'online',
      retainUntil: '2027-07-31',
      consentVersion: '2026-01',
    });
    expect(detail.documents.map((d: { mediaType: string }) => d.mediaType)).toEqual(['application/pdf', 'image/png']);
    const file = await me.agent.get(`/api/recruitment/documents/${detail.documents[1].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.rawPayload.equals(PNG_BYTES)).toBe(true);
    expect((await me.agent.get('/api/recruitment/applications/mine')).json().items.map((a: { id: string }) => a.id)).toEqual([res.json().id]);
    // Once per campaign.
    const again = await me.agent.post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(positions[0]!));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('recruitment_already_applied');
    // Completing the campaign moves the retention date to its end plus the months.
    setClock('2027-03-10T03:00:00Z');
    await hr.post(`/api/recruitment/campaigns/${id}/status/close`);
    await hr.post(`/api/recruitment/campaigns/${id}/status/complete`);
    expect((await me.agent.get(`/api/recruitment/applications/${res.json().id}`)).json().retainUntil).toBe('2027-09-10');
  });

  test('a member of staff applies with their own account; the candidate row links their register entry', async () => {
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr);
    const staff = await t.signIn('canbo.danang');
    const res = await staff.post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(positions[0]!));
    expect(res.statusCode, res.body).toBe(201);
    const candidate = await t.db
      .selectFrom('recruitment_applications as a')
      .innerJoin('recruitment_candidates as k', 'k.id', 'a.candidate_id')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .select(['k.person_id', 'u.person_id as userPerson', 'k.full_name'])
      .where('a.id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(candidate.person_id).toBe(candidate.userPerson);
    expect(candidate.person_id).not.toBeNull();
    // An HR officer has no register entry to apply with.
    expect((await hr.post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(positions[0]!))).statusCode).toBe(403);
  });

  test('after the deadline, before the opening, on a draft, without consent or to another position: a clear error and nothing written', async () => {
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr, { applicationsCloseAt: '2027-01-31T10:00:00Z' });
    const me = await newCandidate(t);
    const before = [await count('recruitment_applications'), await count('recruitment_documents'), await count('recruitment_candidates')];
    setClock('2027-01-31T10:00:00Z');
    const late = await me.agent.post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(positions[0]!));
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatchObject({ code: 'recruitment_window_closed', details: { window: 'closed' } });
    expect(late.json().error.message).toMatch(/thời hạn/);
    setClock(null);
    const future = await publishedCampaign(t, hr, { applicationsOpenAt: '2027-06-01T00:00:00Z', applicationsCloseAt: '2027-07-01T00:00:00Z' });
    expect(
      (await me.agent.post(`/api/recruitment/campaigns/${future.id}/applications`, applicationBody(future.positions[0]!))).json().error.details.window,
    ).toBe('not_yet_open');
    const noConsent = await me.agent.post(`/api/recruitment/campaigns/${id}/applications`, { ...applicationBody(positions[0]!), consentVersion: '2020-01' });
    expect(noConsent.json().error.code).toBe('recruitment_consent_required');
    const [hanoiPosition] = (await t.db.selectFrom('positions').select('id').where('code', '=', 'HN-SNV-VT').execute()).map((p) => p.id);
    expect((await me.agent.post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(hanoiPosition!))).json().error.code).toBe(
      'recruitment_position_not_in_campaign',
    );
    const draft = (await hr.post('/api/recruitment/campaigns', { code: 'NHAP-1', title: 'Nháp', posts: [{ positionId: positions[0], posts: 1 }] })).json().id;
    expect((await me.agent.post(`/api/recruitment/campaigns/${draft}/applications`, applicationBody(positions[0]!))).statusCode).toBe(404);
    expect([await count('recruitment_applications'), await count('recruitment_documents'), await count('recruitment_candidates')]).toEqual(before);
  });

  test('documents that are not PDF or images, empty, or over the limits are refused, naming each file, and nothing is written', async () => {
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr);
    const me = await newCandidate(t);
    const before = [await count('recruitment_applications'), await count('recruitment_documents')];
    const docx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const mixed = await me.agent.post(
      `/api/recruitment/campaigns/${id}/applications`,
      applicationBody(positions[0]!, [{ bytes: PDF_BYTES }, { fileName: 'cv.pdf', bytes: docx }, { bytes: Buffer.from('<svg onload="alert(1)"/>') }]),
    );
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().error).toMatchObject({
      code: 'recruitment_document_invalid',
      details: {
        problems: [
          { index: 1, problem: 'not_accepted_format' },
          { index: 2, problem: 'not_accepted_format' },
        ],
      },
    });
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await me.agent.post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(positions[0]!, [{ bytes: big }]));
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().error.details.problems[0]).toMatchObject({ index: 0, problem: 'too_large', maxBytes: 5 * 1024 * 1024 });
    const notBase64 = await me.agent.post(`/api/recruitment/campaigns/${id}/applications`, {
      ...applicationBody(positions[0]!),
      documents: [{ kind: 'cv', fileName: 'x.pdf', content: 'not base64!!' }],
    });
    expect(notBase64.statusCode).toBe(400);
    expect([await count('recruitment_applications'), await count('recruitment_documents')]).toEqual(before);
    // The candidate row exists from sign-up; it got no consent from the refused attempts.
    const row = await t.db.selectFrom('recruitment_candidates').select('consent_at').where('user_id', '=', me.userId).executeTakeFirstOrThrow();
    expect(row.consent_at).toBeNull();
  });

  test('HR enters a paper application received before the deadline; a candidate cannot', async () => {
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr);
    const paper = {
      ...applicationBody(positions[0]!),
      candidate: { fullName: 'Võ Văn Thư', email: 'thu@example.vn', phone: null, dateOfBirth: '1990-01-01' },
    };
    const res = await hr.post(`/api/recruitment/campaigns/${id}/paper-applications`, paper);
    expect(res.statusCode, res.body).toBe(201);
    expect((await hr.get(`/api/recruitment/applications/${res.json().id}`)).json()).toMatchObject({
      source: 'paper',
      candidateName: 'Võ Văn Thư',
      email: 'thu@example.vn',
    });
    expect((await (await t.signIn('ungvien')).post(`/api/recruitment/campaigns/${id}/paper-applications`, paper)).statusCode).toBe(403);
    expect((await (await t.signIn('hr.hanoi')).post(`/api/recruitment/campaigns/${id}/paper-applications`, paper)).statusCode).toBe(404);
  });
});

describe('who reaches an application', () => {
  test('another candidate, another agency’s HR and a panel member of another campaign get 404; the campaign’s HR and panel read it', async () => {
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr);
    const a = await newCandidate(t, { fullName: 'Ứng Viên A' });
    const b = await newCandidate(t, { fullName: 'Ứng Viên B' });
    const applicationId = (await a.agent.post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(positions[0]!))).json().id;
    const documentId = (await a.agent.get(`/api/recruitment/applications/${applicationId}`)).json().documents[0].id;
    const other = await publishedCampaign(t, hr);
    const expertId = (await t.db.selectFrom('users').select('id').where('username', '=', 'expert').executeTakeFirstOrThrow()).id;
    await hr.put(`/api/recruitment/campaigns/${other.id}/panel`, { members: [{ userId: expertId, panelRole: 'member' }] });
    const outsiders = [b.agent, await t.signIn('hr.hanoi'), await t.signIn('expert'), await t.signIn('canbo.hanoi'), await t.signIn('ungvien')];
    for (const outsider of outsiders) {
      expect((await outsider.get(`/api/recruitment/applications/${applicationId}`)).statusCode, outsider.username).toBe(404);
      expect((await outsider.get(`/api/recruitment/documents/${documentId}`)).statusCode, outsider.username).toBe(404);
    }
    expect((await b.agent.get('/api/recruitment/applications/mine')).json().items).toEqual([]);
    expect((await t.anonymous().get(`/api/recruitment/documents/${documentId}`)).statusCode).toBe(401);
    // HR of the agency, and the expert once on this campaign's panel.
    expect((await hr.get(`/api/recruitment/documents/${documentId}`)).statusCode).toBe(200);
    await hr.put(`/api/recruitment/campaigns/${id}/panel`, { members: [{ userId: expertId, panelRole: 'member' }] });
    const expert = await t.signIn('expert');
    expect((await expert.get(`/api/recruitment/documents/${documentId}`)).statusCode).toBe(200);
    expect((await expert.get(`/api/recruitment/applications/${applicationId}`)).json()).toMatchObject({ candidateName: 'Ứng Viên A' });
  });

  test('sign-up refuses a taken name and short passwords, and is rate-limited per name', async () => {
    const anonymous = t.anonymous();
    const body = { username: 'ungvien', password: 'Mat-khau-rat-dai-2026', fullName: 'Ai Đó', email: 'ai@example.vn' };
    expect((await anonymous.post('/api/recruitment/public/sign-up', body)).json().error.code).toBe('recruitment_username_taken');
    expect((await anonymous.post('/api/recruitment/public/sign-up', { ...body, username: 'ai.do', password: 'ngan' })).statusCode).toBe(400);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await anonymous.post('/api/recruitment/public/sign-up', body)).statusCode);
    expect(codes.slice(0, 3)).toEqual([409, 409, 409]);
    expect(codes.at(-1)).toBe(429);
  });
});
