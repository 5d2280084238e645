import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors.js';
import { fileResponse, noContent } from '../../../platform/http/response-types.js';
import { contentDisposition } from '../../../platform/export/spreadsheet-safe.js';
import { pickLanguage } from '../../../platform/i18n/language.js';
import * as schema from './catalogue.schema.js';
import * as institutions from './institutions.service.js';
import { institutionCourses, createCourse, courseDetail } from './courses.service.js';
import { createLecturer, listLecturers } from './lecturers.service.js';
import { exportCatalogue, importCatalogue } from './catalogue.import.js';
import { clientNeeds } from './client-needs.service.js';

const tags = ['training'];
const ADMIN = { roles: ['national_admin'] } as const;
/** The policy narrows a trainer to their own institution (catalogue.policy.ts). */
const KEEPERS = { roles: ['national_admin', 'trainer'] } as const;
const LECTURER_READERS = { roles: ['national_admin', 'trainer', 'hr_officer'] } as const;
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const { idParams } = schema;

export async function institutionsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/institutions',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Training institutions (and the one the caller serves)', response: { 200: schema.institutionList } },
    },
    async (request) => institutions.listInstitutions(app.db, request.actor!),
  );

  app.post(
    '/institutions',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Create a training institution', body: schema.institutionBody, response: { 201: schema.institutionDetail } },
    },
    async (request, reply) => {
      const id = await institutions.createInstitution(app.db, request.actor!, request.body);
      return reply.code(201).send(await institutions.institutionDetail(app.db, request.actor!, id));
    },
  );

  app.get(
    '/institutions/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'One institution, its clients and (for its keepers) its staff', params: idParams, response: { 200: schema.institutionDetail } },
    },
    async (request) => institutions.institutionDetail(app.db, request.actor!, request.params.id),
  );

  app.patch(
    '/institutions/:id',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Change an institution', params: idParams, body: schema.institutionPatch, response: { 200: schema.institutionDetail } },
    },
    async (request) => {
      await institutions.updateInstitution(app.db, request.actor!, request.params.id, request.body);
      return institutions.institutionDetail(app.db, request.actor!, request.params.id);
    },
  );

  app.put(
    '/institutions/:id/staff',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Replace the trainer accounts acting for the institution',
        params: idParams,
        body: schema.staffBody,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await institutions.replaceStaff(app.db, request.actor!, request.params.id, request.body.userIds);
      return reply.code(204).send();
    },
  );

  app.put(
    '/institutions/:id/clients',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Replace the client agencies of the institution', params: idParams, body: schema.clientsBody, response: { 204: noContent } },
    },
    async (request, reply) => {
      await institutions.replaceClients(app.db, request.actor!, request.params.id, request.body.agencyIds);
      return reply.code(204).send();
    },
  );

  app.get(
    '/institutions/:id/courses',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'An institution’s courses (every version for its keepers)',
        params: idParams,
        querystring: schema.institutionCoursesQuery,
        response: { 200: schema.courseList },
      },
    },
    async (request) => institutionCourses(app.db, request.actor!, request.params.id, request.query.status),
  );

  app.post(
    '/institutions/:id/courses',
    {
      config: { access: KEEPERS },
      schema: { tags, summary: 'Create a course of the institution', params: idParams, body: schema.courseCreateBody, response: { 201: schema.courseDetail } },
    },
    async (request, reply) => {
      const id = await createCourse(app.db, request.actor!, request.params.id, request.body);
      return reply.code(201).send(await courseDetail(app.db, request.actor!, id));
    },
  );

  app.get(
    '/institutions/:id/lecturers',
    {
      config: { access: LECTURER_READERS },
      schema: { tags, summary: 'The institution’s lecturers and what they can teach', params: idParams, response: { 200: schema.lecturerList } },
    },
    async (request) => listLecturers(app.db, request.actor!, request.params.id),
  );

  app.post(
    '/institutions/:id/lecturers',
    {
      config: { access: KEEPERS },
      schema: { tags, summary: 'Add a lecturer', params: idParams, body: schema.lecturerBody, response: { 201: schema.lecturer } },
    },
    async (request, reply) => reply.code(201).send(await createLecturer(app.db, request.actor!, request.params.id, request.body)),
  );

  app.get(
    '/institutions/:id/catalogue.xlsx',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The institution’s active catalogue as xlsx (one row per course × competency)',
        params: idParams,
        response: { 200: fileResponse(XLSX, 'Catalogue workbook') },
      },
    },
    async (request, reply) => {
      const { file, code } = await exportCatalogue(app.db, request.params.id);
      // The bytes go out as they are (Fastify never serialises a Buffer); the contract documents them as binary, typed string.
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition('attachment', `danh-muc-${code}.xlsx`))
        .send(file);
    },
  );

  app.get(
    '/institutions/:id/client-needs',
    {
      config: { access: KEEPERS },
      schema: {
        tags,
        summary: 'Aggregated, anonymous training needs of the institution’s client agencies',
        params: idParams,
        querystring: schema.clientNeedsQuery,
        response: { 200: schema.clientNeeds },
      },
    },
    async (request) => clientNeeds(app.db, request.actor!, request.params.id, request.query.cycleId),
  );

  // The catalogue file comes as the raw bytes of the upload, as for the framework import. The parser is
  // scoped to this one route: the others take JSON or nothing, and refuse a file with 415.
  await app.register(async (plain) => {
    const scoped = plain.withTypeProvider<ZodTypeProvider>();
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));
    scoped.post(
      '/institutions/:id/catalogue/import',
      {
        config: { access: KEEPERS },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Import courses from the catalogue xlsx layout; all or nothing, errors by row',
          params: idParams,
          response: { 200: schema.importOutcome },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 415);
        return importCatalogue(scoped.db, request.actor!, request.params.id, request.body, pickLanguage(request.headers['accept-language']));
      },
    );
  });
}
