import { z } from 'zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { notFound } from '../../../platform/errors.js';
import { isInScope } from '../../../platform/auth/scope.js';
import { today } from '../../../platform/clock.js';
import { pickLanguage } from '../../../platform/i18n/language.js';
import { contentDisposition } from '../../../platform/export/spreadsheet-safe.js';
import { fileResponse } from '../../../platform/http/response-types.js';
import { registerPeople, staffCodeLists } from './staff-register.repository.js';
import { staffRegisterWorkbook } from './staff-register.xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORTERS = { roles: ['national_admin', 'hr_officer'] } as const;

/** The staff register as a workbook HR edits and imports again (the import reads its rows as updates). */
export async function staffRegisterRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/',
    {
      config: { access: EXPORTERS },
      schema: {
        tags: ['people'],
        summary: 'Staff register as xlsx, in the import template’s columns, with title, agency and date',
        // A download link sends the browser's Accept-Language, not the app's: the page names its language.
        querystring: z.strictObject({ agencyId: z.uuid().optional(), language: z.enum(['vi', 'en']).optional() }),
        response: { 200: fileResponse([XLSX_TYPE], 'The register (xlsx)') },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const language = request.query.language ?? pickLanguage(request.headers['accept-language']);
      let agency: { path: string; name: string; name_en: string | null; code: string } | undefined;
      if (request.query.agencyId) {
        agency = await app.db.selectFrom('agencies').select(['path', 'name', 'name_en', 'code']).where('id', '=', request.query.agencyId).executeTakeFirst();
        if (!agency || !isInScope(actor, agency.path)) throw notFound({ agencyId: request.query.agencyId });
      } else if (actor.role !== 'national_admin') {
        agency = await app.db.selectFrom('agencies').select(['path', 'name', 'name_en', 'code']).where('path', '=', actor.agencyPath).executeTakeFirst();
      }
      const scopeName = agency ? (language === 'en' && agency.name_en) || agency.name : language === 'en' ? 'All agencies' : 'Tất cả cơ quan';
      const [people, lists] = await Promise.all([registerPeople(app.db, actor, agency?.path ?? null), staffCodeLists(app.db, actor)]);
      const day = today();
      const file = await staffRegisterWorkbook(people, lists, { scopeName, day }, language);
      const fileName = `${language === 'en' ? 'staff-register' : 'danh-sach-can-bo'}${agency ? `-${agency.code}` : ''}-${day}.xlsx`;
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition('attachment', fileName)).send(file);
    },
  );
}
