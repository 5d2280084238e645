import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { today } from '../../platform/clock.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import { formatCount, formatNumber, formatPercent, placeAndDate } from '../../platform/text/formats.js';

// The report is written in Vietnamese: the shared formats, bound to it.
const count = (n: number) => formatCount(n, 'vi');
const decimal = (n: number | null) => formatNumber(n, 'vi', 2, true);
const percent = (share: number) => formatPercent(share, 'vi');
import * as repo from './needs.repository.js';
import { addMeasures, EMPTY_MEASURES, toFigures } from './needs.figures.js';
import { loadCompetencyCatalogue } from './competency-catalogue.js';
import { visibleCycles } from './needs.service.js';
import { CENTRAL } from './summaries.js';
import { topGapsByGroup } from './national-figures.js';
import type { SummaryMeasures } from './needs.repository.js';

const CENTRAL_NAME = 'Cơ quan trung ương';

/** People assessed and meeting their profile, per province of today's geography, from the people summary. */
async function peopleByProvince(db: Db, cycleId: string) {
  const { rows } = await sql<{ provinceId: string; name: string | null; people: number; meetingProfile: number }>`
    SELECT pr.province_id AS "provinceId", u.full_name AS name, sum(p.people)::int AS people, sum(p.meeting_profile)::int AS "meetingProfile"
    FROM needs_summary_people p
    JOIN (SELECT DISTINCT agency_id, current_province_id AS province_id FROM needs_summary_agency WHERE cycle_id = ${cycleId}) pr ON pr.agency_id = p.agency_id
    LEFT JOIN admin_units u ON u.id = pr.province_id
    WHERE p.cycle_id = ${cycleId}
    GROUP BY 1, 2 ORDER BY 3 DESC, 2`.execute(db);
  return rows;
}

/** Seats completed in the cycle's year and the people they trained: counts only. */
async function trainingCompleted(db: Db, year: number) {
  const { rows } = await sql<{ seats: number; people: number; courses: number }>`
    SELECT count(*)::int AS seats, count(DISTINCT e.person_id)::int AS people, count(DISTINCT s.course_id)::int AS courses
    FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id
    WHERE e.status = 'completed' AND extract(year FROM s.ends_on) = ${year}`.execute(db);
  return rows[0]!;
}

/**
 * The national administrator's national report (issue 18, item 10): people
 * assessed, per province, the largest gaps of each competency group and the
 * training completed, read from the needs summaries. Counts and shares only:
 * no person is named.
 */
