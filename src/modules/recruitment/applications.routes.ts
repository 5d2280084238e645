import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { fileResponse } from '../../platform/http/response-types.js';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';
import { apply, applyOnPaper, campaignApplications, documentFile, myApplications, readableApplication } from './applications.service.js';
import { applicationBody, applicationDetail, campaignApplicationList, myApplicationList, paperApplicationBody } from './applications.schema.js';
import { MAX_APPLICATION_BYTES } from './document-rules.js';
import { idParams } from './recruitment.schema.js';

const tags = ['recruitment'];
const MANAGERS = { roles: ['national_admin', 'hr_officer'] } as const;
/** Documents travel base64 in the JSON body (one request, one transaction): 4/3 of the bytes and some room. */
const APPLICATION_BODY_LIMIT = Math.ceil((MAX_APPLICATION_BYTES * 4) / 3) + 1024 * 1024;
const created = { 201: z.object({ id: z.string() }) };

/** Applications: a candidate's own, HR's paper entry, the campaign's list and the documents. */
export async function applicationsRoutes(app: AppInstance): Promise<void> {
  app.post(
    '/campaigns/:id/applications',
    {
      bodyLimit: APPLICATION_BODY_LIMIT,
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Apply to one position of a published campaign, within its window, with consent and documents (all or nothing)',
        params: idParams,
        body: applicationBody,
        response: created,
      },
    },
    async (request, reply) => reply.code(201).send({ id: await apply(app.db, request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/campaigns/:id/paper-applications',
    {
      bodyLimit: APPLICATION_BODY_LIMIT,
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Enter an application received on paper (HR), with the candidate’s particulars and scans',
        params: idParams,
        body: paperApplicationBody,
        response: created,
      },
    },
    async (request, reply) => reply.code(201).send({ id: await applyOnPaper(app.db, request.actor!, request.params.id, request.body) }),
  );

  app.get(
    '/campaigns/:id/applications',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The campaign’s applications (HR of the agency, the panel)', params: idParams, response: { 200: campaignApplicationList } },
    },
    async (request) => campaignApplications(app.db, request.actor!, request.params.id),
  );

  app.get(
    '/applications/mine',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The caller’s own applications', response: { 200: myApplicationList } } },
    async (request) => myApplications(app.db, request.actor!),
  );

  app.get(
    '/applications/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'One application with its documents (its candidate, HR, the panel)', params: idParams, response: { 200: applicationDetail } },
    },
    async (request) => readableApplication(app.db, request.actor!, request.params.id),
  );

  app.get(
    '/documents/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Download a document (its candidate, HR of the agency, the campaign’s panel)',
        params: idParams,
        response: { 200: fileResponse(['application/pdf', 'image/png', 'image/jpeg'], 'The document as uploaded') },
      },
    },
    async (request, reply) => {
      const document = await documentFile(app.db, request.actor!, request.params.id);
      // attachment, never inline: a candidate's file is not rendered in the app's origin.
      return reply
        .type(document.mediaType)
        .header('content-disposition', contentDisposition('attachment', document.fileName))
        .header('cache-control', 'private, no-store')
        .send(document.content);
    },
  );
}
