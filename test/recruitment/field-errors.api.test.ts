// The sign-up, apply and paper-application forms show each refusal next to its field (issue 17, r17c): the API
// names the field of every refusal, as a validation path or as `details.field`; a paper application keeps the
// candidate's identity number for the match at appointment.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { applicationBody, newCandidate, publishedCampaign } from './recruitment-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t?.close());

const paths = (answer: { json: () => { error: { details: Array<{ path: string }> } } }) => answer.json().error.details.map((d) => d.path);

describe('refusals name their field', () => {
  test('sign-up: a taken name, a short password, an identity number that is not 12 digits', async () => {
    const anonymous = t.anonymous();
    const body = { username: 'ungvien', password: 'Mat-khau-rat-dai-2026', fullName: 'Ai Đó', email: 'ai.do@example.vn' };
    const taken = await anonymous.post('/api/recruitment/public/sign-up', body);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'recruitment_username_taken', details: { field: 'username' } });
    const bad = await anonymous.post('/api/recruitment/public/sign-up', { ...body, username: 'ai.do.khac', password: 'ngan', identityNumber: '0123' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad).sort()).toEqual(['identityNumber', 'password']);
    const ok = await anonymous.post('/api/recruitment/public/sign-up', { ...body, username: 'ai.do.dung', identityNumber: '001 098 012 345' });
    expect(ok.statusCode, ok.body).toBeLessThan(300);
    const row = await t.db
      .selectFrom('recruitment_candidates as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .select('k.identity_number')
      .where('u.username', '=', 'ai.do.dung')
      .executeTakeFirstOrThrow();
    expect(row.identity_number).toBe('001098012345');
  });

  test('apply: a position outside the campaign, a document that is not a PDF or an image, no consent', async () => {
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr);
    const me = await newCandidate(t, { fullName: 'Đặng Thị Hoa' });
    const foreign = await me.agent.post(`/api/recruitment/campaigns/${id}/applications`, applicationBody(crypto.randomUUID()));
    expect(foreign.json().error).toMatchObject({ code: 'recruitment_position_not_in_campaign', details: { field: 'positionId' } });
    const text = await me.agent.post(
      `/api/recruitment/campaigns/${id}/applications`,
      applicationBody(positions[0]!, [{ bytes: Buffer.from('not a pdf'), fileName: 'cv.pdf' }]),
    );
    expect(text.json().error).toMatchObject({ code: 'recruitment_document_invalid', details: { field: 'documents' } });
    const noConsent = await me.agent.post(`/api/recruitment/campaigns/${id}/applications`, { ...applicationBody(positions[0]!), consentVersion: 'old' });
    expect(noConsent.json().error).toMatchObject({ code: 'recruitment_consent_required', details: { field: 'consentVersion' } });
  });

  test('paper application: the candidate’s fields by their path; the identity number is kept', async () => {
    const hr = await t.signIn('hr.danang');
    const { id, positions } = await publishedCampaign(t, hr);
    const bad = await hr.post(`/api/recruitment/campaigns/${id}/paper-applications`, {
      ...applicationBody(positions[0]!),
      candidate: { fullName: '', email: 'khong-phai-thu', identityNumber: '12' },
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad).sort()).toEqual(['candidate.email', 'candidate.fullName', 'candidate.identityNumber']);
    const ok = await hr.post(`/api/recruitment/campaigns/${id}/paper-applications`, {
      ...applicationBody(positions[0]!),
      candidate: { fullName: 'Võ Văn Thư', dateOfBirth: '1990-01-01', identityNumber: '048090001234' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const row = await t.db
      .selectFrom('recruitment_applications as a')
      .innerJoin('recruitment_candidates as k', 'k.id', 'a.candidate_id')
      .select(['k.identity_number', 'a.source'])
      .where('a.id', '=', ok.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ identity_number: '048090001234', source: 'paper' });
  });
});
