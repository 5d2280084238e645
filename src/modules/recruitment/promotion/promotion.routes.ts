import { z } from 'zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { fileResponse } from '../../../platform/http/response-types.js';
import { pickLanguage } from '../../../platform/i18n/language.js';
import { sendFile } from '../../training/send-file.js';
// Its tables merge into the one Kysely `Database` (declaration merging).
import './promotion.tables.js';
import { decisionPdf, shortlistWorkbook } from './promotion.files.js';
import {
  createRoundBody,
  decisionBody,
  leadershipPositions as positionsAnswer,
  roundAnswer,
  roundList,
  roundParams,
  standingsAnswer,
  standingsQuery,
  updateRoundBody,
} from './promotion.schema.js';
import { createRound, decideRound, leadershipPositions, listRounds, readRound, roundStandings, shortlistRound, updateRound } from './promotion.service.js';

const tags = ['recruitment'];
const noBody = z.strictObject({}).optional();
const hr = { access: { roles: ['national_admin', 'hr_officer'] as const } };
const readers = { access: { roles: ['national_admin', 'hr_officer', 'leader'] as const } };
const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Appointment and promotion of internal candidates to a leadership position (issue 17, item 5). */
export async function promotionRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/positions',
    { config: readers, schema: { tags, summary: 'Leadership positions (leader, manager) of the caller’s subtree', response: { 200: positionsAnswer } } },
    (request) => leadershipPositions(app.db, request.actor!),
  );

  app.get(
    '/rounds',
    { config: readers, schema: { tags, summary: 'Appointment and promotion rounds of the caller’s subtree', response: { 200: roundList } } },
    (request) => listRounds(app.db, request.actor!),
  );

  app.post(
    '/rounds',
    {
      config: hr,
      schema: {
        tags,
        summary: 'A new round for a leadership position of the caller’s agency, with its eligibility rules',
        body: createRoundBody,
        response: { 200: roundAnswer },
      },
    },
    (request) => createRound(app.db, request.actor!, request.body),
  );

  app.get(
    '/rounds/:id',
    { config: readers, schema: { tags, summary: 'A round: its position, profile and rules', params: roundParams, response: { 200: roundAnswer } } },
    (request) => readRound(app.db, request.actor!, request.params.id),
  );

  app.patch(
    '/rounds/:id',
    {
      config: hr,
      schema: {
        tags,
        summary: 'Change the title or rules (a shortlisted round returns to draft; a decided one is final)',
        params: roundParams,
        body: updateRoundBody,
        response: { 200: roundAnswer },
      },
    },
    (request) => updateRound(app.db, request.actor!, request.params.id, request.body),
  );

  app.get(
    '/rounds/:id/standings',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Each internal candidate’s standing explained: a preview while draft, the frozen shortlist after',
        params: roundParams,
        querystring: standingsQuery,
        response: { 200: standingsAnswer },
      },
    },
    (request) => roundStandings(app.db, request.actor!, request.params.id, request.query.limit),
  );

  app.post(
    '/rounds/:id/shortlist',
    {
      config: hr,
      schema: {
        tags,
        summary: 'Freeze the standings under the current rules (status shortlisted)',
        params: roundParams,
        querystring: standingsQuery,
        body: noBody,
        response: { 200: standingsAnswer },
      },
    },
    (request) => shortlistRound(app.db, request.actor!, request.params.id, request.query.limit),
  );

  app.post(
    '/rounds/:id/decision',
    {
      config: hr,
      schema: {
        tags,
        summary: 'Record the chosen person(s) of the shortlist and the reasons (status decided, final)',
        params: roundParams,
        querystring: standingsQuery,
        body: decisionBody,
        response: { 200: standingsAnswer },
      },
    },
    (request) => decideRound(app.db, request.actor!, request.params.id, request.body, request.query.limit),
  );

  app.get(
    '/rounds/:id/decision.pdf',
    {
      config: readers,
      schema: {
        tags,
        summary: 'The decision (or the shortlist awaiting it) as a printable PDF',
        params: roundParams,
        response: { 200: fileResponse(PDF, 'Decision') },
      },
    },
    async (request, reply) => {
      const standings = await roundStandings(app.db, request.actor!, request.params.id, null);
      const body = await decisionPdf(standings, pickLanguage(request.headers['accept-language']));
      return sendFile(reply, { contentType: PDF, disposition: 'inline', name: `bo-nhiem-${standings.round.position.code}.pdf`, body });
    },
  );

  app.get(
    '/rounds/:id/shortlist.xlsx',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Every standing as a workbook: the eligible ranked, the ineligible with the reason',
        params: roundParams,
        response: { 200: fileResponse(XLSX, 'Shortlist') },
      },
    },
    async (request, reply) => {
      const standings = await roundStandings(app.db, request.actor!, request.params.id, null);
      const body = await shortlistWorkbook(standings, pickLanguage(request.headers['accept-language']));
      return sendFile(reply, { contentType: XLSX, disposition: 'attachment', name: `danh-sach-${standings.round.position.code}.xlsx`, body });
    },
  );
}
