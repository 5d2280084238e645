import { z } from 'zod';
import { isoDate } from '../../../platform/http/schema-types.js';
import type { AppInstance } from '../../../platform/http/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { scopeCondition } from '../../../platform/auth/scope.js';
import { STAFF_IMPORT_FIELDS } from './staff-import.columns.js';
import { importReport, staffTemplate } from './staff-import.files.js';
import { today } from '../../../platform/clock.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/engine.js';
import { deleteJob, getJob, type StaffImportJob } from './staff-import.jobs.js';
import { commitJob, remapJob, resumeIfOrphaned, startStaffImport } from './staff-import.service.js';
import { contentDisposition } from '../../../platform/export/spreadsheet-safe.js';
import { fileResponse, noContent } from '../../../platform/http/response-types.js';
import { columnMapping, importJob } from './staff-import.schema.js';
import { staffCodeLists } from '../export/staff-register.repository.js';

const IMPORTERS = { roles: ['national_admin', 'hr_officer'] } as const;
const MAX_UPLOAD = 64 * 1024 * 1024;
// Windows labels .csv files application/vnd.ms-excel; the web client sends octet-stream.
const FILE_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const jobParams = z.strictObject({ jobId: z.uuid() });
/** Both download formats; the `format` query chooses. */
const spreadsheetFile = (description: string) => fileResponse([XLSX_TYPE, 'text/csv'], description);

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
    validRows: Math.max(job.validRows, job.imported),
    errorRows: new Set(job.errors.map((e) => e.row)).size,
    errorCount: job.errors.length,
    errors: job.errors.slice(errorsOffset, errorsOffset + 200),
    preview: job.preview,
    changes: job.changes,
    imported: job.imported,
    failure: job.failure,
    expiresAt: job.expiresAt.toISOString(),
  };
}

/** The caller's own job; someone else's, an expired or a missing one answer the same 404. */
async function ownJob(db: Db, jobId: string, actor: Actor): Promise<StaffImportJob> {
  const job = await getJob(db, jobId, actor.userId);
  if (!job) throw notFound({ jobId });
  return resumeIfOrphaned(db, actor, job);
}

/** Upload → preview with row errors → (re-map columns) → commit → report; progress by polling the job. */
export async function staffImportRoutes(app: AppInstance): Promise<void> {
  // Files arrive as the raw request body (no multipart dependency): xlsx or csv bytes.
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_request, body, done) => done(null, body));

  app.get(
    '/template',
    {
      config: { access: IMPORTERS },
      schema: {
        tags: ['people'],
        summary: 'Staff import template',
        querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: { 200: spreadsheetFile('The template (xlsx or csv)') },
      },
    },
    async (request, reply) => {
      const agencies = await app.db
        .selectFrom('agencies as a')
        .select(['a.code', 'a.name'])
        .where(scopeCondition(request.actor!, 'a.path'))
        .where('a.valid_to', 'is', null)
        .orderBy('a.code')
        .execute();
      const { format } = request.query;
      const file = await staffTemplate(format, agencies, await staffCodeLists(app.db, request.actor!));
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', `mau-nhap-can-bo.${format}`))
        .send(file);
    },
  );

  app.post(
    '/',
    {
      bodyLimit: MAX_UPLOAD,
      config: { access: IMPORTERS },
      schema: {
        tags: ['people'],
        summary: 'Upload an xlsx or csv file (raw body); answers a job to poll',
        querystring: z.strictObject({ fileName: z.string().max(200).default('staff.xlsx') }),
        response: { 202: importJob },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('import_file_empty', 400);
      const job = await startStaffImport(app.db, request.actor!, request.query.fileName, body);
      return reply.code(202).send(jobView(job));
    },
  );

  app.get(
    '/:jobId',
    {
      config: { access: IMPORTERS },
      schema: {
        tags: ['people'],
        summary: 'Import job: progress, mapping, preview and row errors',
        params: jobParams,
        querystring: z.strictObject({ errorsOffset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: importJob },
      },
    },
    async (request) => jobView(await ownJob(app.db, request.params.jobId, request.actor!), request.query.errorsOffset),
  );

  app.delete(
    '/:jobId',
    {
      config: { access: IMPORTERS },
      schema: {
        tags: ['people'],
        summary: 'Cancel an import job and delete its file (frees the per-user quota)',
        params: jobParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      if (!(await deleteJob(app.db, request.params.jobId, request.actor!.userId))) {
        const job = await getJob(app.db, request.params.jobId, request.actor!.userId);
        if (!job) throw notFound({ jobId: request.params.jobId });
        throw new AppError('import_not_ready', 409, { phase: job.phase });
      }
      return reply.code(204).send();
    },
  );

  app.put(
    '/:jobId/mapping',
    {
      config: { access: IMPORTERS },
      schema: {
        tags: ['people'],
        summary: 'Map file columns to fields and validate again',
        params: jobParams,
        body: z.strictObject({ mapping: columnMapping }),
        response: { 200: importJob },
      },
    },
    async (request) => {
      const job = await ownJob(app.db, request.params.jobId, request.actor!);
      await remapJob(app.db, request.actor!, job, request.body.mapping);
      return jobView(await ownJob(app.db, job.id, request.actor!));
    },
  );

  app.post(
    '/:jobId/commit',
    {
      config: { access: IMPORTERS },
      schema: {
        tags: ['people'],
        summary: 'Import every row or none',
        params: jobParams,
        body: z.strictObject({ startDate: isoDate.optional() }).optional(),
        response: { 202: importJob },
      },
    },
    async (request, reply) => {
      const job = await ownJob(app.db, request.params.jobId, request.actor!);
      await commitJob(app.db, request.actor!, job, request.body?.startDate ?? today());
      return reply.code(202).send(jobView(await ownJob(app.db, job.id, request.actor!)));
    },
  );

  app.get(
    '/:jobId/report',
    {
      config: { access: IMPORTERS },
      schema: {
        tags: ['people'],
        summary: 'Downloadable result report',
        params: jobParams,
        querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: { 200: spreadsheetFile('The result report (xlsx or csv)') },
      },
    },
    async (request, reply) => {
      const job = await ownJob(app.db, request.params.jobId, request.actor!);
      const { format } = request.query;
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', `ket-qua-nhap-${job.id.slice(0, 8)}.${format}`))
        .send(await importReport(job, format));
    },
  );
}
