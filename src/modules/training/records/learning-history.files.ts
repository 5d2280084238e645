import ExcelJS from 'exceljs';
import type { Language } from '../../../platform/i18n/language.js';
import { safeRow } from '../../../platform/export/spreadsheet-safe.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../../platform/pdf/pdf-document.js';
import { today } from '../../../platform/clock.js';
import { placeAndDate } from '../../../platform/text/formats.js';
import type { LearningHistory } from './learning-history.service.js';
import { dateVi, STATUS_LABELS } from './labels.js';

const HEADERS = {
  vi: ['Mã khóa', 'Khóa học', 'Cơ sở đào tạo', 'Lớp', 'Từ ngày', 'Đến ngày', 'Số giờ', 'Kết quả', 'Điểm', 'Tỷ lệ tham dự', 'Ngày hoàn thành', 'Mã chứng chỉ'],
  en: ['Course code', 'Course', 'Institution', 'Session', 'From', 'To', 'Hours', 'Result', 'Score', 'Attendance', 'Completed on', 'Certificate id'],
} as const;

/** The record as a workbook: one row an enrolment; names and titles neutralised, figures stay numbers. */
export async function learningHistoryWorkbook(history: LearningHistory, language: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NangLuc';
  const sheet = workbook.addWorksheet(language === 'vi' ? 'Quá trình bồi dưỡng' : 'Learning history');
  sheet.addRow(safeRow([history.person.fullName, history.person.staffCode, history.person.agencyName])).font = { bold: true };
  const header = sheet.addRow([...HEADERS[language]]);
  header.font = { bold: true };
  for (const r of history.rows) {
    sheet.addRow(
      safeRow([
        r.courseCode,
        r.courseTitle,
        r.institutionName,
        r.sessionCode,
        r.startsOn,
        r.endsOn,
        r.hours,
        STATUS_LABELS[r.status][language],
        r.finalScore,
        r.attendanceShare,
        r.completedAt ? dateVi(r.completedAt) : null,
        r.credentialId,
      ]),
    );
  }
  sheet.getColumn(10).numFmt = '0%';
  [12, 40, 32, 14, 12, 12, 8, 16, 8, 12, 14, 38].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The printable record (Vietnamese): the person, a table of enrolments, totals, a place and date line and signatures. */
export async function learningHistoryPdf(history: LearningHistory): Promise<Buffer> {
  const doc = createPdf({ title: `Quá trình đào tạo, bồi dưỡng — ${history.person.fullName}`, landscape: true });
  doc.font(PDF_FONTS.bold).fontSize(10).text(history.person.agencyName.toUpperCase());
  doc.moveDown(0.8).fontSize(15).text('QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG', { align: 'center' });
  doc.moveDown(0.6).font(PDF_FONTS.regular).fontSize(10.5);
  doc.text(`Họ và tên: ${history.person.fullName}        Mã cán bộ: ${history.person.staffCode}`);
  doc.text(`Cơ quan, đơn vị: ${history.person.agencyName}`);
  doc.moveDown(0.5);
  const columns = [
    { header: 'STT', width: 28, align: 'right' as const },
    { header: 'Khóa học', width: 190 },
    { header: 'Cơ sở đào tạo', width: 130 },
    { header: 'Thời gian', width: 110 },
    { header: 'Số giờ', width: 44, align: 'right' as const },
    { header: 'Kết quả', width: 80 },
    { header: 'Điểm', width: 40, align: 'right' as const },
    { header: 'Mã chứng chỉ', width: 120 },
  ];
  const rows = history.rows.map((r, i) => [
    String(i + 1),
    `${r.courseTitle} (${r.courseCode})`,
    r.institutionName,
    `${dateVi(r.startsOn)} – ${dateVi(r.endsOn)}`,
    String(r.hours),
    STATUS_LABELS[r.status].vi,
    r.finalScore === null ? '' : String(r.finalScore),
    r.credentialId ?? '',
  ]);
  drawTable(doc, columns, rows.length > 0 ? rows : [['', 'Chưa tham gia khóa đào tạo, bồi dưỡng nào.', '', '', '', '', '', '']]);
  const completed = history.rows.filter((r) => r.status === 'completed');
  doc
    .font(PDF_FONTS.regular)
    .fontSize(10.5)
    .text(`Số khóa đã hoàn thành: ${completed.length}; tổng số giờ: ${completed.reduce((sum, r) => sum + r.hours, 0)}.`);
  signatureBlock(doc, 'NGƯỜI LẬP', 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ');
  return pdfToBuffer(doc);
}

/** "……, ngày … tháng … năm …" with the day filled in, then two signature places. */
export function signatureBlock(doc: PDFKit.PDFDocument, left: string, right: string): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  if (doc.y + 110 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc
    .moveDown(1)
    .font(PDF_FONTS.regular)
    .fontSize(10.5)
    .text(placeAndDate('……………', today(), 'vi'), doc.page.margins.left, doc.y, { width, align: 'right' });
  const top = doc.y + 6;
  const half = width / 2;
  doc.font(PDF_FONTS.bold).text(left, doc.page.margins.left, top, { width: half, align: 'center' });
  doc.text(right, doc.page.margins.left + half, top, { width: half, align: 'center' });
  doc.font(PDF_FONTS.regular).fontSize(9).text('(Ký, ghi rõ họ tên)', doc.page.margins.left, doc.y, { width: half, align: 'center' });
  doc.text('(Ký, ghi rõ họ tên, đóng dấu)', doc.page.margins.left + half, top + 14, { width: half, align: 'center' });
  doc.x = doc.page.margins.left;
}
