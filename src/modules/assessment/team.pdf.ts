import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import { formatCount, formatDate, formatNumber, formatPercent, placeAndDate } from '../../platform/text/formats.js';
import type { Language } from '../../platform/i18n/language.js';
import { today } from '../../platform/clock.js';
import type { TeamView } from './team.service.js';
import { TEAM_REPORT_LABELS } from './team.pdf.labels.js';

/** Central bodies sit in the capital: their reports are dated there. */
const CAPITAL = 'Hà Nội';

/** The province the agency's unit belongs to today, for the place line. */
export async function agencyPlace(db: Db, agencyId: string): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    SELECT pu.name FROM agencies a JOIN admin_units u ON u.id = a.admin_unit_id
      JOIN admin_units pu ON pu.id = coalesce(u.current_province_id, u.province_id)
    WHERE a.id = ${agencyId}`.execute(db);
  return rows[0]?.name ?? CAPITAL;
}

/** Where the team report is dated and the agency's English name, for its heading. */
export async function teamReportHeading(db: Db, agencyId: string): Promise<{ place: string; agencyNameEn: string | null }> {
  const agency = await db.selectFrom('agencies').select('name_en').where('id', '=', agencyId).executeTakeFirst();
  return { place: await agencyPlace(db, agencyId), agencyNameEn: agency?.name_en ?? null };
}

/** The report's file name in the reader's language. */
export const teamReportFileName = (language: Language) => TEAM_REPORT_LABELS[language].fileName;

/** The leader's printable team report, in the reader's language, with its numbers and dates in that language's formats. */
export async function teamReportPdf(team: TeamView, where: { place: string; agencyNameEn: string | null }, language: Language): Promise<Buffer> {
  const l = TEAM_REPORT_LABELS[language];
  const en = language === 'en';
  const count = (n: number) => formatCount(n, language);
  const decimal = (n: number | null) => formatNumber(n, language, 2, true);
  const percent = (share: number) => formatPercent(share, language);
  const date = (day: string) => formatDate(day, language);
  const cycleName = (c: { name: string; nameEn: string | null }) => (en && c.nameEn) || c.name;
  const formsCell = (f: { total: number; submitted: number }) => (f.total === 0 ? '—' : `${count(f.submitted)}/${count(f.total)}`);
  const agencyName = (en && where.agencyNameEn) || team.leader.agencyName;

  const doc = createPdf({ title: l.documentTitle(team.leader.fullName), language });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc
    .font(PDF_FONTS.bold)
    .fontSize(10)
    .text(agencyName.toUpperCase(), { width: width * 0.5, align: 'center' });
  doc
    .moveUp()
    .font(PDF_FONTS.regular)
    .fontSize(10)
    .text(placeAndDate(where.place, today(), language), { width, align: 'right' });
  doc.moveDown(1.2).font(PDF_FONTS.bold).fontSize(14).text(l.title, { width, align: 'center' });
  doc.font(PDF_FONTS.regular).fontSize(10.5).text(l.leader(team.leader.fullName), { width, align: 'center' });
  doc.moveDown(0.8);

  const heading = (text: string) => doc.moveDown(0.4).font(PDF_FONTS.bold).fontSize(11).text(text, doc.page.margins.left).font(PDF_FONTS.regular).fontSize(10);
  heading(l.progress);
  doc.text(l.members(count(team.members.length)));
  if (team.openCycles.length === 0) doc.text(l.noOpenCycle);
  for (const c of team.openCycles) doc.text(l.openCycle(cycleName(c), date(c.closesOn)));
  doc.text(l.completion(count(team.completion.submitted), count(team.completion.total), percent(team.completion.share)));
  doc.moveDown(0.4);
  drawTable(
    doc,
    [
      { header: l.columns.no, width: 26, align: 'right' },
      { header: l.columns.name, width: 150 },
      { header: l.columns.staffCode, width: 70 },
      { header: l.columns.toFill, width: 90, align: 'center' },
      { header: l.columns.aboutThem, width: 90, align: 'center' },
      { header: l.columns.below, width: 73, align: 'center' },
    ],
    team.members.map((m, i) => [
      String(i + 1),
      m.fullName,
      m.staffCode,
      formsCell(m.formsToFill),
      formsCell(m.formsAboutThem),
      m.competenciesBelow === null ? l.noResult : count(m.competenciesBelow),
    ]),
  );

  heading(l.gaps);
  if (!team.resultsCycle) doc.text(l.noResults);
  else {
    doc.text(l.basis(cycleName(team.resultsCycle), date(team.resultsCycle.closesOn)));
    doc.moveDown(0.4);
    drawTable(
      doc,
      [
        { header: l.columns.no, width: 26, align: 'right' },
        { header: l.columns.competency, width: 220 },
        { header: l.columns.group, width: 110 },
        { header: l.columns.people, width: 55, align: 'right' },
        { header: l.columns.belowPeople, width: 45, align: 'right' },
        { header: l.columns.meanGap, width: 43, align: 'right' },
      ],
      team.gaps.map((g, i) => [
        String(i + 1),
        `${g.code} — ${(en && g.nameEn) || g.name}`,
        (en && g.groupNameEn) || g.groupName,
        count(g.people),
        count(g.below),
        g.meanGap === null ? '—' : decimal(g.meanGap),
      ]),
    );
    doc.fontSize(8.5).fillColor('#444').text(l.anonymity);
  }
  doc
    .moveDown(1.5)
    .fillColor('#111')
    .font(PDF_FONTS.bold)
    .fontSize(10.5)
    .text(l.signature, doc.page.margins.left + width * 0.55, doc.y, {
      width: width * 0.45,
      align: 'center',
    });
  doc
    .font(PDF_FONTS.regular)
    .moveDown(3)
    .text(team.leader.fullName, { width: width * 0.45, align: 'center' });
  return pdfToBuffer(doc);
}
