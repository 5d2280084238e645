import { sql } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { today } from '../../platform/clock.js';
import { createPdf, drawTable, pdfToBuffer, PDF_FONTS } from '../../platform/pdf/pdf-document.js';
import { formatCount, formatNumber, formatPercent, placeAndDate } from '../../platform/text/formats.js';
import type { Language } from '../../platform/i18n/language.js';
import { NATIONAL_REPORT_LABELS } from './national-report.labels.js';
import * as repo from './needs.repository.js';
import { addMeasures, EMPTY_MEASURES, toFigures } from './needs.figures.js';
import { loadCompetencyCatalogue } from './competency-catalogue.js';
import { visibleCycles } from './needs.service.js';
import { CENTRAL } from './summaries.js';
import { topGapsByGroup } from './national-figures.js';
import type { SummaryMeasures } from './needs.repository.js';

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
 * no person is named. In the reader's language, with its formats.
 */
export async function nationalReportPdf(db: Db, actor: Actor, cycleId: string | undefined, language: Language): Promise<Buffer> {
  const l = NATIONAL_REPORT_LABELS[language];
  const count = (n: number) => formatCount(n, language);
  const decimal = (n: number | null) => formatNumber(n, language, 2, true);
  const percent = (share: number) => formatPercent(share, language);
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
    3,
    language,
  );
  const overall = toFigures([...byCompetency.values()].reduce(addMeasures, EMPTY_MEASURES));
  const training = await trainingCompleted(db, year);

  const doc = createPdf({ title: l.documentTitle(year), language });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const top = doc.y;
  doc
    .font(PDF_FONTS.bold)
    .fontSize(10)
    .text(l.ministry, doc.page.margins.left, top, { width: width * 0.4, align: 'center' });
  doc.text(l.republic, doc.page.margins.left + width * 0.4, top, { width: width * 0.6, align: 'center' });
  doc.font(PDF_FONTS.regular).text(l.motto, { width: width * 0.6, align: 'center' });
  doc.moveDown(0.5).text(placeAndDate('Hà Nội', today(), language), { width: width * 0.6, align: 'center' });
  doc.x = doc.page.margins.left;
  doc.moveDown(1.5).font(PDF_FONTS.bold).fontSize(14).text(l.title, { width, align: 'center' });
  doc.fontSize(12).text(l.subtitle(year), { width, align: 'center' });
  doc
    .font(PDF_FONTS.regular)
    .fontSize(10)
    .text(l.basis((language === 'en' && cycle.nameEn) || cycle.name), { width, align: 'center' });
  doc.moveDown();

  const heading = (text: string) =>
    doc.moveDown(0.5).font(PDF_FONTS.bold).fontSize(11).text(text, doc.page.margins.left).font(PDF_FONTS.regular).fontSize(10).moveDown(0.3);
  heading(l.assessed);
  const people = totals?.people ?? 0;
  doc.text(l.people(count(people)));
  doc.text(l.meeting(count(totals?.meetingProfile ?? 0), percent(people ? (totals?.meetingProfile ?? 0) / people : 0)));
  doc.text(l.below(percent(overall.needShare), decimal(overall.meanGap)));

  heading(l.byProvince);
  drawTable(
    doc,
    [
      { header: l.columns.no, width: 26, align: 'right' },
      { header: l.columns.province, width: 190 },
      { header: l.columns.people, width: 75, align: 'right' },
      { header: l.columns.meeting, width: 75, align: 'right' },
      { header: l.columns.needShare, width: 65, align: 'right' },
      { header: l.columns.meanGap, width: 68, align: 'right' },
    ],
    provinces.map((p, i) => {
      const f = toFigures(byProvince.get(p.provinceId) ?? EMPTY_MEASURES);
      return [
        String(i + 1),
        p.provinceId === CENTRAL ? l.central : (p.name ?? p.provinceId),
        count(p.people),
        percent(p.people ? p.meetingProfile / p.people : 0),
        percent(f.needShare),
        decimal(f.meanGap),
      ];
    }),
  );

  heading(l.topGaps);
  for (const g of groups) {
    doc.font(PDF_FONTS.bold).text(`${g.groupCode}. ${g.groupName}`).font(PDF_FONTS.regular);
    if (g.competencies.length === 0) doc.text(l.noGap);
    for (const c of g.competencies)
      doc.text(l.competencyLine(c.code, c.name, percent(c.figures.needShare), count(c.figures.needs), count(c.figures.people), decimal(c.figures.meanGap)));
    doc.moveDown(0.3);
  }

  heading(l.training);
  doc.text(l.trainingLine(year, count(training.seats), count(training.people), count(training.courses)));
  doc.moveDown(1).fontSize(8.5).fillColor('#444').text(l.note);
  return pdfToBuffer(doc);
}

/** The report's file name in the reader's language. */
export const nationalReportFileName = (language: Language) => NATIONAL_REPORT_LABELS[language].fileName;
