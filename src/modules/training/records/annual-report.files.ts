import ExcelJS from 'exceljs';
import type { Language } from '../../../platform/i18n/language.js';
import { safeCell, safeRow } from '../../../platform/export/spreadsheet-safe.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../../platform/pdf/pdf-document.js';
import type { AnnualReport } from './annual-report.service.js';
import type { ReportLine } from './annual-report.js';
import { dong, FORMAT_LABELS, ROLE_CATEGORY_LABELS } from './labels.js';
import { signatureBlock } from './learning-history.files.js';
import type { CourseFormat } from '../training.tables.js';

const L = {
  vi: {
    title: (year: number) => `BÁO CÁO KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ, CÔNG CHỨC NĂM ${year}`,
    columns: ['Nội dung', 'Số người được bồi dưỡng', 'Lượt tham gia', 'Lượt hoàn thành', 'Số giờ (hoàn thành)', 'Kinh phí (đồng)'],
    byFormat: 'I. Theo hình thức bồi dưỡng',
    byGroup: 'II. Theo nhóm năng lực',
    byRole: 'III. Theo loại cán bộ, công chức',
    total: 'Tổng cộng',
    groupNote: 'Một khóa học bồi dưỡng nhiều nhóm năng lực được tính ở mỗi nhóm, nên tổng mục II có thể lớn hơn tổng cộng.',
  },
  en: {
    title: (year: number) => `TRAINING REPORT ${year}`,
    columns: ['Line', 'People trained', 'Participations', 'Completions', 'Hours (completed)', 'Cost (dong)'],
    byFormat: 'I. By course format',
    byGroup: 'II. By competency group',
    byRole: 'III. By role category',
    total: 'Total',
    groupNote: 'A course serving several competency groups counts in each, so section II may add up to more than the total.',
  },
} as const;

const figures = (l: ReportLine) => [l.people, l.participations, l.completions, l.hours, l.cost] as const;

function sections(report: AnnualReport, language: Language) {
  const labels = L[language];
  return [
    { title: labels.byFormat, lines: report.byFormat.map((l) => ({ label: FORMAT_LABELS[l.key as CourseFormat][language], line: l })) },
    { title: labels.byGroup, lines: report.byGroup.map((l) => ({ label: `${l.key} ${l.name}`, line: l })) },
    {
      title: labels.byRole,
      lines: report.byRoleCategory.map((l) => ({ label: ROLE_CATEGORY_LABELS[l.key as keyof typeof ROLE_CATEGORY_LABELS][language], line: l })),
    },
  ];
}

/** The report as a workbook: one sheet, three sections and the total; names of groups and the agency neutralised. */
export async function annualReportWorkbook(report: AnnualReport, language: Language): Promise<Buffer> {
  const labels = L[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NangLuc';
  const sheet = workbook.addWorksheet(String(report.year));
  sheet.addRow([safeCell(report.agency.name)]).font = { bold: true };
  sheet.addRow([labels.title(report.year)]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  sheet.addRow([...labels.columns]).font = { bold: true };
  for (const section of sections(report, language)) {
    sheet.addRow([section.title]).font = { bold: true, italic: true };
    for (const { label, line } of section.lines) sheet.addRow(safeRow([label, ...figures(line)]));
  }
  sheet.addRow([labels.total, ...figures(report.total)]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([labels.groupNote]).font = { italic: true };
  sheet.getColumn(1).width = 48;
  for (let c = 2; c <= 6; c++) sheet.getColumn(c).width = 18;
  sheet.getColumn(6).numFmt = '#,##0';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The printable report (Vietnamese): agency, title, the three sections, the total, place and date, signatures. */
export async function annualReportPdf(report: AnnualReport): Promise<Buffer> {
  const labels = L.vi;
  const doc = createPdf({ title: labels.title(report.year), author: report.agency.name });
  doc.font(PDF_FONTS.bold).fontSize(10).text(report.agency.name.toUpperCase());
  doc.moveDown(1).fontSize(13).text(labels.title(report.year), { align: 'center' });
  doc.moveDown(1);
  const columns = [{ header: labels.columns[0], width: 170 }, ...labels.columns.slice(1).map((header) => ({ header, width: 66, align: 'right' as const }))];
  const rows: string[][] = [];
  for (const section of sections(report, 'vi')) {
    rows.push([section.title, '', '', '', '', '']);
    for (const { label, line } of section.lines) rows.push([`   ${label}`, ...figures(line).map((n, i) => (i === 4 ? dong(n) : String(n)))]);
  }
  rows.push([labels.total, ...figures(report.total).map((n, i) => (i === 4 ? dong(n) : String(n)))]);
  drawTable(doc, columns, rows);
  doc.font(PDF_FONTS.regular).fontSize(9).fillColor('#333').text(labels.groupNote);
  doc.fillColor('#111');
  signatureBlock(doc, 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ');
  return pdfToBuffer(doc);
}
