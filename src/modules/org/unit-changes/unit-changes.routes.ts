import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { changeFileQuery, changeImported, changePlan, changeSetDetail, changeSetList } from './unit-changes.schema.js';
import { importUnitChanges, previewUnitChanges } from './unit-changes.service.js';
import { changesOf, listChangeSets } from './unit-changes.repository.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
// Only the Ministry's national administrator corrects the national geography.
const NATIONAL = { roles: ['national_admin'] } as const;
const tags = ['org'];

export async function unitChangeRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/admin-units/changes',
    { config: { access: NATIONAL }, schema: { tags, summary: 'Imported crosswalks and dated change sets, newest first', response: { 200: changeSetList } } },
    async () => ({ items: await listChangeSets(app.db) }),
  );

  app.get(
    '/admin-units/changes/:id',
    {
      config: { access: NATIONAL },
      schema: {
        tags,
        summary: 'One imported change set with every change, before and after',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: changeSetDetail },
      },
    },
    async (request) => {
      const set = (await listChangeSets(app.db)).find((s) => s.id === request.params.id);
      if (!set) throw notFound();
      return { ...set, items: await changesOf(app.db, set.id) };
    },
  );

  // The workbook comes as the raw bytes of the upload; the parser is scoped to these two routes.
  await app.register(async (plain) => {
    const scoped = plain.withTypeProvider<ZodTypeProvider>();
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) => done(null, body));
    scoped.post(
      '/admin-units/changes/preview',
      {
        config: { access: NATIONAL },
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags,
          summary: 'What a crosswalk workbook or dated change set (xlsx or CSV) would change; changes nothing',
          querystring: changeFileQuery,
          response: { 200: changePlan },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 415);
        return previewUnitChanges(app.db, request.query.kind, request.body);
      },
    );
    scoped.post(
      '/admin-units/changes',
      {
        config: { access: NATIONAL },
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags,
          summary: 'Apply a crosswalk workbook or dated change set: all or nothing, errors by row, history kept',
          querystring: changeFileQuery,
          response: { 201: changeImported },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 415);
        const done = await importUnitChanges(app.db, request.actor!, request.query.kind, request.body, request.query.fileName);
        return reply.code(201).send(done);
      },
    );
  });
}
