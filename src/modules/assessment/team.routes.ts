import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { calendarDate, fileResponse } from '../../platform/http/response-types.js';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';
import { teamView } from './team.service.js';
import { teamReportFileName, teamReportHeading, teamReportPdf } from './team.pdf.js';
import { pickLanguage } from '../../platform/i18n/language.js';

const tags = ['assessment'];
const access = { roles: ['leader', 'hr_officer', 'national_admin'] as const };
/** A leader omits it (their own team); HR and national administrators name the leader's staff record. */
const teamQuery = z.strictObject({ leaderId: z.uuid().optional() });
// A download link sends the browser's Accept-Language, not the app's: the page may name its language.
const teamReportQuery = teamQuery.extend({ language: z.enum(['vi', 'en']).optional() });
const forms = z.object({ total: z.number().int(), submitted: z.number().int() });
const cycleRef = z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable(), closesOn: calendarDate });

export const teamAnswer = z.object({
  leader: z.object({ personId: z.uuid(), fullName: z.string(), agencyId: z.uuid(), agencyName: z.string() }),
  /** direct_reports: rated by the leader as direct leader in the newest full cycle; agency: before any cycle, the leader's agency. */
  basis: z.enum(['direct_reports', 'agency']),
  openCycles: z.array(cycleRef),
  completion: z.object({ total: z.number().int(), submitted: z.number().int(), share: z.number() }),
  members: z.array(
    z.object({
      personId: z.uuid(),
      fullName: z.string(),
      staffCode: z.string(),
      agencyName: z.string(),
      formsToFill: forms,
      formsAboutThem: forms,
      competenciesBelow: z.number().int().nullable(),
    }),
  ),
  resultsCycle: cycleRef.nullable(),
  gaps: z.array(
    z.object({
      competencyId: z.uuid(),
      code: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      groupName: z.string(),
      groupNameEn: z.string().nullable(),
      people: z.number().int(),
      below: z.number().int(),
      meanGap: z.number().nullable(),
    }),
  ),
});

/** The leader's team view and its printable report (issue 18, item 10). */
export async function teamRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/team',
    {
      config: { access },
      schema: { tags, summary: 'A leader’s team: form completion in open cycles and consolidated gaps', querystring: teamQuery, response: { 200: teamAnswer } },
    },
    async (request) => teamView(app.db, request.actor!, request.query.leaderId),
  );

  app.get(
    '/team/report.pdf',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The team report, A4, with a place and date line, in the caller’s language (`language`, else Accept-Language)',
        querystring: teamReportQuery,
        response: { 200: fileResponse('application/pdf', 'Team report') },
      },
    },
    async (request, reply) => {
      const language = request.query.language ?? pickLanguage(request.headers['accept-language']);
      const team = await teamView(app.db, request.actor!, request.query.leaderId);
      const pdf = await teamReportPdf(team, await teamReportHeading(app.db, team.leader.agencyId), language);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('inline', teamReportFileName(language)))
        .send(pdf);
    },
  );
}
