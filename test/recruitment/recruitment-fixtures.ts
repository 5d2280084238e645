import { expect } from 'vitest';
import type { Agent, TestApp } from '../support/test-app.js';
import { CONSENT_VERSION } from '../../src/modules/recruitment/campaign-rules.js';

const DAY = 24 * 60 * 60 * 1000;
export const PDF_BYTES = Buffer.from('%PDF-1.4\n% a candidate’s CV\n%%EOF\n', 'utf8');
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export async function positionIds(t: TestApp, codes: string[]): Promise<string[]> {
  const rows = await t.db.selectFrom('positions').select(['id', 'code']).where('code', 'in', codes).execute();
  return codes.map((code) => rows.find((r) => r.code === code)!.id);
}

export function campaignInput(positions: string[], overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    code: `TD-${Math.random().toString(36).slice(2, 8)}`,
    title: 'Tuyển dụng chuyên viên năm 2026',
    notice: 'Thông báo tuyển dụng công chức vào vị trí việc làm.',
    applicationsOpenAt: new Date(now - DAY).toISOString(),
    applicationsCloseAt: new Date(now + 20 * DAY).toISOString(),
    tieBreak: ['highest_weight_stage', 'priority', 'earlier_submission'],
    retentionMonths: 12,
    posts: positions.map((positionId, i) => ({ positionId, posts: i + 1 })),
    stages: [
      { kind: 'screening', name: 'Xét hồ sơ', weight: 0 },
      { kind: 'knowledge_test', name: 'Thi kiến thức', startsOn: '2026-12-20', endsOn: '2026-12-20', weight: 0.4 },
      { kind: 'interview', name: 'Phỏng vấn', weight: 0.6 },
    ],
    ...overrides,
  };
}

/** A campaign of Đà Nẵng's HR for the two IT/reform positions, published. */
export async function publishedCampaign(t: TestApp, hr: Agent, overrides: Record<string, unknown> = {}) {
  const positions = await positionIds(t, ['DN-SNV-CV-CCHC', 'DN-SNV-CV-CNTT']);
  const created = await hr.post('/api/recruitment/campaigns', campaignInput(positions, overrides));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await hr.post(`/api/recruitment/campaigns/${id}/status/publish`);
  expect(published.statusCode, published.body).toBe(204);
  return { id, positions };
}

export const applicationBody = (positionId: string, documents: Array<{ kind?: string; fileName?: string; bytes: Buffer }> = [{ bytes: PDF_BYTES }]) => ({
  positionId,
  consentVersion: CONSENT_VERSION,
  documents: documents.map((d) => ({ kind: d.kind ?? 'cv', fileName: d.fileName ?? 'cv.pdf', content: d.bytes.toString('base64') })),
});

let counter = 0;
/** A new candidate account through the public sign-up, signed in. */
export async function newCandidate(t: TestApp, particulars: { fullName?: string; email?: string; phone?: string } = {}) {
  counter++;
  const username = `ungvien.test${counter}.${Math.random().toString(36).slice(2, 6)}`;
  const password = 'Mat-khau-rat-dai-2026';
  const body = {
    username,
    password,
    fullName: particulars.fullName ?? `Người Dự Tuyển ${counter}`,
    email: particulars.email ?? `${username}@example.vn`,
    phone: particulars.phone ?? null,
  };
  const res = await t.anonymous().post('/api/recruitment/public/sign-up', body);
  expect(res.statusCode, res.body).toBe(201);
  return { agent: await t.signIn(username, password), userId: res.json().userId as string, ...body };
}
