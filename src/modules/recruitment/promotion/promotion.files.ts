/** The decision as a printable PDF and the shortlist as a workbook (issue 17, item 5). */
import ExcelJS from 'exceljs';
import { safeCell, safeRow } from '../../../platform/export/spreadsheet-safe.js';
import type { Language } from '../../../platform/i18n/language.js';
import { formatDate } from '../../../platform/text/formats.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../../platform/pdf/pdf-document.js';
import type { roundStandings } from './promotion.service.js';
import { CRITERION_LABELS, describeCheck } from './promotion.text.js';

type Standings = Awaited<ReturnType<typeof roundStandings>>;
type Row = Standings['eligible'][number];

const L = {
  vi: {
    decision: 'QUYẾT ĐỊNH BỔ NHIỆM, ĐỀ BẠT',
    shortlist: 'Danh sách xét chọn',
    position: 'Vị trí',
    agency: 'Cơ quan',
    asOf: 'Tính đến ngày',
    rules: 'Điều kiện',
    chosen: 'Người được chọn',
    reasons: 'Lý do',
    notDecided: 'Chưa có quyết định.',
    ranking: 'Xếp hạng ứng viên đủ điều kiện',
    ineligible: 'Không đủ điều kiện',
    counts: (e: number, i: number) => `${e} người đủ điều kiện, ${i} người không đủ điều kiện.`,
    columns: [
      'Hạng',
      'Mã cán bộ',
      'Họ và tên',
      'Đơn vị',
      'Phù hợp (%)',
      'Năng lực số (%)',
      'Điểm xếp loại',
      'Giờ bồi dưỡng',
      'Phân hạng bởi',
      'Thiếu hụt',
      'Điều kiện',
      'Được chọn',
    ],
    pdfColumns: ['Hạng', 'Họ và tên', 'Phù hợp', 'Thiếu hụt', 'Điều kiện'],
    decidedAt: 'Ngày quyết định',
    signature: 'NGƯỜI CÓ THẨM QUYỀN',
    yes: 'Có',
    chosenMark: 'được chọn',
  },
  en: {
    decision: 'APPOINTMENT AND PROMOTION DECISION',
    shortlist: 'Shortlist',
    position: 'Position',
    agency: 'Agency',
    asOf: 'As of',
    rules: 'Rules',
    chosen: 'Chosen',
    reasons: 'Reasons',
    notDecided: 'Not decided yet.',
    ranking: 'Ranking of the eligible candidates',
    ineligible: 'Ineligible',
    counts: (e: number, i: number) => `${e} eligible, ${i} ineligible.`,
    columns: [
      'Rank',
      'Staff code',
      'Full name',
      'Unit',
      'Fit (%)',
      'Digital fit (%)',
      'Quality points',
      'Training hours',
      'Ranked by',
      'Shortfalls',
      'Rules',
      'Chosen',
    ],
    pdfColumns: ['Rank', 'Full name', 'Fit', 'Shortfalls', 'Rules'],
    decidedAt: 'Decided on',
    signature: 'THE AUTHORISED OFFICIAL',
    yes: 'Yes',
    chosenMark: 'chosen',
  },
} as const;

function describers(standings: Standings, language: Language) {
  const byId = new Map(standings.round.profile.map((p) => [p.competencyId, p.code]));
  const code = (id: string) => byId.get(id) ?? id;
  return {
    shortfalls: (s: Row) => s.shortfalls.map((f) => `${code(f.competencyId)} ${f.assessedLevel ?? '—'}/${f.requiredLevel}`).join(', '),
    checks: (s: Row, failedOnly = false) =>
      s.checks
        .filter((c) => !failedOnly || !c.passed)
        .map((c) => describeCheck(c, language, code))
        .join('\n'),
  };
}

const positionTitle = (standings: Standings, language: Language) =>
  `${standings.round.position.code} — ${language === 'vi' ? standings.round.position.titleVi : standings.round.position.titleEn || standings.round.position.titleVi}`;

