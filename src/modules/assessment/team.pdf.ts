import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import { formatCount, formatDate, formatNumber, formatPercent, placeAndDate } from '../../platform/text/formats.js';

// The report is written in Vietnamese: the shared formats, bound to it.
const count = (n: number) => formatCount(n, 'vi');
const decimal = (n: number | null) => formatNumber(n, 'vi', 2, true);
const percent = (share: number) => formatPercent(share, 'vi');
const date = (day: string) => formatDate(day, 'vi');
import { today } from '../../platform/clock.js';
import type { TeamView } from './team.service.js';

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

const formsCell = (f: { total: number; submitted: number }) => (f.total === 0 ? '—' : `${count(f.submitted)}/${count(f.total)}`);

/** The leader's printable team report, in Vietnamese (the language of the civil-service file). */
export async function teamReportPdf(team: TeamView, place: string): Promise<Buffer> {
  const doc = createPdf({ title: `Báo cáo năng lực tập thể — ${team.leader.fullName}` });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc
    .font(PDF_FONTS.bold)
    .fontSize(10)
    .text(team.leader.agencyName.toUpperCase(), { width: width * 0.5, align: 'center' });
  doc
    .moveUp()
    .font(PDF_FONTS.regular)
    .fontSize(10)
    .text(placeAndDate(place, today(), 'vi'), { width, align: 'right' });
  doc.moveDown(1.2).font(PDF_FONTS.bold).fontSize(14).text('BÁO CÁO NĂNG LỰC CỦA TẬP THỂ', { width, align: 'center' });
  doc.font(PDF_FONTS.regular).fontSize(10.5).text(`Lãnh đạo trực tiếp: ${team.leader.fullName}`, { width, align: 'center' });
  doc.moveDown(0.8);

  const heading = (text: string) => doc.moveDown(0.4).font(PDF_FONTS.bold).fontSize(11).text(text, doc.page.margins.left).font(PDF_FONTS.regular).fontSize(10);
  heading('I. TIẾN ĐỘ ĐÁNH GIÁ');
  doc.text(`Số người trong tập thể: ${count(team.members.length)}.`);
  if (team.openCycles.length === 0) doc.text('Không có đợt đánh giá nào đang mở.');
  for (const c of team.openCycles) doc.text(`Đợt đang mở: ${c.name} (hạn ${date(c.closesOn)}).`);
  doc.text(`Phiếu tập thể phải điền: đã nộp ${count(team.completion.submitted)}/${count(team.completion.total)} (${percent(team.completion.share)}).`);
  doc.moveDown(0.4);
  drawTable(
    doc,
    [
      { header: 'TT', width: 26, align: 'right' },
      { header: 'Họ và tên', width: 150 },
      { header: 'Mã cán bộ', width: 70 },
      { header: 'Phiếu phải điền (đã nộp)', width: 90, align: 'center' },
      { header: 'Phiếu đánh giá người này', width: 90, align: 'center' },
      { header: 'Năng lực chưa đạt', width: 73, align: 'center' },
    ],
    team.members.map((m, i) => [
      String(i + 1),
      m.fullName,
      m.staffCode,
      formsCell(m.formsToFill),
      formsCell(m.formsAboutThem),
      m.competenciesBelow === null ? 'Chưa có kết quả' : count(m.competenciesBelow),
    ]),
  );

  heading('II. KHOẢNG CÁCH NĂNG LỰC CỦA TẬP THỂ');
  if (!team.resultsCycle) doc.text('Chưa có kết quả đánh giá đã tổng hợp của tập thể.');
  else {
    doc.text(`Căn cứ kết quả tổng hợp của đợt: ${team.resultsCycle.name} (kết thúc ${date(team.resultsCycle.closesOn)}).`);
    doc.moveDown(0.4);
    drawTable(
      doc,
      [
        { header: 'TT', width: 26, align: 'right' },
        { header: 'Năng lực', width: 220 },
        { header: 'Nhóm', width: 110 },
        { header: 'Số được đánh giá', width: 55, align: 'right' },
        { header: 'Số chưa đạt', width: 45, align: 'right' },
        { header: 'Khoảng cách TB', width: 43, align: 'right' },
      ],
      team.gaps.map((g, i) => [
        String(i + 1),
        `${g.code} — ${g.name}`,
        g.groupName,
        count(g.people),
        count(g.below),
        g.meanGap === null ? '—' : decimal(g.meanGap),
      ]),
    );
    doc
      .fontSize(8.5)
      .fillColor('#444')
      .text(
        'Chỉ dùng kết quả đã tổng hợp: ý kiến của đồng nghiệp và cấp dưới chỉ được tính khi có từ ba người trở lên, để bảo đảm ẩn danh; không có phiếu của từng người đánh giá.',
      );
  }
  doc
    .moveDown(1.5)
    .fillColor('#111')
    .font(PDF_FONTS.bold)
    .fontSize(10.5)
    .text('NGƯỜI LẬP BÁO CÁO', doc.page.margins.left + width * 0.55, doc.y, {
      width: width * 0.45,
      align: 'center',
    });
  doc
    .font(PDF_FONTS.regular)
    .moveDown(3)
    .text(team.leader.fullName, { width: width * 0.45, align: 'center' });
  return pdfToBuffer(doc);
}
