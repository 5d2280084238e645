import { z } from 'zod';
import { today } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';
import { fileResponse } from '../../platform/http/response-types.js';
import type { AppInstance } from '../../platform/http/types.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import * as repo from './positions.repository.js';
import { matrixWorkbook } from './matrix.xlsx.js';
import { importMatrixFile, previewMatrixFile } from './matrix-file.service.js';

const READERS = { roles: ['national_admin', 'hr_officer', 'leader'] } as const;
const WRITERS = { roles: ['national_admin', 'hr_officer'] } as const;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 16 * 1024 * 1024;

const level = z.object({ requiredLevel: z.number().int(), criticality: z.number().int() }).nullable();
const matrixFileAnswer = z.object({
  changes: z.array(
    z.object({ positionId: z.string(), positionCode: z.string(), competencyId: z.string(), competencyCode: z.string(), before: level, after: level }),
  ),
  errors: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      code: z.enum(['unknown_position', 'position_out_of_scope', 'unknown_competency', 'invalid_level']),
      value: z.string(),
      message: z.object({ vi: z.string(), en: z.string() }),
    }),
  ),
});

/** The position matrix as a workbook, and the same workbook edited: previewed, then applied. */
export async function matrixFileRoutes(app: AppInstance): Promise<void> {
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_request, body, done) => done(null, body));

  app.get(
    '/export',
    {
      config: { access: READERS },
      schema: {
        tags: ['positions'],
        summary: 'Positions x competencies (required level/criticality) as xlsx, with title and date',
        querystring: z.strictObject({ language: z.enum(['vi', 'en']).optional() }),
        response: { 200: fileResponse([XLSX_TYPE], 'The matrix (xlsx)') },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const language = request.query.language ?? pickLanguage(request.headers['accept-language']);
      const positions = await repo.listPositions(app.db, actor, { limit: 5_000, offset: 0 });
      const competencies = await repo.profileCompetencies(app.db, actor);
      const cells = await repo.requirementsOf(
        app.db,
        positions.map((p) => p.id),
      );
      const day = today();
      const file = await matrixWorkbook(positions, competencies, cells, day, language);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', `${language === 'en' ? 'position-matrix' : 'ma-tran-vi-tri'}-${day}.xlsx`))
        .send(file);
    },
  );

  app.post(
    '/import',
    {
      bodyLimit: MAX_UPLOAD,
      config: { access: WRITERS },
      schema: {
        tags: ['positions'],
        summary: 'An edited matrix file (raw xlsx body): the changes it makes; confirm=true applies them, all or none',
        querystring: z.strictObject({ confirm: z.enum(['true', 'false']).default('false') }),
        response: { 200: matrixFileAnswer },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('import_file_empty', 400);
      return request.query.confirm === 'true' ? importMatrixFile(app.db, request.actor!, body) : previewMatrixFile(app.db, request.actor!, body);
    },
  );
}
