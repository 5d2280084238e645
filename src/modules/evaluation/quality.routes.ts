import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/types.js';
import {
  agencyQualityAnswer,
  personQualityAnswer,
  qualityAgencyParams,
  qualityPersonParams,
  qualityRecordAnswer,
  qualityRecordBody,
  qualityYearParams,
} from './quality.schema.js';
import { agencyQuality, finalizeQuality, importQuality, personQuality, recordQuality } from './quality.service.js';

// Sheets arrive as the raw request body (as the staff import takes them): xlsx or csv bytes.
const FILE_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const MAX_UPLOAD = 16 * 1024 * 1024;

const tags = ['evaluation'];
const HR = { roles: ['national_admin', 'hr_officer'] } as const;

/** Annual quality classification (level 4 of the evaluation): HR records, the head signs, everyone in scope reads. */
export async function qualityRoutes(app: AppInstance): Promise<void> {
  // Raw file bytes are accepted on the import route only (its own plugin context): a bodiless POST must not take a file.
  await app.register(async (upload: AppInstance) => {
    upload.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_request, body, done) => done(null, body));
    upload.post(
      '/quality/import',
      {
        config: { access: HR },
        schema: {
          tags,
          summary: 'Import earlier years’ levels (Decree 90/2020) from xlsx or csv: staff code, year, level; all rows or none',
          response: { 200: z.object({ imported: z.number().int(), created: z.number().int(), updated: z.number().int() }) },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('import_file_unreadable', 400, { reason: 'empty' });
        return importQuality(app.db, request.actor!, request.body);
      },
    );
  });

  app.get(
    '/quality/agencies/:agencyId/:year',
    {
      config: { access: { roles: ['national_admin', 'hr_officer', 'leader'] } },
      schema: {
        tags,
        summary: 'An agency’s classification for a year, with the 20 % quota',
        params: qualityAgencyParams,
        response: { 200: agencyQualityAnswer },
      },
    },
    async (request) => agencyQuality(app.db, request.actor!, request.params.agencyId, request.params.year),
  );

  app.post(
    '/quality/agencies/:agencyId/:year/finalize',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'Make the agency’s classification for the year final (refused above the quota)',
        params: qualityAgencyParams,
        body: z.strictObject({}).optional(),
        response: { 200: agencyQualityAnswer },
      },
    },
    async (request) => finalizeQuality(app.db, request.actor!, request.params.agencyId, request.params.year),
  );

  app.get(
    '/quality/people/:personId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'A person’s classification, year by year', params: qualityPersonParams, response: { 200: personQualityAnswer } },
    },
    async (request) => personQuality(app.db, request.actor!, request.params.personId),
  );

  app.put(
    '/quality/people/:personId/:year',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'Record a person’s year: period scores (from 2026) or the level (earlier years)',
        params: qualityYearParams,
        body: qualityRecordBody,
        response: { 200: qualityRecordAnswer },
      },
    },
    async (request) => recordQuality(app.db, request.actor!, request.params.personId, request.params.year, request.body),
  );
}
