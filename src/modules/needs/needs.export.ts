import ExcelJS from 'exceljs';
import type { Language } from '../../platform/i18n/language.js';
import type { Breakdown } from './needs.service.js';
import { safeCell, safeRecord } from '../../platform/export/spreadsheet-safe.js';

const LABELS = {
  vi: {
    unit: 'Đơn vị',
    people: 'Lượt đánh giá',
    needShare: 'Tỷ lệ có nhu cầu',
    meanGap: 'Khoảng cách TB',
    total: 'Tổng cộng',
    sheet: 'Nhu cầu đào tạo',
    note: 'Khoảng cách trung bình (cấp độ) trên mỗi lượt đánh giá; chỉ tính khoảng cách dương.',
  },
  en: {
    unit: 'Unit',
    people: 'Assessments',
    needShare: 'Share with a need',
    meanGap: 'Mean gap',
    total: 'Total',
    sheet: 'Training needs',
    note: 'Mean positive gap (levels) per person-competency assessment.',
  },
} as const;

/** The breakdown table as a workbook HR officers can sort and filter: one row per unit, a mean-gap column per competency (group). */
export async function breakdownWorkbook(breakdown: Breakdown, language: Language): Promise<Buffer> {
  const l = LABELS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NangLuc';
  const sheet = workbook.addWorksheet(l.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = [
    { header: l.unit, key: 'name', width: 42 },
    { header: l.people, key: 'people', width: 14 },
    { header: l.needShare, key: 'needShare', width: 16, style: { numFmt: '0.0%' } },
    { header: l.meanGap, key: 'meanGap', width: 14, style: { numFmt: '0.00' } },
    ...breakdown.columns.map((c) => ({ header: safeCell(`${c.code} ${c.name[language]}`), key: c.key, width: 18, style: { numFmt: '0.00' } })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  // Unit names are typed by users: neutralised against formula injection; the figures stay numbers.
  const line = (name: string, total: Breakdown['total'], cells: Record<string, { meanGap: number }>) =>
    safeRecord({
      name,
      people: total.people,
      needShare: total.needShare,
      meanGap: total.meanGap,
      ...Object.fromEntries(breakdown.columns.map((c) => [c.key, cells[c.key]?.meanGap ?? null])),
    });
  for (const row of breakdown.rows) sheet.addRow(line(row.name, row.total, row.cells));
  const totalRow = sheet.addRow(line(l.total, breakdown.total, {}));
  totalRow.font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([l.note]).font = { italic: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + breakdown.rows.length, column: 4 + breakdown.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
