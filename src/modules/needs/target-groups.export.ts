import ExcelJS from 'exceljs';
import type { Language } from '../../platform/i18n/language.js';
import { safeCell, safeRow } from '../../platform/export/spreadsheet-safe.js';
import type { targetGroups } from './needs.service.js';
import { formatNumber, formatPercent } from '../../platform/text/formats.js';

type Groups = Awaited<ReturnType<typeof targetGroups>>;

const LABELS = {
  vi: {
    title: 'Nhóm đối tượng đào tạo, bồi dưỡng',
    cycle: 'Đợt đánh giá',
    scope: 'Phạm vi',
    date: 'Ngày xuất',
    groupsSheet: 'Nhóm',
    membersSheet: 'Thành viên',
    group: 'Nhóm',
    size: 'Số người',
    signature: 'Năng lực cần bồi dưỡng trước',
    sharedGaps: 'Khoảng cách chung (tỷ lệ người, khoảng cách TB)',
    agencies: 'Cơ quan',
    staffCode: 'Mã cán bộ',
    fullName: 'Họ và tên',
    agency: 'Cơ quan',
    groupName: (n: number) => `Nhóm ${n}`,
    people: (n: number) => `${n} người`,
  },
  en: {
    title: 'Training target groups',
    cycle: 'Assessment cycle',
    scope: 'Scope',
    date: 'Exported on',
    groupsSheet: 'Groups',
    membersSheet: 'Members',
    group: 'Group',
    size: 'People',
    signature: 'Competencies to train first',
    sharedGaps: 'Shared gaps (share of people, mean gap)',
    agencies: 'Agencies',
    staffCode: 'Staff code',
    fullName: 'Full name',
    agency: 'Agency',
    groupName: (n: number) => `Group ${n}`,
    people: (n: number) => `${n} people`,
  },
} as const;

/** A calendar day as Excel keeps one: midnight UTC of that day, which Excel shows as the day itself in any zone. */
const excelDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The target groups as an HR officer hands them to a training institution: a
 * sheet of groups (what each needs first, which agencies) and a sheet of
 * members (one row a person, with their group), both titled with the cycle,
 * the scope and the date. Names and agency names are typed by users:
 * neutralised against formula injection.
 */
export async function targetGroupsWorkbook(
  groups: Groups,
  header: { cycleName: string; scopeName: string; today: string },
  language: Language,
): Promise<Buffer> {
  const l = LABELS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NangLuc';
  const titled = (name: string, widths: number[]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 5 }] });
    widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
    sheet.addRow([l.title]).font = { bold: true, size: 14 };
    sheet.addRow(safeRow([l.cycle, header.cycleName]));
    sheet.addRow(safeRow([l.scope, header.scopeName]));
    // A date cell, not text: Excel shows it dd/mm/yyyy and can sort and compute with it.
    const dated = sheet.addRow([l.date, excelDay(header.today)]);
    dated.getCell(2).numFmt = 'dd/mm/yyyy';
    dated.getCell(2).alignment = { horizontal: 'left' };
    return sheet;
  };

  const summary = titled(l.groupsSheet, [10, 10, 28, 60, 50]);
  summary.addRow([l.group, l.size, l.signature, l.sharedGaps, l.agencies]).font = { bold: true };
  groups.forEach((g, i) => {
    const gaps = g.sharedGaps
      .map((s) => `${s.code} ${s.name?.[language] ?? ''} (${formatPercent(s.share, language, 0)}, ${formatNumber(s.meanGap, language, 2, true)})`)
      .join('; ');
    const agencies = g.agencies.map((a) => `${a.name} (${l.people(a.people)})`).join('; ');
    const row = summary.addRow(safeRow([l.groupName(i + 1), g.size, g.signature.join(', '), gaps, agencies]));
    row.alignment = { wrapText: true, vertical: 'top' };
  });

  const members = titled(l.membersSheet, [10, 14, 32, 48]);
  members.addRow([l.group, l.staffCode, l.fullName, l.agency]).font = { bold: true };
  groups.forEach((g, i) => {
    for (const m of g.members) members.addRow([l.groupName(i + 1), safeCell(m.staffCode), safeCell(m.fullName), safeCell(m.agencyName)]);
  });
  members.autoFilter = { from: { row: 5, column: 1 }, to: { row: 5 + groups.reduce((n, g) => n + g.members.length, 0), column: 4 } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