export async function shortlistWorkbook(standings: Standings, language: Language): Promise<Buffer> {
  const labels = L[language];
  const text = describers(standings, language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NangLuc';
  const sheet = workbook.addWorksheet(labels.shortlist);
  sheet.addRow([safeCell(standings.round.title)]).font = { bold: true, size: 13 };
  sheet.addRow(safeRow([labels.position, positionTitle(standings, language)]));
  sheet.addRow(safeRow([labels.agency, standings.round.agency.name]));
  sheet.addRow([labels.asOf, standings.asOf]);
  sheet.addRow([labels.counts(standings.counts.eligible, standings.counts.ineligible)]);
  sheet.addRow([]);
  sheet.addRow([...labels.columns]).font = { bold: true };
  const line = (s: Row) =>
    safeRow([
      s.rank ?? '',
      s.staffCode,
      s.fullName,
      s.agencyName,
      s.fit ?? '',
      s.digitalFit ?? '',
      s.qualityPoints,
      s.trainingHours,
      s.separatedBy ? CRITERION_LABELS[s.separatedBy][language] : '',
      text.shortfalls(s),
      text.checks(s),
      s.chosen ? labels.yes : '',
    ]);
  for (const s of standings.eligible) sheet.addRow(line(s));
  const ineligible = workbook.addWorksheet(labels.ineligible);
  ineligible.addRow([...labels.columns]).font = { bold: true };
  for (const s of standings.ineligible) ineligible.addRow(line(s));
  for (const ws of [sheet, ineligible]) [8, 14, 28, 28, 10, 12, 12, 12, 18, 36, 60, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The decision: the position, the rules, who was chosen and why, and the ranking it was taken on. */
export async function decisionPdf(standings: Standings, language: Language): Promise<Buffer> {
  const labels = L[language];
  const text = describers(standings, language);
  const { round } = standings;
  const doc = createPdf({ title: `${labels.decision} — ${round.title}`, landscape: false });
  doc.font(PDF_FONTS.bold).fontSize(14).text(labels.decision, { align: 'center' });
  doc.font(PDF_FONTS.regular).fontSize(11).text(round.title, { align: 'center' }).moveDown();
  doc.fontSize(10);
  doc.text(`${labels.position}: ${positionTitle(standings, language)}`);
  doc.text(`${labels.agency}: ${round.agency.name}`);
  doc.text(`${labels.asOf}: ${standings.asOf}`);
  doc.text(labels.counts(standings.counts.eligible, standings.counts.ineligible)).moveDown(0.5);
  const chosen = standings.eligible.filter((s) => s.chosen);
  doc.font(PDF_FONTS.bold).text(`${labels.chosen}:`);
  doc.font(PDF_FONTS.regular);
  if (round.status === 'decided') {
    for (const s of chosen) doc.text(`• ${s.fullName} (${s.staffCode}), ${s.agencyName} — #${s.rank}, ${s.fit ?? '—'} %`);
    doc
      .moveDown(0.5)
      .font(PDF_FONTS.bold)
      .text(`${labels.reasons}:`)
      .font(PDF_FONTS.regular)
      .text(round.decisionReasons ?? '');
    if (round.decidedAt) doc.text(`${labels.decidedAt}: ${formatDate(new Date(round.decidedAt), language)}`);
  } else doc.text(labels.notDecided);
  doc.moveDown().font(PDF_FONTS.bold).text(labels.ranking).moveDown(0.3);
  drawTable(
    doc,
    [
      { header: labels.pdfColumns[0], width: 36, align: 'right' },
      { header: labels.pdfColumns[1], width: 120 },
      { header: labels.pdfColumns[2], width: 48, align: 'right' },
      { header: labels.pdfColumns[3], width: 110 },
      { header: labels.pdfColumns[4], width: 185 },
    ],
    standings.eligible.map((s) => [
      `${s.rank ?? ''}${s.chosen ? ` (${labels.chosenMark})` : ''}`,
      `${s.fullName}\n${s.staffCode}`,
      `${s.fit ?? '—'}`,
      text.shortfalls(s),
      text.checks(s),
    ]),
    { fontSize: 8 },
  );
  doc.moveDown(2).font(PDF_FONTS.bold).fontSize(10).text(labels.signature, { align: 'right' });
  return pdfToBuffer(doc);
}
