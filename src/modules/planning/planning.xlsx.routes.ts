import type { AppInstance } from '../../platform/http/types.js';
import { fileResponse } from '../../platform/http/response-types.js';
import { AppError } from '../../platform/errors.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import { sendFile } from '../training/send-file.js';
import { planContext } from './plan-context.js';
import { findPlan, readVersion, saveSeats } from './planning.service.js';
import { planParams, versionAnswer, versionParams } from './planning.schema.js';
import { planWorkbook, readPlanWorkbook } from './planning.xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_TYPES = ['application/octet-stream', XLSX];
const MAX_UPLOAD = 16 * 1024 * 1024;
const tags = ['planning'];

/** The plan's workbook out and back in (all rows or none). */
export async function planningXlsxRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/plans/:id/versions/:number/xlsx',
    {
      config: { access: { roles: ['national_admin', 'hr_officer', 'leader'] } },
      schema: { tags, summary: 'A version as a workbook to edit and re-import', params: versionParams, response: { 200: fileResponse(XLSX, 'Annual plan') } },
    },
    async (request, reply) => {
      const plan = await findPlan(app.db, request.actor!, request.params.id);
      const version = await readVersion(app.db, request.actor!, request.params.id, request.params.number);
      const body = await planWorkbook(
        { name: plan.name, year: plan.year, version: version.number },
        version.seats,
        pickLanguage(request.headers['accept-language']),
      );
      return sendFile(reply, { contentType: XLSX, disposition: 'attachment', name: `ke-hoach-${plan.year}-v${version.number}.xlsx`, body });
    },
  );

  // Raw file bytes only on the import route (its own plugin context).
  await app.register(async (upload: AppInstance) => {
    upload.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_request, body, done) => done(null, body));
    upload.post(
      '/plans/:id/import',
      {
        config: { access: { roles: ['national_admin', 'hr_officer'] } },
        schema: {
          tags,
          summary: 'Re-import an edited workbook as a new version: all rows or none, then every limit',
          params: planParams,
          response: { 200: versionAnswer },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('import_file_unreadable', 400, { reason: 'empty' });
        const plan = await findPlan(app.db, request.actor!, request.params.id, true);
        const context = await planContext(app.db, plan);
        const people = new Map(context.evidence.people.map((p) => [p.staffCode, p.id]));
        const sessions = new Map(context.evidence.sessions.map((s) => [s.code, s.id]));
        const seats = await readPlanWorkbook(request.body, people, sessions);
        const number = await saveSeats(app.db, request.actor!, request.params.id, seats, 'import');
        return readVersion(app.db, request.actor!, request.params.id, number);
      },
    );
  });
}
