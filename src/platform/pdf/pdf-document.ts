import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Language } from '../i18n/language.js';

const fontPath = (file: string) => fileURLToPath(new URL(`../../../assets/fonts/${file}`, import.meta.url));

export const PDF_FONTS = { regular: 'BeVietnam', bold: 'BeVietnam-Bold' } as const;

export type Pdf = PDFKit.PDFDocument;

/**
 * An A4 document with the Vietnamese font embedded (pdfkit's built-in
 * Helvetica has no Vietnamese glyphs) and its metadata set.
 */
export function createPdf(meta: { title: string; author?: string; landscape?: boolean; language?: Language }): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.landscape ? 'landscape' : 'portrait',
    margin: 48,
    info: { Title: meta.title, Author: meta.author ?? 'NangLuc', Creator: 'NangLuc' },
    // The document's language, for screen readers and search (Vietnamese unless the reader chose English).
    lang: meta.language === 'en' ? 'en-GB' : 'vi-VN',
  });
  doc.registerFont(PDF_FONTS.regular, fontPath('BeVietnamPro-Regular.ttf'));
  doc.registerFont(PDF_FONTS.bold, fontPath('BeVietnamPro-Bold.ttf'));
  doc.font(PDF_FONTS.regular);
  return doc;
}

/** Finish the document and collect it into one buffer. */
export function pdfToBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A simple ruled table that continues on a new page, repeating its header. */
export function drawTable(doc: Pdf, columns: PdfColumn[], rows: string[][], options: { fontSize?: number } = {}): void {
  const fontSize = options.fontSize ?? 9;
  const left = doc.page.margins.left;
  const padding = 3;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 2 * padding }))) + 2 * padding;
  };
  const drawRow = (cells: string[], font: string, shade: boolean) => {
    const height = rowHeight(cells, font);
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (font !== PDF_FONTS.bold)
        drawRow(
          columns.map((c) => c.header),
          PDF_FONTS.bold,
          true,
        );
    }
    const top = doc.y;
    let x = left;
    const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
    if (shade) doc.save().rect(left, top, totalWidth, height).fill('#eef2f7').restore();
    doc.font(font).fontSize(fontSize).fillColor('#111');
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc.text(cell, x + padding, top + padding, { width: column.width - 2 * padding, align: column.align ?? 'left' });
      x += column.width;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + totalWidth, top + height)
      .strokeColor('#c9d1dc')
      .lineWidth(0.5)
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(
    columns.map((c) => c.header),
    PDF_FONTS.bold,
    true,
  );
  for (const row of rows) drawRow(row, PDF_FONTS.regular, false);
  doc.moveDown(0.5);
}
