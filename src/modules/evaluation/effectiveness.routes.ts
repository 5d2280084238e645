import type { AppInstance } from '../../platform/http/types.js';
import { fileResponse } from '../../platform/http/response-types.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import { sendFile } from '../training/send-file.js';
import { courseReportPdf, effectivenessWorkbook } from './effectiveness.files.js';
import { EFFECT_DIMENSIONS } from './effectiveness.repository.js';
import { MIN_GROUP_SIZE } from './effectiveness.js';
import { courseAnswer, courseParams, courseQuery, courseReportQuery, rankingAnswer, rankingQuery } from './effectiveness.schema.js';
import { courseEffectDetail, effectRanking, effectScopeName } from './effectiveness.service.js';
import { followupListAnswer, followupListQuery, followupSettingsAnswer, followupSettingsBody } from './followups.schema.js';
import { listFollowups, readFollowupSettings, writeFollowupSettings } from './followups.admin.js';

const tags = ['evaluation'];
const HR = { roles: ['national_admin', 'hr_officer'] } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const READERS = { roles: ['national_admin', 'hr_officer', 'trainer'] } as const;

/** Level 3 follow-ups and the effectiveness ranking (issue 16, items 3, 5 and 6). */
export async function effectivenessRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/followups/settings',
    {
      config: { access: HR },
      schema: { tags, summary: 'Months after completion at which the agency follows its trainees up', response: { 200: followupSettingsAnswer } },
    },
    async (request) => readFollowupSettings(app.db, request.actor!),
  );

  app.put(
    '/followups/settings',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'Set the agency’s follow-up months (1–36, at most 4) and answer window (7–90 days)',
        body: followupSettingsBody,
        response: { 200: followupSettingsAnswer },
      },
    },
    async (request) => writeFollowupSettings(app.db, request.actor!, request.body),
  );

  app.get(
    '/followups',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'Follow-ups of the agency’s trainees: scheduled, open (with progress), overdue, closed',
        querystring: followupListQuery,
        response: { 200: followupListAnswer },
      },
    },
    async (request) => listFollowups(app.db, request.actor!, request.query),
  );

  app.get(
    '/effectiveness',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Ranking by course, institution, competency or format: difference in differences against untrained people with the same gap, 95 % interval',
        querystring: rankingQuery,
        response: { 200: rankingAnswer },
      },
    },
    async (request) => ({
      by: request.query.by,
      minGroupSize: MIN_GROUP_SIZE,
      items: await effectRanking(app.db, request.actor!, request.query.by, request.query.agencyId),
    }),
  );

  app.get(
    '/effectiveness/courses/:courseId',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'One course’s effect, overall and per competency, with before and after means',
        params: courseParams,
        querystring: courseQuery,
        response: { 200: courseAnswer },
      },
    },
    async (request) => courseEffectDetail(app.db, request.actor!, request.params.courseId, request.query.agencyId),
  );

  app.get(
    '/effectiveness/courses/:courseId/report.pdf',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'A course’s evaluation report for its institution (PDF), in the caller’s language (`language`, else Accept-Language)',
        params: courseParams,
        querystring: courseReportQuery,
        response: { 200: fileResponse('application/pdf', 'Course evaluation report') },
      },
    },
    async (request, reply) => {
      const detail = await courseEffectDetail(app.db, request.actor!, request.params.courseId, request.query.agencyId);
      const language = request.query.language ?? pickLanguage(request.headers['accept-language']);
      return sendFile(reply, {
        contentType: 'application/pdf',
        disposition: 'attachment',
        name: `${language === 'en' ? 'course-evaluation' : 'danh-gia-khoa-hoc'}-${detail.course.code}.pdf`,
        body: await courseReportPdf(detail, language),
      });
    },
  );

  app.get(
    '/effectiveness/report.xlsx',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'The agency’s training-effectiveness report: rankings by course, institution, competency and format (xlsx)',
        querystring: courseQuery,
        response: { 200: fileResponse(XLSX, 'Training effectiveness') },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const rankings = [];
      for (const by of EFFECT_DIMENSIONS) rankings.push({ by, rows: await effectRanking(app.db, actor, by, request.query.agencyId) });
      const agency = await effectScopeName(app.db, actor, request.query.agencyId);
      const body = await effectivenessWorkbook(agency.name, rankings, pickLanguage(request.headers['accept-language']));
      return sendFile(reply, { contentType: XLSX, disposition: 'attachment', name: `hieu-qua-dao-tao-${agency.code}.xlsx`, body });
    },
  );
}
