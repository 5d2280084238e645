import QRCode from 'qrcode';
import { createPdf, pdfToBuffer, PDF_FONTS } from '../../../platform/pdf/pdf-document.js';
import type { CredentialSummary } from './open-badge.js';

const dateVi = (iso: string | null) => {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

/**
 * The certificate on paper: what the signed credential says, and a QR code to its public verification
 * page (the paper proves nothing by itself; the page checks the signature and the revocation status).
 */
export async function certificatePdf(summary: CredentialSummary, options: { verifyUrl: string; status: 'issued' | 'revoked' | 'pending' }): Promise<Buffer> {
  const doc = createPdf({ title: `Chứng chỉ — ${summary.courseName ?? ''}`, author: summary.issuerName ?? undefined, landscape: true });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc
    .rect(24, 24, doc.page.width - 48, doc.page.height - 48)
    .lineWidth(2)
    .strokeColor('#1f4e79')
    .stroke();
  doc
    .moveDown(1)
    .font(PDF_FONTS.bold)
    .fontSize(13)
    .fillColor('#1f4e79')
    .text((summary.issuerName ?? '').toUpperCase(), { align: 'center' });
  doc.moveDown(1.2).fontSize(26).fillColor('#111').text('CHỨNG CHỈ', { align: 'center' });
  doc.font(PDF_FONTS.regular).fontSize(11).fillColor('#555').text('Certificate of completion', { align: 'center' });
  doc.moveDown(1.2).fontSize(12).fillColor('#111').text('Chứng nhận ông/bà', { align: 'center' });
  doc
    .moveDown(0.3)
    .font(PDF_FONTS.bold)
    .fontSize(20)
    .text(summary.personName ?? '', { align: 'center' });
  doc.moveDown(0.5).font(PDF_FONTS.regular).fontSize(12).text('đã hoàn thành khóa bồi dưỡng', { align: 'center' });
  doc
    .moveDown(0.3)
    .font(PDF_FONTS.bold)
    .fontSize(15)
    .text(`${summary.courseName ?? ''}${summary.courseCode ? ` (${summary.courseCode})` : ''}`, { align: 'center' });
  doc.moveDown(0.6).font(PDF_FONTS.regular).fontSize(10).fillColor('#333');
  if (summary.competencies.length > 0) {
    doc.text('Năng lực được chứng nhận:', { align: 'center' });
    doc.text(summary.competencies.map((c) => c.name).join('; '), { align: 'center', width });
  }
  doc
    .moveDown(0.6)
    .fontSize(11)
    .fillColor('#111')
    .text(`Ngày hoàn thành: ${dateVi(summary.validFrom)}`, { align: 'center' });
  if (options.status === 'revoked') doc.moveDown(0.4).font(PDF_FONTS.bold).fillColor('#b00020').text('ĐÃ THU HỒI — REVOKED', { align: 'center' });

  const qr = await QRCode.toBuffer(options.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const size = 96;
  const x = doc.page.width - doc.page.margins.right - size - 8;
  const y = doc.page.height - doc.page.margins.bottom - size - 24;
  doc.image(qr, x, y, { width: size, height: size });
  doc.font(PDF_FONTS.regular).fontSize(8).fillColor('#333');
  doc.text('Quét để kiểm tra tính xác thực / Scan to verify', x - 60, y + size + 4, { width: size + 60, align: 'right', lineBreak: false });
  doc.text(options.verifyUrl, doc.page.margins.left + 8, y + size + 4, { width: width - size - 80, lineBreak: false });
  doc.text(`Mã chứng chỉ: ${summary.id ?? ''}`, doc.page.margins.left + 8, y + size - 8, { width: width - size - 80, lineBreak: false });
  return pdfToBuffer(doc);
}
