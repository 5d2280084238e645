import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import type { Language } from '../../platform/i18n/language.js';
import { today } from '../../platform/clock.js';

export interface SheetLine {
  fullName: string;
  staffCode: string;
  agencyName: string;
  username: string;
  password: string;
}

const TEXT = {
  vi: {
    title: 'DANH SÁCH TÀI KHOẢN ĐĂNG NHẬP NANGLUC',
    date: (d: string) => `Ngày lập: ${d.split('-').reverse().join('/')}`,
    note: 'Mật khẩu ban đầu chỉ in một lần và không lưu ở dạng đọc được. Mỗi người phải đổi mật khẩu khi đăng nhập lần đầu. Cắt và trao tận tay từng người.',
    columns: ['Họ và tên', 'Mã cán bộ', 'Cơ quan', 'Tên đăng nhập', 'Mật khẩu ban đầu'],
  },
  en: {
    title: 'NANGLUC SIGN-IN ACCOUNTS',
    date: (d: string) => `Issued: ${d.split('-').reverse().join('/')}`,
    note: 'First passwords are printed once and never stored in readable form. Everyone must change theirs at first sign-in. Cut and hand each line to its owner.',
    columns: ['Full name', 'Staff code', 'Agency', 'Username', 'First password'],
  },
} as const;

/** The printable hand-out of first passwords, in the caller's language. Users' text goes into the PDF as text, never as markup. */
export async function accountSheetPdf(lines: SheetLine[], language: Language): Promise<Buffer> {
  const text = TEXT[language];
  const doc = createPdf({ title: text.title });
  doc.font(PDF_FONTS.bold).fontSize(14).text(text.title, { align: 'center' });
  doc.moveDown(0.4).font(PDF_FONTS.regular).fontSize(9.5).text(text.date(today()), { align: 'center' });
  doc.moveDown(0.4).text(text.note);
  doc.moveDown(0.8);
  const widths = [130, 70, 120, 85, 94];
  drawTable(
    doc,
    text.columns.map((header, i) => ({ header, width: widths[i]! })),
    lines.map((l) => [l.fullName, l.staffCode, l.agencyName, l.username, l.password]),
    { fontSize: 10 },
  );
  return pdfToBuffer(doc);
}
