import { createHash } from 'node:crypto';
import type { DemoSeeder } from '../../platform/modules/module-descriptor.js';
import { now } from '../../platform/clock.js';
import { foldForSearch } from '../../platform/text/vietnamese.js';
import { CONSENT_VERSION, retentionDate } from './campaign-rules.js';

const DAY = 24 * 60 * 60 * 1000;
/** A one-page PDF small enough to seed: the demo candidate's CV. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const CANDIDATES = [
  {
    username: 'ungvien',
    fullName: 'Trương Minh Khoa',
    email: 'ungvien@example.vn',
    phone: '0905 111 222',
    position: 'DN-SNV-CV-CNTT',
    source: 'online' as const,
  },
  { username: null, fullName: 'Lê Thị Hồng Nhung', email: 'hongnhung@example.vn', phone: '0905 333 444', position: 'DN-SNV-CV-CCHC', source: 'paper' as const },
  { username: null, fullName: 'Nguyễn Hoàng Phúc', email: null, phone: '0935 555 666', position: 'DN-SNV-CV-CCHC', source: 'paper' as const },
];

/**
 * One published campaign of Đà Nẵng with two positions, a panel (the department's leader as chair, the
 * national expert) and three candidates, `ungvien` among them: small, so the first start stays fast.
 */
export const recruitmentDemoSeed: DemoSeeder = async (trx, { agencyIds }) => {
  const agencyId = agencyIds.get('DN');
  if (!agencyId) return;
  const positions = await trx.selectFrom('positions').select(['id', 'code']).where('code', 'in', ['DN-SNV-CV-CCHC', 'DN-SNV-CV-CNTT']).execute();
  const users = await trx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['hr.danang', 'leader.danang', 'expert', 'ungvien']).execute();
  const userId = (name: string) => users.find((u) => u.username === name)?.id;
  if (positions.length < 2 || !userId('hr.danang')) return;
  const positionId = (code: string) => positions.find((p) => p.code === code)!.id;
  const at = now();
  const opensAt = new Date(at.getTime() - 7 * DAY);
  const closesAt = new Date(at.getTime() + 30 * DAY);
  const { id: campaignId } = await trx
    .insertInto('recruitment_campaigns')
    .values({
      agency_id: agencyId,
      code: 'DN-TD-2026-01',
      title: 'Tuyển dụng công chức Sở Nội vụ Đà Nẵng năm 2026',
      notice:
        'Sở Nội vụ thành phố Đà Nẵng thông báo tuyển dụng công chức vào các vị trí việc làm còn trống. Người dự tuyển nộp hồ sơ trực tuyến hoặc trực tiếp tại Sở trong thời hạn nhận hồ sơ.',
      status: 'published',
      applications_open_at: opensAt,
      applications_close_at: closesAt,
      tie_break: JSON.stringify(['highest_weight_stage', 'priority', 'digital_fit', 'earlier_submission']),
      retention_months: 12,
      published_at: opensAt,
      created_by: userId('hr.danang')!,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('recruitment_campaign_posts')
    .values([
      { campaign_id: campaignId, position_id: positionId('DN-SNV-CV-CCHC'), posts: 2 },
      { campaign_id: campaignId, position_id: positionId('DN-SNV-CV-CNTT'), posts: 1 },
    ])
    .execute();
  const day = (offset: number) => new Date(closesAt.getTime() + offset * DAY).toISOString().slice(0, 10);
  await trx
    .insertInto('recruitment_stages')
    .values([
      { campaign_id: campaignId, ordinal: 1, kind: 'screening', name: 'Xét hồ sơ', starts_on: day(1), ends_on: day(7), weight: 0 },
      { campaign_id: campaignId, ordinal: 2, kind: 'knowledge_test', name: 'Thi kiến thức chung', starts_on: day(14), ends_on: day(14), weight: 0.4 },
      { campaign_id: campaignId, ordinal: 3, kind: 'interview', name: 'Phỏng vấn chuyên môn', starts_on: day(21), ends_on: day(22), weight: 0.6 },
    ])
    .execute();
  const panel = [
    { user: 'leader.danang', role: 'chair' as const, declared: true },
    { user: 'expert', role: 'member' as const, declared: false },
  ].filter((m) => userId(m.user));
  if (panel.length > 0)
    await trx
      .insertInto('recruitment_panel_members')
      .values(panel.map((m) => ({ campaign_id: campaignId, user_id: userId(m.user)!, panel_role: m.role, declared_at: m.declared ? at : null })))
      .execute();
  const retainUntil = retentionDate({ retentionMonths: 12, applicationsCloseAt: closesAt, completedAt: null }, at);
  for (const [i, c] of CANDIDATES.entries()) {
    const account = c.username ? userId(c.username) : undefined;
    if (c.username && !account) continue;
    const { id: candidateId } = await trx
      .insertInto('recruitment_candidates')
      .values({
        user_id: account ?? null,
        full_name: c.fullName,
        search_name: foldForSearch(c.fullName),
        email: c.email,
        phone: c.phone,
        consent_at: opensAt,
        consent_version: CONSENT_VERSION,
        retain_until: retainUntil,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: applicationId } = await trx
      .insertInto('recruitment_applications')
      .values({
        campaign_id: campaignId,
        position_id: positionId(c.position),
        candidate_id: candidateId,
        agency_id: agencyId,
        source: c.source,
        submitted_at: new Date(opensAt.getTime() + (i + 1) * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('recruitment_documents')
      .values({
        application_id: applicationId,
        kind: 'cv',
        file_name: 'so-yeu-ly-lich.pdf',
        media_type: 'application/pdf',
        size_bytes: DEMO_PDF.length,
        sha256: createHash('sha256').update(DEMO_PDF).digest('hex'),
        content: DEMO_PDF,
      })
      .execute();
  }
};
