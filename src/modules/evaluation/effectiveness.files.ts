import ExcelJS from 'exceljs';
import type { Language } from '../../platform/i18n/language.js';
import { today } from '../../platform/clock.js';
import { formatDate } from '../../platform/text/formats.js';
import { safeCell, safeRow } from '../../platform/export/spreadsheet-safe.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import { FORMAT_LABELS } from '../training/records/labels.js';
import { signatureBlock } from '../training/records/learning-history.files.js';
import type { CourseFormat } from '../training/training.tables.js';
import { MIN_GROUP_SIZE, type EffectEstimate } from './effectiveness.js';
import type { EffectDimension } from './effectiveness.repository.js';
import type { courseEffectDetail, Labelled } from './effectiveness.service.js';

const VERDICTS: Record<EffectEstimate['verdict'], Record<Language, string>> = {
  raised: { vi: 'Nâng năng lực', en: 'Raises competency' },
  no_difference: { vi: 'Chưa thấy khác biệt', en: 'No difference seen' },
  lowered: { vi: 'Thấp hơn nhóm đối chứng', en: 'Below the comparison group' },
  too_small: { vi: `Nhóm quá nhỏ (dưới ${MIN_GROUP_SIZE} người)`, en: `Groups too small (under ${MIN_GROUP_SIZE})` },
};

const num = (n: number | null, language: Language = 'vi') =>
  n === null
    ? '—'
    : new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' }).format(n);
const interval = (e: EffectEstimate, language: Language = 'vi') => (e.low === null ? '—' : `[${num(e.low, language)}; ${num(e.high, language)}]`);

/** What the numbers mean, in a sentence the institution can read out. */
function statement(e: EffectEstimate): string {
  if (e.verdict === 'too_small')
    return `Có ${e.treatedN} học viên và ${e.comparisonN} người đối chứng: quá ít để kết luận (cần ít nhất ${MIN_GROUP_SIZE} người mỗi nhóm).`;
  return `Học viên tăng ${num(e.treatedChange)} mức, nhóm đối chứng (cùng năng lực, cùng mức thiếu hụt, cùng loại vị trí và cấp, chưa học) tăng ${num(e.comparisonChange)} mức: hiệu quả ${num(e.effect)} mức, khoảng tin cậy 95\u00a0% ${interval(e)}. Kết luận: ${VERDICTS[e.verdict].vi.toLowerCase()}.`;
}

type CourseDetail = Awaited<ReturnType<typeof courseEffectDetail>>;

/** A course's evaluation report for its institution (Vietnamese, as the other printed reports): the effect overall and by competency. */
export async function courseReportPdf(detail: CourseDetail): Promise<Buffer> {
  const title = 'BÁO CÁO ĐÁNH GIÁ HIỆU QUẢ KHÓA BỒI DƯỠNG';
  const doc = createPdf({ title, author: detail.course.institutionName });
  doc.font(PDF_FONTS.bold).fontSize(10).text(detail.course.institutionName.toUpperCase());
  doc.moveDown(1).fontSize(13).text(title, { align: 'center' });
  doc.moveDown(0.5).font(PDF_FONTS.regular).fontSize(11).text(`Khóa học: ${detail.course.title} (${detail.course.code})`, { align: 'center' });
  doc.text(`Hình thức: ${FORMAT_LABELS[detail.course.format]?.vi ?? detail.course.format}`, { align: 'center' });
  doc.moveDown(1).fontSize(10.5).text(statement(detail.overall));
  const o = detail.overall;
  doc
    .moveDown(0.5)
    .text(
      `Mức trung bình trước → sau: học viên ${num(o.treated.before).replace('+', '')} → ${num(o.treated.after).replace('+', '')}; nhóm đối chứng ${num(o.comparison.before).replace('+', '')} → ${num(o.comparison.after).replace('+', '')}.`,
    );
  doc.moveDown(1);
  drawTable(
    doc,
    [
      { header: 'Năng lực', width: 150 },
      { header: 'Học viên', width: 50, align: 'right' },
      { header: 'Đối chứng', width: 55, align: 'right' },
      { header: 'Hiệu quả (mức)', width: 60, align: 'right' },
      { header: 'Khoảng tin cậy 95\u00a0%', width: 90 },
      { header: 'Kết luận', width: 110 },
    ],
    detail.byCompetency.map((r) => [
      `${r.code ?? ''} ${r.label}`.trim(),
      String(r.treatedN),
      String(r.comparisonN),
      num(r.effect),
      interval(r),
      VERDICTS[r.verdict].vi,
    ]),
  );
  doc
    .font(PDF_FONTS.regular)
    .fontSize(9)
    .fillColor('#333')
    .text(
      'Phương pháp: chênh lệch kép giữa mức năng lực được đánh giá của học viên (đợt đánh giá trước khóa học và đợt theo dõi sau khóa học) và của nhóm đối chứng; khoảng tin cậy theo Welch. Chỉ số liệu tổng hợp, không nêu cá nhân.',
    );
  doc.fillColor('#111');
  signatureBlock(doc, 'NGƯỜI LẬP BÁO CÁO', 'THỦ TRƯỞNG CƠ SỞ ĐÀO TẠO');
  return pdfToBuffer(doc);
}

