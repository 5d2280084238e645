import ExcelJS from 'exceljs';
import type { Language } from '../../platform/i18n/language.js';
import { safeCell, safeRecord } from '../../platform/export/spreadsheet-safe.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import type { Ranking } from './ranking.service.js';
import { formatCount, formatNumber } from '../../platform/text/formats.js';

const LABELS = {
  vi: {
    sheet: 'Kết quả xếp hạng',
    title: 'Kết quả xếp hạng ứng viên',
    position: 'Vị trí việc làm',
    posts: 'Chỉ tiêu',
    rank: 'Thứ hạng',
    name: 'Họ và tên',
    fit: 'Mức phù hợp (%)',
    digital: 'Phù hợp năng lực số (%)',
    shortlisted: 'Danh sách rút gọn',
    tie: 'Phân định bằng',
    shortfalls: 'Năng lực chưa đạt (thiếu bao nhiêu cấp độ)',
    yes: 'Có',
    no: '',
    tied: 'Bằng điểm, chưa phân định',
    erased: '(đã xóa dữ liệu cá nhân)',
    rules: { highest_weight_stage: 'điểm vòng thi', digital_fit: 'năng lực số', priority: 'ưu tiên', earlier_submission: 'nộp hồ sơ sớm hơn' },
    note: 'Mức phù hợp: tỷ lệ yêu cầu của khung năng lực vị trí mà ứng viên đạt, có trọng số theo mức độ quan trọng.',
  },
  en: {
    sheet: 'Ranking',
    title: 'Candidate ranking',
    position: 'Job position',
    posts: 'Posts',
    rank: 'Rank',
    name: 'Full name',
    fit: 'Fit (%)',
    digital: 'Digital fit (%)',
    shortlisted: 'Shortlisted',
    tie: 'Tie broken by',
    shortfalls: 'Competencies below the required level (by how many levels)',
    yes: 'Yes',
    no: '',
    tied: 'Equal, not separated',
    erased: '(personal data erased)',
    rules: { highest_weight_stage: 'stage score', digital_fit: 'digital fit', priority: 'priority', earlier_submission: 'earlier application' },
    note: 'Fit: the share of the position profile’s required levels the candidate reaches, weighted by criticality.',
  },
} as const;

type Candidate = Ranking['positions'][number]['candidates'][number];

function texts(c: Candidate, language: Language) {
  const l = LABELS[language];
  return {
    name: c.fullName || l.erased,
    tie: c.tied ? l.tied : c.decidedBy ? l.rules[c.decidedBy] : '',
    shortfalls: c.shortfalls.map((s) => `${s.code} ${language === 'vi' ? s.name : s.nameEn} (−${s.gap})`).join('; '),
  };
}

/** The ranking as a workbook: one sheet, a block per position; names and competency texts neutralised against formulas. */
export async function rankingWorkbook(ranking: Ranking, language: Language): Promise<Buffer> {
  const l = LABELS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NangLuc';
  const sheet = workbook.addWorksheet(l.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: l.position, key: 'position', width: 30 },
    { header: l.rank, key: 'rank', width: 9 },
    { header: l.name, key: 'name', width: 30 },
    { header: l.fit, key: 'fit', width: 14, style: { numFmt: '0.00' } },
    { header: l.digital, key: 'digital', width: 16, style: { numFmt: '0.00' } },
    { header: l.shortlisted, key: 'shortlisted', width: 14 },
    { header: l.tie, key: 'tie', width: 22 },
    { header: l.shortfalls, key: 'shortfalls', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const p of ranking.positions) {
    for (const c of p.candidates) {
      const t = texts(c, language);
      sheet.addRow(
        safeRecord({
          position: language === 'vi' ? p.title : p.titleEn,
          rank: c.rank,
          name: t.name,
          fit: c.fit,
          digital: c.digitalFit,
          shortlisted: c.shortlisted ? l.yes : l.no,
          tie: t.tie,
          shortfalls: t.shortfalls,
        }),
      );
    }
  }
  sheet.addRow([]);
  sheet.addRow([safeCell(l.note)]).font = { italic: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The ranking and shortlist as a PDF for the panel's minutes. */
export async function rankingPdf(ranking: Ranking, language: Language): Promise<Buffer> {
  const l = LABELS[language];
  const doc = createPdf({ title: `${l.title} — ${ranking.campaign.title}`, landscape: true });
  doc.font(PDF_FONTS.bold).fontSize(14).text(l.title);
  doc.font(PDF_FONTS.regular).fontSize(11).text(`${ranking.campaign.code} — ${ranking.campaign.title}`);
  for (const p of ranking.positions) {
    doc.moveDown();
    doc
      .font(PDF_FONTS.bold)
      .fontSize(11)
      .text(`${language === 'vi' ? p.title : p.titleEn} — ${l.posts}: ${p.posts}`);
    doc.moveDown(0.3);
    drawTable(
      doc,
      [
        { header: l.rank, width: 45, align: 'right' },
        { header: l.name, width: 160 },
        { header: l.fit, width: 65, align: 'right' },
        { header: l.digital, width: 70, align: 'right' },
        { header: l.shortlisted, width: 65 },
        { header: l.tie, width: 95 },
        { header: l.shortfalls, width: 245 },
      ],
      p.candidates.map((c) => {
        const t = texts(c, language);
        return [
          formatCount(c.rank, language),
          t.name,
          formatNumber(c.fit, language, 2, true),
          formatNumber(c.digitalFit, language, 2, true),
          c.shortlisted ? l.yes : '',
          t.tie,
          t.shortfalls,
        ];
      }),
    );
  }
  doc.moveDown();
  doc.font(PDF_FONTS.regular).fontSize(8).text(l.note);
  return pdfToBuffer(doc);
}
