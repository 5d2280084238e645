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

const level = (n: number | null, language: Language) => num(n, language).replace('+', '');

/** The course report's words, in the reader's language (issue 18, item 7: exports follow the user's language). */
const REPORT = {
  vi: {
    title: 'BÁO CÁO ĐÁNH GIÁ HIỆU QUẢ KHÓA BỒI DƯỠNG',
    course: 'Khóa học',
    format: 'Hình thức',
    tooSmall: (e: EffectEstimate) =>
      `Có ${e.treatedN} học viên và ${e.comparisonN} người đối chứng: quá ít để kết luận (cần ít nhất ${MIN_GROUP_SIZE} người mỗi nhóm).`,
    statement: (e: EffectEstimate) =>
      `Học viên tăng ${num(e.treatedChange, 'vi')} mức, nhóm đối chứng (cùng năng lực, cùng mức thiếu hụt, cùng loại vị trí và cấp, chưa học) tăng ${num(e.comparisonChange, 'vi')} mức: hiệu quả ${num(e.effect, 'vi')} mức, khoảng tin cậy 95\u00a0% ${interval(e, 'vi')}. Kết luận: ${VERDICTS[e.verdict].vi.toLowerCase()}.`,
    means: (o: CourseDetail['overall']) =>
      `Mức trung bình trước → sau: học viên ${level(o.treated.before, 'vi')} → ${level(o.treated.after, 'vi')}; nhóm đối chứng ${level(o.comparison.before, 'vi')} → ${level(o.comparison.after, 'vi')}.`,
    headers: ['Năng lực', 'Học viên', 'Đối chứng', 'Hiệu quả (mức)', 'Khoảng tin cậy 95\u00a0%', 'Kết luận'],
    method:
      'Phương pháp: chênh lệch kép giữa mức năng lực được đánh giá của học viên (đợt đánh giá trước khóa học và đợt theo dõi sau khóa học) và của nhóm đối chứng; khoảng tin cậy theo Welch. Chỉ số liệu tổng hợp, không nêu cá nhân.',
    signatures: ['NGƯỜI LẬP BÁO CÁO', 'THỦ TRƯỞNG CƠ SỞ ĐÀO TẠO'],
  },
  en: {
    title: 'TRAINING COURSE EFFECTIVENESS REPORT',
    course: 'Course',
    format: 'Format',
    tooSmall: (e: EffectEstimate) =>
      `${e.treatedN} trainees and ${e.comparisonN} in the comparison group: too few to conclude (at least ${MIN_GROUP_SIZE} a group are needed).`,
    statement: (e: EffectEstimate) =>
      `Trainees rose ${num(e.treatedChange, 'en')} levels, the comparison group (same competency, same gap, same kind of position and tier, not trained) ${num(e.comparisonChange, 'en')}: an effect of ${num(e.effect, 'en')} levels, 95\u00a0% confidence interval ${interval(e, 'en')}. Conclusion: ${VERDICTS[e.verdict].en.toLowerCase()}.`,
    means: (o: CourseDetail['overall']) =>
      `Mean level before → after: trainees ${level(o.treated.before, 'en')} → ${level(o.treated.after, 'en')}; comparison group ${level(o.comparison.before, 'en')} → ${level(o.comparison.after, 'en')}.`,
    headers: ['Competency', 'Trainees', 'Comparison', 'Effect (levels)', '95\u00a0% confidence interval', 'Conclusion'],
    method:
      'Method: difference in differences between the assessed competency levels of the trainees (the assessment cycle before the course and the follow-up after it) and of the comparison group; Welch confidence intervals. Aggregated figures only, no individual is named.',
    signatures: ['PREPARED BY', 'HEAD OF THE TRAINING INSTITUTION'],
  },
} as const;

type CourseDetail = Awaited<ReturnType<typeof courseEffectDetail>>;

/** A course's evaluation report for its institution, in the reader's language: the effect overall and by competency. */
export async function courseReportPdf(detail: CourseDetail, language: Language = 'vi'): Promise<Buffer> {
  const words = REPORT[language];
  const doc = createPdf({ title: words.title, author: detail.course.institutionName, language });
  doc.font(PDF_FONTS.bold).fontSize(10).text(detail.course.institutionName.toUpperCase());
  doc.moveDown(1).fontSize(13).text(words.title, { align: 'center' });
  const title = language === 'en' && detail.course.titleEn ? detail.course.titleEn : detail.course.title;
  doc.moveDown(0.5).font(PDF_FONTS.regular).fontSize(11).text(`${words.course}: ${title} (${detail.course.code})`, { align: 'center' });
  doc.text(`${words.format}: ${FORMAT_LABELS[detail.course.format]?.[language] ?? detail.course.format}`, { align: 'center' });
  const o = detail.overall;
  doc
    .moveDown(1)
    .fontSize(10.5)
    .text(o.verdict === 'too_small' ? words.tooSmall(o) : words.statement(o));
  doc.moveDown(0.5).text(words.means(o));
  doc.moveDown(1);
  const widths = [150, 50, 55, 60, 90, 110];
  drawTable(
    doc,
    words.headers.map((header, i) => ({ header, width: widths[i]!, ...(i >= 1 && i <= 3 ? { align: 'right' as const } : {}) })),
    detail.byCompetency.map((r) => [
      `${r.code ?? ''} ${language === 'en' && r.labelEn ? r.labelEn : r.label}`.trim(),
      String(r.treatedN),
      String(r.comparisonN),
      num(r.effect, language),
      interval(r, language),
      VERDICTS[r.verdict][language],
    ]),
  );
  doc.font(PDF_FONTS.regular).fontSize(9).fillColor('#333').text(words.method);
  doc.fillColor('#111');
  signatureBlock(doc, words.signatures[0], words.signatures[1]);
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
