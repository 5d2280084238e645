import type { AppInstance } from '../../platform/http/types.js';
import type { z } from 'zod';
import type { Role } from '../../platform/auth/roles.js';
import type { Actor } from '../../platform/auth/actor.js';
import { forbidden } from '../../platform/errors.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import * as service from './needs.service.js';
import * as schema from './needs.schema.js';
import { breakdownWorkbook } from './needs.export.js';
import { needsReportPdf } from './needs.report.js';
import { nationalReportFileName, nationalReportPdf } from './national-report.js';
import { targetGroupsWorkbook } from './target-groups.export.js';
import { today } from '../../platform/clock.js';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';

const ANALYSTS: readonly Role[] = ['national_admin', 'hr_officer', 'leader'];
const tags = ['needs'];

export async function needsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/cycles',
    { config: { access: { roles: ANALYSTS } }, schema: { tags, summary: 'Assessment cycles the caller may analyse', response: { 200: schema.cycleList } } },
    async (request) => ({
      items: await service.visibleCycles(app.db, request.actor!),
    }),
  );

  const breakdownOf = async (actor: Actor, query: z.output<typeof schema.breakdownQuery>) => {
    await service.assertCycleReadable(app.db, actor, query.cycleId);
    const level = query.level ?? (actor.role === 'national_admin' ? 'country' : 'agency');
    if (level === 'country') {
      if (actor.role !== 'national_admin') throw forbidden();
      return service.countryBreakdown(app.db, actor, query.cycleId, query.columns, query.geography);
    }
    if (level === 'province') {
      if (!query.id) throw forbidden();
      return service.provinceBreakdown(app.db, actor, query.cycleId, query.id, query.columns);
    }
    return service.agencyBreakdown(app.db, actor, query.cycleId, query.id ?? actor.agencyId, query.columns);
  };

  app.get(
    '/breakdown',
    {
      config: { access: { roles: ANALYSTS } },
      schema: {
        tags,
        summary: 'Gaps by province, agency or child agency x competency (group), from the summaries',
        querystring: schema.breakdownQuery,
        response: { 200: schema.breakdown },
      },
    },
    async (request) => breakdownOf(request.actor!, request.query),
  );

  app.get(
    '/breakdown.xlsx',
    {
      config: { access: { roles: ANALYSTS } },
      schema: { tags, summary: 'The same table as an Excel workbook', querystring: schema.breakdownQuery, response: { 200: schema.breakdownWorkbookFile } },
    },
    async (request, reply) => {
      const breakdown = await breakdownOf(request.actor!, request.query);
      const language = pickLanguage(request.headers['accept-language']);
      const buffer = await breakdownWorkbook(breakdown, language);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('attachment', `nhu-cau-dao-tao-${breakdown.level}.xlsx`))
        .send(buffer);
    },
  );

  app.get(
    '/breakdown-by',
    {
      config: { access: { roles: ANALYSTS } },
      schema: {
        tags,
        summary: 'Gaps of a subtree by role category or position x competency (group), from the summaries',
        querystring: schema.dimensionQuery,
        response: { 200: schema.breakdown },
      },
    },
    async (request) => {
      const { cycleId, dimension, agencyId, columns } = request.query;
      return service.dimensionBreakdown(app.db, request.actor!, cycleId, dimension, agencyId, columns);
    },
  );

  app.get(
    '/agencies/:id/people',
    {
      config: { access: { roles: ANALYSTS } },
      schema: {
        tags,
        summary: 'People of one agency with their needs',
        params: schema.idParams,
        querystring: schema.agencyPeopleQuery,
        response: { 200: schema.agencyPeople },
      },
    },
    async (request) => service.agencyPeople(app.db, request.actor!, request.query.cycleId, request.params.id, request.query.q),
  );

  app.get(
    '/people/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'One person’s gap profile', params: schema.idParams, querystring: schema.personQuery, response: { 200: schema.personProfile } },
    },
    async (request) => service.personGapProfile(app.db, request.actor!, request.params.id, request.query.cycleId),
  );

  app.get(
    '/trend',
    {
      config: { access: { roles: ANALYSTS } },
      schema: { tags, summary: 'Share meeting the profile and mean gap per cycle', querystring: schema.trendQuery, response: { 200: schema.trend } },
    },
    async (request) => ({ items: await service.needsTrend(app.db, request.actor!, request.query.agencyId) }),
  );

  app.get(
    '/target-groups',
    {
      config: { access: { roles: ['national_admin', 'hr_officer'] } },
      schema: {
        tags,
        summary: 'People with similar gap profiles, grouped for training',
        querystring: schema.targetGroupQuery,
        response: { 200: schema.targetGroupList },
      },
    },
    async (request) => {
      const { cycleId, agencyId, ...options } = request.query;
      return { items: await service.targetGroups(app.db, request.actor!, cycleId, agencyId, options) };
    },
  );

  app.get(
    '/target-groups.xlsx',
    {
      config: { access: { roles: ['national_admin', 'hr_officer'] } },
      schema: {
        tags,
        summary: 'The target groups with their members as an Excel workbook, in the caller’s language',
        querystring: schema.targetGroupQuery,
        response: { 200: schema.targetGroupsWorkbookFile },
      },
    },
    async (request, reply) => {
      const { cycleId, agencyId, ...options } = request.query;
      const actor = request.actor!;
      const groups = await service.targetGroups(app.db, actor, cycleId, agencyId, options);
      const language = pickLanguage(request.headers['accept-language']);
      const header = await service.targetGroupsHeader(app.db, actor, cycleId, agencyId, language);
      const buffer = await targetGroupsWorkbook(groups, { ...header, today: today() }, language);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('attachment', language === 'en' ? 'training-target-groups.xlsx' : 'nhom-doi-tuong-dao-tao.xlsx'))
        .send(buffer);
    },
  );

  app.get(
    '/report.pdf',
    {
      config: { access: { roles: ['national_admin', 'hr_officer'] } },
      schema: {
        tags,
        summary: 'Annual training-needs submission of an agency (PDF, Vietnamese)',
        querystring: schema.reportQuery,
        response: { 200: schema.reportPdfFile },
      },
    },
    async (request, reply) => {
      const pdf = await needsReportPdf(app.db, request.actor!, request.query.cycleId, request.query.agencyId);
      return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', 'bao-cao-nhu-cau-dao-tao.pdf')).send(pdf);
    },
  );

  app.get(
    '/national-report.pdf',
    {
      config: { access: { roles: ['national_admin'] } },
      schema: {
        tags,
        summary:
          'National report: people assessed, per province, top gaps by group, training completed (PDF, no per-person data), in the caller’s language (`language`, else Accept-Language)',
        querystring: schema.nationalReportQuery,
        response: { 200: schema.reportPdfFile },
      },
    },
    async (request, reply) => {
      const language = request.query.language ?? pickLanguage(request.headers['accept-language']);
      const pdf = await nationalReportPdf(app.db, request.actor!, request.query.cycleId, language);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('inline', nationalReportFileName(language)))
        .send(pdf);
    },
  );
}
