import type { Db } from '../../platform/db/engine.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { today as todayInZone } from '../../platform/clock.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import * as repo from './needs.repository.js';
import { addMeasures, EMPTY_MEASURES, toFigures } from './needs.figures.js';
import { loadCompetencyCatalogue } from './competency-catalogue.js';
import { agencyBreakdown, targetGroups, visibleCycles, subtreePath } from './needs.service.js';
import { DEFAULT_TARGET_GROUP_OPTIONS } from './target-groups.js';
import type { SummaryMeasures } from './needs.repository.js';
import { formatCount, formatNumber, formatPercent, placeAndDate } from '../../platform/text/formats.js';
import { agencyPlace } from '../assessment/team.pdf.js';

const percent = (share: number) => formatPercent(share, 'vi');
const decimal = (n: number) => formatNumber(n, 'vi', 2, true);
const count = (n: number) => formatCount(n, 'vi');

/**
 * An agency's annual training-needs submission (báo cáo nhu cầu đào tạo, bồi
 * dưỡng), laid out as Vietnamese administrative documents are: the issuing
 * body and the national motto side by side, a numbered title, numbered sections
 * and the signature block.
 */
export async function needsReportPdf(db: Db, actor: Actor, cycleId: string, agencyId?: string): Promise<Buffer> {
  const id = agencyId ?? actor.agencyId;
  const path = await subtreePath(db, actor, id);
  const agency = await db.selectFrom('agencies').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
  const cycle = (await visibleCycles(db, actor)).find((c) => c.id === cycleId);
  if (!cycle) throw notFound();

  const rows = await repo.childAgencyTable(db, actor, cycleId, path);
  const byCompetency = new Map<string, SummaryMeasures>();
  for (const row of rows) byCompetency.set(row.competencyId, addMeasures(byCompetency.get(row.competencyId) ?? EMPTY_MEASURES, row));
  const catalogue = await loadCompetencyCatalogue(db, [...byCompetency.keys()]);
  const total = toFigures([...byCompetency.values()].reduce(addMeasures, EMPTY_MEASURES));
  const [people] = (await repo.profileTrend(db, actor, path)).filter((p) => p.cycleId === cycleId);
  const children = await agencyBreakdown(db, actor, cycleId, id, 'group');
  const groups = await targetGroups(db, actor, cycleId, id, DEFAULT_TARGET_GROUP_OPTIONS);

  const year = cycle.year ?? Number(cycle.opensOn.slice(0, 4));
  const doc = createPdf({ title: `Báo cáo nhu cầu đào tạo, bồi dưỡng năm ${year} — ${agency.name}` });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const top = doc.y;
  doc
    .font(PDF_FONTS.bold)
    .fontSize(10)
    .text(agency.name.toUpperCase(), doc.page.margins.left, top, { width: width * 0.45, align: 'center' });
  doc.font(PDF_FONTS.bold).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', doc.page.margins.left + width * 0.45, top, { width: width * 0.55, align: 'center' });
  doc.font(PDF_FONTS.regular).text('Độc lập - Tự do - Hạnh phúc', { width: width * 0.55, align: 'center' });
  // The place and date line (Decree 30/2020/NĐ-CP): the agency's province, the deployment's calendar day.
  doc
    .moveDown(0.5)
    .fontSize(10)
    .text(placeAndDate(await agencyPlace(db, agency.id), todayInZone(), 'vi'), { width: width * 0.55, align: 'center' });
  doc.x = doc.page.margins.left;
  doc.moveDown(1.5);
  doc.font(PDF_FONTS.bold).fontSize(14).text('BÁO CÁO', { width, align: 'center' });
  doc.fontSize(12).text(`Nhu cầu đào tạo, bồi dưỡng theo khung năng lực năm ${year}`, { width, align: 'center' });
  doc.font(PDF_FONTS.regular).fontSize(10).text(`Căn cứ kết quả đợt đánh giá: ${cycle.name}`, { width, align: 'center' });
  doc.moveDown();

  const heading = (text: string) =>
    doc.moveDown(0.5).font(PDF_FONTS.bold).fontSize(11).text(text, doc.page.margins.left).font(PDF_FONTS.regular).fontSize(10).moveDown(0.3);
  heading('I. TỔNG QUAN');
  doc.text(`Số công chức được đánh giá: ${count(people?.people ?? 0)}.`);
  doc.text(
    `Số người đáp ứng đầy đủ yêu cầu năng lực của vị trí việc làm: ${count(people?.meetingProfile ?? 0)} (${percent(people && people.people ? people.meetingProfile / people.people : 0)}).`,
  );
  doc.text(`Tỷ lệ lượt đánh giá có khoảng cách năng lực: ${percent(total.needShare)}; khoảng cách trung bình ${decimal(total.meanGap)} cấp độ.`);

  heading('II. NHU CẦU THEO NĂNG LỰC (xếp theo mức độ cần thiết)');
  const ranked = [...byCompetency]
    .map(([competencyId, m]) => ({ info: catalogue.get(competencyId), f: toFigures(m) }))
    .sort((a, b) => b.f.meanWeightedNeed - a.f.meanWeightedNeed);
  drawTable(
    doc,
    [
      { header: 'TT', width: 26, align: 'right' },
      { header: 'Năng lực', width: 215 },
      { header: 'Số được đánh giá', width: 70, align: 'right' },
      { header: 'Số có nhu cầu', width: 62, align: 'right' },
      { header: 'Tỷ lệ', width: 55, align: 'right' },
      { header: 'Khoảng cách TB', width: 70, align: 'right' },
    ],
    ranked.map((r, i) => [
      String(i + 1),
      r.info ? `${r.info.code} — ${r.info.name.vi}` : '—',
      count(r.f.people),
      count(r.f.needs),
      percent(r.f.needShare),
      decimal(r.f.meanGap),
    ]),
  );

  heading('III. NHÓM ĐỐI TƯỢNG ĐỀ XUẤT ĐÀO TẠO CHUNG');
  if (groups.length === 0) doc.text('Không có nhu cầu đào tạo.');
  else
    drawTable(
      doc,
      [
        { header: 'Nhóm', width: 40, align: 'right' },
        { header: 'Số người', width: 55, align: 'right' },
        { header: 'Năng lực cần bồi dưỡng chung', width: 403 },
      ],
      groups
        .slice(0, 20)
        .map((g, i) => [String(i + 1), String(g.size), g.sharedGaps.map((s) => `${s.code} ${s.name?.vi ?? ''} (${decimal(s.meanGap)})`).join('; ')]),
    );

  heading('IV. THEO ĐƠN VỊ TRỰC THUỘC');
  drawTable(
    doc,
    [
      { header: 'Đơn vị', width: 260 },
      { header: 'Lượt đánh giá', width: 80, align: 'right' },
      { header: 'Tỷ lệ có nhu cầu', width: 80, align: 'right' },
      { header: 'Khoảng cách TB', width: 78, align: 'right' },
    ],
    children.rows.map((r) => [r.name, count(r.total.people), percent(r.total.needShare), decimal(r.total.meanGap)]),
  );

  doc.moveDown(2);
  const signTop = doc.y;
  doc.font(PDF_FONTS.bold).text('NGƯỜI LẬP BIỂU', doc.page.margins.left, signTop, { width: width / 2, align: 'center' });
  doc.text('THỦ TRƯỞNG CƠ QUAN', doc.page.margins.left + width / 2, signTop, { width: width / 2, align: 'center' });
  doc
    .font(PDF_FONTS.regular)
    .fontSize(9)
    .text('(Ký, ghi rõ họ tên)', doc.page.margins.left, doc.y, { width: width / 2, align: 'center' });
  doc.text('(Ký tên, đóng dấu)', doc.page.margins.left + width / 2, signTop + 14, { width: width / 2, align: 'center' });
  return pdfToBuffer(doc);
}
