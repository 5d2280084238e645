import { describe, expect, it } from 'vitest';
import { createPdf, drawTable, pdfToBuffer } from './pdf-document.js';

describe('PDF documents', () => {
  it('embeds the Vietnamese font and spills long tables onto new pages', async () => {
    const doc = createPdf({ title: 'Báo cáo nhu cầu đào tạo' });
    doc.fontSize(16).text('Báo cáo nhu cầu đào tạo năm 2026 — Sở Nội vụ thành phố Hà Nội');
    const rows = Array.from({ length: 120 }, (_, i) => [`Năng lực số ${i + 1}: Ứng dụng dữ liệu trong quản lý`, String(i)]);
    drawTable(
      doc,
      [
        { header: 'Năng lực', width: 380 },
        { header: 'Số người', width: 100, align: 'right' },
      ],
      rows,
    );
    const pdf = await pdfToBuffer(doc);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/FontFile2/); // TrueType font program embedded
    expect(raw).toMatch(/BeVietnamPro/);
    expect((raw.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
  });
});
