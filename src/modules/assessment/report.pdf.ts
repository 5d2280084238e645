import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import type { personReport } from './report.service.js';
import { today } from '../../platform/clock.js';
import { formatDate, formatNumber, placeAndDate } from '../../platform/text/formats.js';

type Report = Awaited<ReturnType<typeof personReport>>;

const SOURCE_LABELS: Record<string, string> = {
  self: 'Tự đánh giá',
  leader: 'Lãnh đạo trực tiếp',
  peer: 'Đồng nghiệp',
  subordinate: 'Cấp dưới',
  colleagues: 'Đồng nghiệp và cấp dưới',
  expert: 'Chuyên gia',
  test: 'Bài kiểm tra',
};
const FLAG_LABELS: Record<string, string> = { blind_spot: 'Điểm mù', hidden_strength: 'Thế mạnh tiềm ẩn' };
const fmt = (n: number | null | undefined) => formatNumber(n, 'vi', 2, true);

/** The printable report card, in Vietnamese (the language of the civil-service file), dated at `place` (the agency's province). */
export async function reportCardPdf(report: Report, place: string): Promise<Buffer> {
  const doc = createPdf({ title: `Phiếu kết quả đánh giá năng lực — ${report.person.fullName}` });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc
    .font(PDF_FONTS.regular)
    .fontSize(10)
    .text(placeAndDate(place, today(), 'vi'), { width, align: 'right' });
  doc.moveDown(0.6);
  doc.font(PDF_FONTS.bold).fontSize(15).text('PHIẾU KẾT QUẢ ĐÁNH GIÁ NĂNG LỰC', { align: 'center' });
  doc.moveDown(0.6).font(PDF_FONTS.regular).fontSize(10.5);
  doc.text(`Họ và tên: ${report.person.fullName}   ·   Mã cán bộ: ${report.person.staffCode}`);
  doc.text(`Cơ quan: ${report.person.agencyName}`);
  if (report.person.position) doc.text(`Vị trí việc làm: ${report.person.position.title}`);
  if (report.cycle) {
    doc.text(`Đợt đánh giá: ${report.cycle.name} (kết thúc ${formatDate(report.cycle.closesOn, 'vi')}, phiên bản kết quả ${report.cycle.version})`);
  } else {
    doc.moveDown().text('Chưa có kết quả đánh giá đã tổng hợp.');
  }
  doc.moveDown(0.8);
  if (report.competencies.length > 0) {
    drawTable(
      doc,
      [
        { header: 'Năng lực', width: 170 },
        { header: 'Yêu cầu', width: 50, align: 'center' },
        { header: 'Đạt', width: 45, align: 'center' },
        { header: 'Khoảng thiếu', width: 60, align: 'center' },
        { header: 'Tự đánh giá', width: 55, align: 'center' },
        { header: 'Người khác', width: 55, align: 'center' },
        { header: 'Ghi chú', width: 64 },
      ],
      report.competencies.map((c) => [
        `${c.code} — ${c.name}`,
        c.requiredLevel === null ? '—' : String(c.requiredLevel),
        fmt(c.assessedLevel),
        c.gap === null ? '—' : c.gap > 0 ? fmt(c.gap) : 'Đạt',
        fmt(c.selfLevel),
        fmt(c.othersLevel),
        c.flag ? (FLAG_LABELS[c.flag] ?? c.flag) : '',
      ]),
    );
    const gaps = report.competencies.filter((c) => c.gap !== null && c.gap > 0).sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0));
    doc.moveDown(0.5).font(PDF_FONTS.bold).fontSize(11).text('Năng lực cần bồi dưỡng');
    doc.font(PDF_FONTS.regular).fontSize(10);
    if (gaps.length === 0) doc.text('Đáp ứng mọi yêu cầu của vị trí việc làm.');
    for (const c of gaps) doc.text(`• ${c.name}: cần nâng thêm ${fmt(c.gap)} mức (yêu cầu ${c.requiredLevel}, đạt ${fmt(c.assessedLevel)}).`);
    doc.moveDown(0.5).font(PDF_FONTS.bold).fontSize(11).text('Nguồn đánh giá');
    doc.font(PDF_FONTS.regular).fontSize(9).fillColor('#333');
    const used = [...new Set(report.competencies.flatMap((c) => c.sources.map((s) => s.source)))];
    doc.text(
      `Kết quả tổng hợp có trọng số từ: ${used.map((s) => SOURCE_LABELS[s] ?? s).join(', ')}. ` +
        'Ý kiến của đồng nghiệp và cấp dưới chỉ được tính và hiển thị khi có từ ba người trở lên, để bảo đảm ẩn danh.',
    );
  }
  doc
    .moveDown(1)
    .fontSize(8.5)
    .fillColor('#666')
    .text(`Lập bởi NangLuc ngày ${formatDate(today(), 'vi')}.`);
  return pdfToBuffer(doc);
}
