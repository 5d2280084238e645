import { z } from 'zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { fileResponse } from '../../../platform/http/response-types.js';
import { sendFile } from '../send-file.js';
import { pickLanguage } from '../../../platform/i18n/language.js';
import { learningHistory } from './learning-history.service.js';
import { learningHistoryPdf, learningHistoryWorkbook } from './learning-history.files.js';
import { annualReport } from './annual-report.service.js';
import { annualReportPdf, annualReportWorkbook } from './annual-report.files.js';
import { annualReportAnswer, learningHistoryAnswer, reportQuery } from './records.schema.js';

const tags = ['training'];
const idParams = z.strictObject({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** HR officers report for their agency subtree; national administrators for any agency. */
const REPORTERS = { roles: ['hr_officer', 'national_admin'] } as const;

/** A person's training record and an agency's yearly training report, as JSON, PDF and xlsx. */
export async function recordsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/records/people/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'A person’s learning history (the person, their HR and leaders)', params: idParams, response: { 200: learningHistoryAnswer } },
    },
    async (request) => learningHistory(app.db, request.actor!, request.params.id),
  );

  app.get(
    '/records/people/:id/history.pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The learning history, printable (PDF)',
        params: idParams,
        response: { 200: fileResponse('application/pdf', 'Learning history') },
      },
    },
    async (request, reply) => {
      const history = await learningHistory(app.db, request.actor!, request.params.id);
      return sendFile(reply, {
        contentType: 'application/pdf',
        disposition: 'inline',
        name: `qua-trinh-boi-duong-${history.person.staffCode}.pdf`,
        body: await learningHistoryPdf(history),
      });
    },
  );

  app.get(
    '/records/people/:id/history.xlsx',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The learning history as a workbook', params: idParams, response: { 200: fileResponse(XLSX, 'Learning history') } },
    },
    async (request, reply) => {
      const history = await learningHistory(app.db, request.actor!, request.params.id);
      const buffer = await learningHistoryWorkbook(history, pickLanguage(request.headers['accept-language']));
      return sendFile(reply, { contentType: XLSX, disposition: 'attachment', name: `qua-trinh-boi-duong-${history.person.staffCode}.xlsx`, body: buffer });
    },
  );

  app.get(
    '/reports/agencies/:id',
    {
      config: { access: REPORTERS },
      schema: {
        tags,
        summary: 'An agency’s training report for a year (its subtree)',
        params: idParams,
        querystring: reportQuery,
        response: { 200: annualReportAnswer },
      },
    },
    async (request) => annualReport(app.db, request.actor!, request.params.id, request.query.year),
  );

  app.get(
    '/reports/agencies/:id/report.xlsx',
    {
      config: { access: REPORTERS },
      schema: {
        tags,
        summary: 'The yearly training report as a workbook',
        params: idParams,
        querystring: reportQuery,
        response: { 200: fileResponse(XLSX, 'Training report') },
      },
    },
    async (request, reply) => {
      const report = await annualReport(app.db, request.actor!, request.params.id, request.query.year);
      const buffer = await annualReportWorkbook(report, pickLanguage(request.headers['accept-language']));
      return sendFile(reply, { contentType: XLSX, disposition: 'attachment', name: `bao-cao-dao-tao-${report.agency.code}-${report.year}.xlsx`, body: buffer });
    },
  );

  app.get(
    '/reports/agencies/:id/report.pdf',
    {
      config: { access: REPORTERS },
      schema: {
        tags,
        summary: 'The yearly training report, printable (PDF)',
        params: idParams,
        querystring: reportQuery,
        response: { 200: fileResponse('application/pdf', 'Training report') },
      },
    },
    async (request, reply) => {
      const report = await annualReport(app.db, request.actor!, request.params.id, request.query.year);
      return sendFile(reply, {
        contentType: 'application/pdf',
        disposition: 'inline',
        name: `bao-cao-dao-tao-${report.agency.code}-${report.year}.pdf`,
        body: await annualReportPdf(report),
      });
    },
  );
}
