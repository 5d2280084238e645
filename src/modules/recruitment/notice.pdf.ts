import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import type { Language } from '../../platform/i18n/language.js';
import { formatDate, formatDateTime, formatPercent } from '../../platform/text/formats.js';
import type { TieBreakRule } from './campaign-rules.js';

export interface NoticeContent {
  code: string;
  title: string;
  agencyName: string;
  notice: string;
  applicationsOpenAt: Date | null;
  applicationsCloseAt: Date | null;
  tieBreak: TieBreakRule[];
  retentionMonths: number;
  posts: Array<{
    positionCode: string;
    positionTitle: string;
    posts: number;
    profile: Array<{ code: string; name: string; nameEn: string; requiredLevel: number; criticality: number }>;
  }>;
  stages: Array<{ kind: string; name: string; startsOn: string | null; endsOn: string | null; weight: number }>;
}

const TEXT = {
  vi: {
    heading: 'THÔNG BÁO TUYỂN DỤNG CÔNG CHỨC',
    basis: 'Tuyển dụng vào vị trí việc làm theo Luật Cán bộ, công chức số 80/2025/QH15; khung năng lực của vị trí là căn cứ đánh giá.',
    code: 'Mã kỳ tuyển dụng',
    window: (from: string, to: string) => `Thời hạn nhận hồ sơ: từ ${from} đến ${to}`,
    posts: 'Vị trí tuyển dụng và chỉ tiêu',
    postColumns: ['Mã', 'Vị trí việc làm', 'Chỉ tiêu'],
    profile: (title: string) => `Khung năng lực yêu cầu — ${title}`,
    profileColumns: ['Mã', 'Năng lực', 'Mức yêu cầu', 'Mức độ quan trọng'],
    stages: 'Các vòng tuyển dụng',
    stageColumns: ['Vòng', 'Thời gian', 'Trọng số'],
    tieBreak: 'Khi bằng điểm, ưu tiên theo thứ tự',
    rules: {
      highest_weight_stage: 'Điểm cao hơn ở vòng có trọng số lớn nhất',
      digital_fit: 'Mức phù hợp cao hơn về năng lực chính phủ số',
      priority: 'Thuộc đối tượng ưu tiên theo quy định',
      earlier_submission: 'Nộp hồ sơ sớm hơn',
    },
    retention: (m: number) => `Dữ liệu cá nhân của người dự tuyển được lưu ${m} tháng sau khi kỳ tuyển dụng kết thúc rồi được xoá (Nghị định 13/2023/NĐ-CP).`,
    none: '—',
  },
  en: {
    heading: 'NOTICE OF CIVIL SERVICE RECRUITMENT',
    basis: 'Recruitment into a job position under Law 80/2025/QH15 on cadres and civil servants; the position’s competency profile is the yardstick.',
    code: 'Campaign code',
    window: (from: string, to: string) => `Applications from ${from} to ${to}`,
    posts: 'Positions and posts',
    postColumns: ['Code', 'Job position', 'Posts'],
    profile: (title: string) => `Required profile — ${title}`,
    profileColumns: ['Code', 'Competency', 'Required level', 'Criticality'],
    stages: 'Stages',
    stageColumns: ['Stage', 'Dates', 'Weight'],
    tieBreak: 'Equal scores are broken, in order, by',
    rules: {
      highest_weight_stage: 'Higher score in the highest-weight stage',
      digital_fit: 'Higher digital-government fit',
      priority: 'Priority category under the law',
      earlier_submission: 'Earlier submission',
    },
    retention: (m: number) => `Candidates’ personal data is kept for ${m} months after the campaign ends, then erased (Decree 13/2023/NĐ-CP).`,
    none: '—',
  },
} as const;

/**
 * The published notice as a printable PDF. HR's text (title, notice, stage names) goes in as text runs,
 * never as markup, so hostile text prints as the characters it is.
 */
export async function noticePdf(content: NoticeContent, language: Language): Promise<Buffer> {
  const text = TEXT[language];
  // The shared formats: dd/mm/yyyy hh:mm in the deployment's zone (vi-VN's short style wrote "14:08 3/12/26"), 25 %.
  const at = (d: Date | null) => (d ? formatDateTime(d, language) : '—');
  const day = (d: string | null) => (d ? formatDate(d, language) : '');
  const doc = createPdf({ title: `${content.code} — ${content.title}`, language });
  doc.font(PDF_FONTS.regular).fontSize(10).text(content.agencyName.toUpperCase(), { align: 'center' });
  doc.moveDown(0.6).font(PDF_FONTS.bold).fontSize(14).text(text.heading, { align: 'center' });
  doc.moveDown(0.3).fontSize(12).text(content.title, { align: 'center' });
  doc.moveDown(0.3).font(PDF_FONTS.regular).fontSize(9.5).text(`${text.code}: ${content.code}`, { align: 'center' });
  doc.moveDown(0.6).text(text.basis);
  doc
    .moveDown(0.4)
    .font(PDF_FONTS.bold)
    .text(text.window(at(content.applicationsOpenAt), at(content.applicationsCloseAt)));
  if (content.notice.trim() !== '') doc.moveDown(0.6).font(PDF_FONTS.regular).fontSize(10).text(content.notice);
  doc.moveDown(0.8).font(PDF_FONTS.bold).fontSize(11).text(text.posts);
  doc.moveDown(0.3);
  drawTable(
    doc,
    text.postColumns.map((header, i) => ({ header, width: [90, 330, 79][i]!, align: i === 2 ? 'right' : 'left' })),
    content.posts.map((p) => [p.positionCode, p.positionTitle, String(p.posts)]),
  );
  for (const post of content.posts) {
    if (post.profile.length === 0) continue;
    doc.moveDown(0.4).font(PDF_FONTS.bold).fontSize(10).text(text.profile(post.positionTitle));
    doc.moveDown(0.2);
    drawTable(
      doc,
      text.profileColumns.map((header, i) => ({ header, width: [70, 289, 70, 70][i]!, align: i >= 2 ? 'right' : 'left' })),
      post.profile.map((r) => [r.code, language === 'en' ? r.nameEn || r.name : r.name, String(r.requiredLevel), String(r.criticality)]),
    );
  }
  doc.moveDown(0.6).font(PDF_FONTS.bold).fontSize(11).text(text.stages);
  doc.moveDown(0.3);
  drawTable(
    doc,
    text.stageColumns.map((header, i) => ({ header, width: [259, 160, 80][i]!, align: i === 2 ? 'right' : 'left' })),
    content.stages.map((s) => [s.name, [day(s.startsOn), day(s.endsOn)].filter(Boolean).join(' – ') || text.none, formatPercent(s.weight, language, 0)]),
  );
  if (content.tieBreak.length > 0) {
    doc.moveDown(0.4).font(PDF_FONTS.bold).fontSize(10).text(text.tieBreak);
    content.tieBreak.forEach((rule, i) => doc.font(PDF_FONTS.regular).text(`${i + 1}. ${text.rules[rule]}`));
  }
  doc.moveDown(0.8).font(PDF_FONTS.regular).fontSize(9).fillColor('#444').text(text.retention(content.retentionMonths));
  return pdfToBuffer(doc);
}