export async function nationalReportPdf(db: Db, actor: Actor, cycleId?: string): Promise<Buffer> {
  const cycles = await visibleCycles(db, actor);
  const cycle = cycleId ? cycles.find((c) => c.id === cycleId) : cycles[0];
  if (!cycle) throw notFound();
  const year = cycle.year ?? Number(cycle.opensOn.slice(0, 4));

  const [totals] = (await repo.profileTrend(db, actor, '')).filter((p) => p.cycleId === cycle.id);
  const provinces = await peopleByProvince(db, cycle.id);
  const provinceRows = await repo.provinceCompetencyTable(db, actor, cycle.id, 'current');
  const byCompetency = new Map<string, SummaryMeasures>();
  const byProvince = new Map<string, SummaryMeasures>();
  for (const r of provinceRows) {
    byCompetency.set(r.competencyId, addMeasures(byCompetency.get(r.competencyId) ?? EMPTY_MEASURES, r));
    const key = r.provinceId ?? CENTRAL;
    byProvince.set(key, addMeasures(byProvince.get(key) ?? EMPTY_MEASURES, r));
  }
  const catalogue = await loadCompetencyCatalogue(db, [...byCompetency.keys()]);
  const groups = topGapsByGroup(
    [...byCompetency].map(([competencyId, m]) => ({ competencyId, ...m })),
    catalogue,
  );
  const overall = toFigures([...byCompetency.values()].reduce(addMeasures, EMPTY_MEASURES));
  const training = await trainingCompleted(db, year);

  const doc = createPdf({ title: `Báo cáo toàn quốc về năng lực và nhu cầu bồi dưỡng năm ${year}` });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const top = doc.y;
  doc
    .font(PDF_FONTS.bold)
    .fontSize(10)
    .text('BỘ NỘI VỤ', doc.page.margins.left, top, { width: width * 0.4, align: 'center' });
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', doc.page.margins.left + width * 0.4, top, { width: width * 0.6, align: 'center' });
  doc.font(PDF_FONTS.regular).text('Độc lập - Tự do - Hạnh phúc', { width: width * 0.6, align: 'center' });
  doc.moveDown(0.5).text(placeAndDate('Hà Nội', today(), 'vi'), { width: width * 0.6, align: 'center' });
  doc.x = doc.page.margins.left;
  doc.moveDown(1.5).font(PDF_FONTS.bold).fontSize(14).text('BÁO CÁO TOÀN QUỐC', { width, align: 'center' });
  doc.fontSize(12).text(`Năng lực và nhu cầu đào tạo, bồi dưỡng cán bộ, công chức năm ${year}`, { width, align: 'center' });
  doc.font(PDF_FONTS.regular).fontSize(10).text(`Căn cứ kết quả đợt đánh giá: ${cycle.name}`, { width, align: 'center' });
  doc.moveDown();

  const heading = (text: string) =>
    doc.moveDown(0.5).font(PDF_FONTS.bold).fontSize(11).text(text, doc.page.margins.left).font(PDF_FONTS.regular).fontSize(10).moveDown(0.3);
  heading('I. SỐ NGƯỜI ĐƯỢC ĐÁNH GIÁ');
  const people = totals?.people ?? 0;
  doc.text(`Số cán bộ, công chức được đánh giá: ${count(people)}.`);
  doc.text(
    `Đáp ứng đầy đủ yêu cầu năng lực của vị trí việc làm: ${count(totals?.meetingProfile ?? 0)} (${percent(people ? (totals?.meetingProfile ?? 0) / people : 0)}).`,
  );
  doc.text(`Tỷ lệ lượt đánh giá chưa đạt yêu cầu: ${percent(overall.needShare)}; khoảng cách trung bình ${decimal(overall.meanGap)} cấp độ.`);

  heading('II. THEO TỈNH, THÀNH PHỐ');
  drawTable(
    doc,
    [
      { header: 'TT', width: 26, align: 'right' },
      { header: 'Tỉnh, thành phố', width: 190 },
      { header: 'Số được đánh giá', width: 75, align: 'right' },
      { header: 'Đáp ứng yêu cầu', width: 75, align: 'right' },
      { header: 'Tỷ lệ chưa đạt', width: 65, align: 'right' },
      { header: 'Khoảng cách TB', width: 68, align: 'right' },
    ],
    provinces.map((p, i) => {
      const f = toFigures(byProvince.get(p.provinceId) ?? EMPTY_MEASURES);
      return [
        String(i + 1),
        p.provinceId === CENTRAL ? CENTRAL_NAME : (p.name ?? p.provinceId),
        count(p.people),
        percent(p.people ? p.meetingProfile / p.people : 0),
        percent(f.needShare),
        decimal(f.meanGap),
      ];
    }),
  );

  heading('III. NĂNG LỰC CẦN BỒI DƯỠNG NHIỀU NHẤT THEO NHÓM');
  for (const g of groups) {
    doc.font(PDF_FONTS.bold).text(`${g.groupCode}. ${g.groupName}`).font(PDF_FONTS.regular);
    if (g.competencies.length === 0) doc.text('Không có khoảng cách năng lực.');
    for (const c of g.competencies)
      doc.text(
        `• ${c.code} — ${c.name}: ${percent(c.figures.needShare)} lượt chưa đạt (${count(c.figures.needs)}/${count(c.figures.people)}), khoảng cách TB ${decimal(c.figures.meanGap)}.`,
      );
    doc.moveDown(0.3);
  }

  heading('IV. KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG');
  doc.text(
    `Năm ${year}: ${count(training.seats)} lượt hoàn thành khóa học, ${count(training.people)} người được bồi dưỡng, ${count(training.courses)} khóa học.`,
  );
  doc.moveDown(1).fontSize(8.5).fillColor('#444').text('Số liệu tổng hợp từ bảng tổng hợp nhu cầu; báo cáo không chứa dữ liệu của từng người.');
  return pdfToBuffer(doc);
}