const SHEETS: Record<EffectDimension, Record<Language, string>> = {
  course: { vi: 'Khóa học', en: 'Courses' },
  institution: { vi: 'Cơ sở đào tạo', en: 'Institutions' },
  competency: { vi: 'Năng lực', en: 'Competencies' },
  format: { vi: 'Hình thức', en: 'Formats' },
};

const HEADERS: Record<Language, string[]> = {
  vi: [
    'Hạng',
    'Tên',
    'Mã',
    'Học viên',
    'Đối chứng',
    'Thay đổi của học viên',
    'Thay đổi của đối chứng',
    'Hiệu quả (mức)',
    'Cận dưới 95\u00a0%',
    'Cận trên 95\u00a0%',
    'Kết luận',
  ],
  en: ['Rank', 'Name', 'Code', 'Trainees', 'Comparison', 'Trainees’ change', 'Comparison change', 'Effect (levels)', '95% low', '95% high', 'Conclusion'],
};

/** The agency's training-effectiveness report: one sheet per ranking, figures to date; users' names neutralised. */
export async function effectivenessWorkbook(
  agencyName: string,
  rankings: ReadonlyArray<{ by: EffectDimension; rows: Labelled[] }>,
  language: Language,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NangLuc';
  const year = today().slice(0, 4);
  for (const { by, rows } of rankings) {
    const sheet = workbook.addWorksheet(SHEETS[by][language]);
    sheet.addRow([safeCell(agencyName)]).font = { bold: true };
    sheet.addRow([
      language === 'vi'
        ? `BÁO CÁO HIỆU QUẢ ĐÀO TẠO, BỒI DƯỠNG NĂM ${year} (số liệu đến ngày ${formatDate(today(), 'vi')})`
        : `TRAINING EFFECTIVENESS ${year} (figures to ${formatDate(today(), 'en')})`,
    ]).font = {
      bold: true,
    };
    sheet.addRow([]);
    sheet.addRow(HEADERS[language]).font = { bold: true };
    rows.forEach((r, i) => {
      const name = by === 'format' ? (FORMAT_LABELS[r.key as CourseFormat]?.[language] ?? r.key) : language === 'en' ? r.labelEn : r.label;
      sheet.addRow(
        safeRow([
          r.verdict === 'too_small' ? '' : i + 1,
          name,
          r.code ?? '',
          r.treatedN,
          r.comparisonN,
          r.treatedChange,
          r.comparisonChange,
          r.effect,
          r.low,
          r.high,
          VERDICTS[r.verdict][language],
        ]),
      );
    });
    sheet.getColumn(2).width = 48;
    for (let c = 3; c <= 11; c++) sheet.getColumn(c).width = 14;
    for (let c = 6; c <= 10; c++) sheet.getColumn(c).numFmt = '0.00';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
