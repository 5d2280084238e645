import type { AppInstance } from '../../platform/http/types.js';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';
import { fileResponse } from '../../platform/http/response-types.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import { appointCandidate } from './appointment.service.js';
import { applicationRegisterMatches } from './register-match.service.js';
import {
  appointAnswer,
  appointBody,
  registerMatchesAnswer,
  applicationParams,
  campaignParams,
  fairnessAnswer,
  myResultsAnswer,
  publishAnswer,
  rankingAnswer,
  shortlistBody,
  shortlistQuery,
} from './assessment.schema.js';
import { campaignFairness } from './fairness.service.js';
import { rankingPdf, rankingWorkbook } from './ranking.export.js';
import { campaignRanking, myResults, publishResults, recordShortlist } from './ranking.service.js';

const tags = ['recruitment'];
const STAFF = ['national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert', 'trainer'] as const;
const HR = ['hr_officer', 'national_admin'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Ranking, shortlist, results, fairness and appointment of a campaign. */
export async function recruitmentRankingRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/campaigns/:campaignId/ranking',
    {
      config: { access: { roles: STAFF } },
      schema: {
        tags,
        summary: 'Each position’s ranking: fit against the profile, shortfalls, tie-breaks and the shortlist (HR of the agency and the panel)',
        params: campaignParams,
        querystring: shortlistQuery,
        response: { 200: rankingAnswer },
      },
    },
    async (request) => campaignRanking(app.db, request.actor!, request.params.campaignId, request.query),
  );

  app.get(
    '/campaigns/:campaignId/ranking.xlsx',
    {
      config: { access: { roles: STAFF } },
      schema: {
        tags,
        summary: 'The ranking and shortlist as an Excel workbook',
        params: campaignParams,
        querystring: shortlistQuery,
        response: { 200: fileResponse(XLSX, 'The ranking') },
      },
    },
    async (request, reply) => {
      const ranking = await campaignRanking(app.db, request.actor!, request.params.campaignId, request.query);
      const buffer = await rankingWorkbook(ranking, pickLanguage(request.headers['accept-language']));
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition('attachment', `xep-hang-${ranking.campaign.code}.xlsx`))
        .send(buffer);
    },
  );

  app.get(
    '/campaigns/:campaignId/ranking.pdf',
    {
      config: { access: { roles: STAFF } },
      schema: {
        tags,
        summary: 'The ranking and shortlist as a PDF',
        params: campaignParams,
        querystring: shortlistQuery,
        response: { 200: fileResponse('application/pdf', 'The ranking') },
      },
    },
    async (request, reply) => {
      const ranking = await campaignRanking(app.db, request.actor!, request.params.campaignId, request.query);
      const pdf = await rankingPdf(ranking, pickLanguage(request.headers['accept-language']));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('inline', `xep-hang-${ranking.campaign.code}.pdf`))
        .send(pdf);
    },
  );

  app.post(
    '/campaigns/:campaignId/shortlist',
    {
      config: { access: { roles: HR } },
      schema: {
        tags,
        summary: 'Record the shortlist: its applications become shortlisted',
        params: campaignParams,
        body: shortlistBody,
        response: { 200: rankingAnswer },
      },
    },
    async (request) => recordShortlist(app.db, request.actor!, request.params.campaignId, request.body),
  );

  app.post(
    '/campaigns/:campaignId/results/publish',
    {
      config: { access: { roles: HR } },
      schema: { tags, summary: 'Publish the results: each candidate may read their own', params: campaignParams, response: { 200: publishAnswer } },
    },
    async (request) => publishResults(app.db, request.actor!, request.params.campaignId),
  );

  app.get(
    '/campaigns/:campaignId/fairness',
    {
      config: { access: { roles: STAFF } },
      schema: {
        tags,
        summary: 'Fit scores by panel member, and members who rate far from the others',
        params: campaignParams,
        response: { 200: fairnessAnswer },
      },
    },
    async (request) => campaignFairness(app.db, request.actor!, request.params.campaignId),
  );

  app.get(
    '/my-results',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My applications, and my result once the campaign publishes results', response: { 200: myResultsAnswer } },
    },
    async (request) => myResults(app.db, request.actor!),
  );

  app.get(
    '/applications/:applicationId/register-matches',
    {
      config: { access: { roles: HR } },
      schema: {
        tags,
        summary: 'Register entries the candidate may already be (same identity number, or same date of birth and name)',
        params: applicationParams,
        response: { 200: registerMatchesAnswer },
      },
    },
    async (request) => applicationRegisterMatches(app.db, request.actor!, request.params.applicationId),
  );

  app.post(
    '/applications/:applicationId/appoint',
    {
      config: { access: { roles: HR } },
      schema: {
        tags,
        summary: 'Appoint a ranked candidate: a person in the register with their assessed levels and a first development plan',
        params: applicationParams,
        body: appointBody,
        response: { 200: appointAnswer },
      },
    },
    async (request) => appointCandidate(app.db, request.actor!, request.params.applicationId, request.body),
  );
}
