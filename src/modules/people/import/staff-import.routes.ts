import { z } from 'zod';
import { isoDate } from '../../../platform/http/schema-types.js';
import type { AppInstance } from '../../../platform/http/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { scopeCondition } from '../../../platform/auth/scope.js';
import { STAFF_IMPORT_FIELDS } from './staff-import.columns.js';
import { importReport, staffTemplate } from './staff-import.files.js';
import { getJob, type StaffImportJob } from './staff-import.jobs.js';
import { commitJob, remapJob, startStaffImport } from './staff-import.service.js';

const IMPORTERS = { roles: ['national_admin', 'hr_officer'] } as const;
const MAX_UPLOAD = 64 * 1024 * 1024;
// Windows labels .csv files application/vnd.ms-excel; the web client sends octet-stream.
const FILE_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const jobParams = z.strictObject({ jobId: z.uuid() });
const fieldEnum = z.enum(STAFF_IMPORT_FIELDS.map((f) => f.field) as [string, ...string[]]);

function jobView(job: StaffImportJob, errorsOffset = 0) {
  return {
    id: job.id,
    fileName: job.fileName,
    format: job.format,
    phase: job.phase,
    done: job.done,
    total: job.total,
    headers: job.headers,
    mapping: job.mapping,
    fields: STAFF_IMPORT_FIELDS.map(({ field, vi, en, required }) => ({ field, vi, en, required })),
    validRows: Math.max(job.valid.length, job.imported),
    errorRows: new Set(job.errors.map((e) => e.row)).size,
    errorCount: job.errors.length,
    errors: job.errors.slice(errorsOffset, errorsOffset + 200),
    preview: job.valid.slice(0, 20).map(({ searchName: _s, sortKey: _k, ...row }) => row),
    imported: job.imported,
    failure: job.failure,
  };
}

function ownJob(jobId: string, userId: string): StaffImportJob {
  const job = getJob(jobId, userId);
  if (!job) throw notFound({ jobId });
  return job;
}

/** Upload → preview with row errors → (re-map columns) → commit → report; progress by polling the job. */
export async function staffImportRoutes(app: AppInstance): Promise<void> {
  // Files arrive as the raw request body (no multipart dependency): xlsx or csv bytes.
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_request, body, done) => done(null, body));

  app.get(
    '/template',
    { config: { access: IMPORTERS }, schema: { tags: ['people'], summary: 'Staff import template', querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) } },
    async (request, reply) => {
      const agencies = await app.db.selectFrom('agencies as a').select(['a.code', 'a.name']).where(scopeCondition(request.actor!, 'a.path')).where('a.valid_to', 'is', null).orderBy('a.code').execute();
      const { format } = request.query;
      const file = await staffTemplate(format, agencies);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', `attachment; filename="mau-nhap-can-bo.${format}"`)
        .send(file);
    },
  );

  app.post(
    '/',
    {
      bodyLimit: MAX_UPLOAD,
      config: { access: IMPORTERS },
      schema: { tags: ['people'], summary: 'Upload an xlsx or csv file (raw body); answers a job to poll', querystring: z.strictObject({ fileName: z.string().max(200).default('staff.xlsx') }) },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('import_file_empty', 400);
      const job = startStaffImport(app.db, request.actor!, request.query.fileName, body);
      return reply.code(202).send(jobView(job));
    },
  );

  app.get(
    '/:jobId',
    { config: { access: IMPORTERS }, schema: { tags: ['people'], summary: 'Import job: progress, mapping, preview and row errors', params: jobParams, querystring: z.strictObject({ errorsOffset: z.coerce.number().int().min(0).default(0) }) } },
    async (request) => jobView(ownJob(request.params.jobId, request.actor!.userId), request.query.errorsOffset),
  );

  app.put(
    '/:jobId/mapping',
    {
      config: { access: IMPORTERS },
      schema: { tags: ['people'], summary: 'Map file columns to fields and validate again', params: jobParams, body: z.strictObject({ mapping: z.partialRecord(fieldEnum, z.number().int().min(0)) }) },
    },
    async (request) => {
      const job = ownJob(request.params.jobId, request.actor!.userId);
      await remapJob(app.db, request.actor!, job, request.body.mapping);
      return jobView(job);
    },
  );

  app.post(
    '/:jobId/commit',
    { config: { access: IMPORTERS }, schema: { tags: ['people'], summary: 'Import every row or none', params: jobParams, body: z.strictObject({ startDate: isoDate.optional() }).optional() } },
    async (request, reply) => {
      const job = ownJob(request.params.jobId, request.actor!.userId);
      commitJob(app.db, request.actor!, job, request.body?.startDate ?? new Date().toISOString().slice(0, 10));
      return reply.code(202).send(jobView(job));
    },
  );

  app.get(
    '/:jobId/report',
    { config: { access: IMPORTERS }, schema: { tags: ['people'], summary: 'Downloadable result report', params: jobParams, querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) } },
    async (request, reply) => {
      const job = ownJob(request.params.jobId, request.actor!.userId);
      const { format } = request.query;
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', `attachment; filename="ket-qua-nhap-${job.id.slice(0, 8)}.${format}"`)
        .send(await importReport(job, format));
    },
  );
}
