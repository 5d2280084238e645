import { okAnswer } from '../../platform/http/response-types.js';
import type { AppInstance } from '../../platform/http/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { canonicalFramework } from './document.canonical.js';
import { cleanLocalized, cleanText, type FrameworkDocument } from './document.js';
import { frameworkPolicy } from './framework.policy.js';
import { definedOnly } from './case-identity.js';
import { fetchCasePackage } from './case-fetch.js';
import * as repo from './framework.repository.js';
import * as service from './framework.service.js';
import { serializeFramework } from './formats/index.js';
import {
  draftCreated,
  exportFile,
  extensionBody,
  extensionCreated,
  formatQuery,
  frameworkDocumentBody,
  frameworkList,
  frameworkParams,
  importOutcome,
  importQuery,
  importUrlBody,
  importPreview,
  previewQuery,
  previewUrlBody,
  versionDetail,
  versionParams,
  type FrameworkSummary,
} from './framework.schema.js';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';

const EDITORS = { roles: ['national_admin', 'hr_officer'] } as const;
const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export async function frameworkRoutes(app: AppInstance): Promise<void> {
  // Files come as the raw bytes of the upload (the web app and scripts send application/octet-stream).
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['frameworks'], summary: 'Frameworks and the versions the caller may read', response: { 200: frameworkList } },
    },
    async (request) => {
      const actor = request.actor!;
      const versions = await repo.listVersions(app.db);
      const frameworks = new Map<string, FrameworkSummary>();
      for (const v of versions) {
        if (!frameworkPolicy.canRead(actor, v, v.status)) continue;
        const entry = frameworks.get(v.frameworkId) ?? {
          id: v.frameworkId,
          code: v.code,
          scope: v.scope,
          agencyName: v.agencyName,
          baseFrameworkId: v.baseFrameworkId,
          canEdit: frameworkPolicy.canEdit(actor, v),
          versions: [],
        };
        entry.versions.push({
          id: v.id,
          versionNo: v.versionNo,
          status: v.status,
          name: { vi: v.nameVi, en: v.nameEn },
          levelCount: v.levelCount,
          publishedAt: v.publishedAt,
          updatedAt: v.updatedAt,
        });
        frameworks.set(v.frameworkId, entry);
      }
      const collator = new Intl.Collator('vi');
      return { items: [...frameworks.values()].sort((a, b) => (a.scope === b.scope ? collator.compare(a.code, b.code) : a.scope === 'national' ? -1 : 1)) };
    },
  );

  app.get(
    '/versions/:versionId',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['frameworks'], summary: 'One version with its full content', params: versionParams, response: { 200: versionDetail } },
    },
    async (request) => {
      const version = await repo.findVersion(app.db, request.params.versionId);
      if (!version || !frameworkPolicy.canRead(request.actor!, version, version.status)) throw notFound();
      const document = await repo.loadDocument(app.db, version.id);
      // Deleted between the two reads: as absent as if it had gone before the first.
      if (!document) throw notFound();
      const base = version.baseVersionId ? await repo.findVersion(app.db, version.baseVersionId) : undefined;
      const { agencyPath: _scopeOnly, ...row } = version;
      return {
        version: { ...row, canEdit: frameworkPolicy.canEdit(request.actor!, version) },
        base: base ? { id: base.id, code: base.code, versionNo: base.versionNo, name: { vi: base.nameVi, en: base.nameEn } } : null,
        document,
      };
    },
  );

  app.put(
    '/versions/:versionId',
    {
      config: { access: EDITORS },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['frameworks'],
        summary: 'Replace the content of a draft (a published version answers 409)',
        params: versionParams,
        body: frameworkDocumentBody,
        response: { 200: okAnswer },
      },
    },
    async (request) => {
      await service.updateDraft(app.db, request.actor!, request.params.versionId, cleanDocument(request.body));
      return { ok: true } as const;
    },
  );

  app.post(
    '/versions/:versionId/publish',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['frameworks'],
        summary: 'Publish a draft (the previous published version is retired)',
        params: versionParams,
        response: { 200: okAnswer },
      },
    },
    async (request) => {
      await service.publishVersion(app.db, request.actor!, request.params.versionId);
      return { ok: true } as const;
    },
  );

  app.post(
    '/versions/:versionId/retire',
    {
      config: { access: EDITORS },
      schema: { tags: ['frameworks'], summary: 'Retire a published version', params: versionParams, response: { 200: okAnswer } },
    },
    async (request) => {
      await service.retireVersion(app.db, request.actor!, request.params.versionId);
      return { ok: true } as const;
    },
  );

  app.delete(
    '/versions/:versionId',
    { config: { access: EDITORS }, schema: { tags: ['frameworks'], summary: 'Discard a draft', params: versionParams, response: { 200: okAnswer } } },
    async (request) => {
      await service.deleteDraft(app.db, request.actor!, request.params.versionId);
      return { ok: true } as const;
    },
  );

  app.post(
    '/:frameworkId/drafts',
    {
      config: { access: EDITORS },
      schema: { tags: ['frameworks'], summary: 'Start a new draft from the published version', params: frameworkParams, response: { 201: draftCreated } },
    },
    async (request, reply) => {
      const draft = await service.createDraft(app.db, request.actor!, request.params.frameworkId);
      return reply.code(201).send(draft);
    },
  );

  app.post(
    '/:frameworkId/extensions',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['frameworks'],
        summary: 'Create an agency extension of a national framework',
        params: frameworkParams,
        body: extensionBody,
        response: { 201: extensionCreated },
      },
    },
    async (request, reply) => {
      const created = await service.createExtension(app.db, request.actor!, request.params.frameworkId, request.body);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/import/preview',
    {
      config: { access: EDITORS },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['frameworks'],
        summary: 'What importing a file would do, storing nothing: counts, warnings and the questions the import must answer',
        querystring: previewQuery,
        response: { 200: importPreview },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 415);
      const { format, ...choices } = request.query;
      return service.previewImport(request.actor!, format, request.body, choices);
    },
  );

  app.post(
    '/import',
    {
      config: { access: EDITORS },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['frameworks'],
        summary: 'Import a file (Moodle CSV, CASE 1.1, DigComp JSON-LD, xlsx) as a draft; all or nothing',
        querystring: importQuery,
        response: { 200: importOutcome, 201: importOutcome },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 415);
      const { format, publish, ...choices } = request.query;
      const outcome = await service.importFramework(app.db, request.actor!, format, request.body, {
        publish: publish === 'true',
        choices,
        requireChoices: true,
      });
      return reply.code(outcome.created ? 201 : 200).send(outcome);
    },
  );

  app.post(
    '/import-url/preview',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['frameworks'],
        summary: 'What importing a CASE service address would do, storing nothing',
        body: previewUrlBody,
        response: { 200: importPreview },
      },
    },
    async (request) => {
      const { url, ...choices } = request.body;
      if (!frameworkPolicy.canCreate(request.actor!)) throw new AppError('forbidden', 403);
      return service.previewImport(request.actor!, 'case', await fetchCasePackage(url), choices);
    },
  );

  app.post(
    '/import-url',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['frameworks'],
        summary: 'Import a CASE 1.1 package from a CASE service address (CFPackages/{id}) as a draft; all or nothing',
        body: importUrlBody,
        response: { 200: importOutcome, 201: importOutcome },
      },
    },
    async (request, reply) => {
      const { url, publish, ...choices } = request.body;
      const bytes = await fetchCasePackage(url);
      const outcome = await service.importFramework(app.db, request.actor!, 'case', bytes, { publish, source: url, choices, requireChoices: true });
      return reply.code(outcome.created ? 201 : 200).send(outcome);
    },
  );

  app.get(
    '/versions/:versionId/export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['frameworks'],
        summary: 'Download a version in an interchange format',
        params: versionParams,
        querystring: formatQuery,
        response: { 200: exportFile },
      },
    },
    async (request, reply) => {
      const version = await repo.findVersion(app.db, request.params.versionId);
      if (!version || !frameworkPolicy.canRead(request.actor!, version, version.status)) throw notFound();
      const file = await serializeFramework(request.query.format, (await repo.loadDocument(app.db, version.id))!);
      // The code is typed by users: contentDisposition keeps its letters and drops what could split the header.
      const name = `${version.code}-v${version.versionNo}.${file.extension}`;
      return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition('attachment', name)).send(
        // Bytes: the schema says "binary" for the OpenAPI document (fileResponse), and Fastify sends a Buffer as it is, never serialised.
        file.body,
      );
    },
  );
}

/** NFC and trimmed texts, canonical order: what is stored never depends on how it was typed. */
function cleanDocument(body: FrameworkDocument): FrameworkDocument {
  // CASE names are kept byte for byte: other systems compare them exactly.
  const { identifier, uri, language, creator, base, associations, moodle, rubrics } = body;
  const node = (n: { identifier?: string; uri?: string; itemType?: string }) => definedOnly({ identifier: n.identifier, uri: n.uri, itemType: n.itemType });
  return canonicalFramework({
    ...definedOnly({ identifier, uri, language, creator, base, associations, moodle, rubrics }),
    code: cleanText(body.code),
    name: cleanLocalized(body.name),
    description: cleanLocalized(body.description),
    attribution: cleanText(body.attribution),
    levels: body.levels.map((l) => ({ level: l.level, name: cleanLocalized(l.name), description: cleanLocalized(l.description) })),
    groups: body.groups.map((g) => ({
      code: cleanText(g.code),
      kind: g.kind,
      name: cleanLocalized(g.name),
      description: cleanLocalized(g.description),
      ...node(g),
    })),
    competencies: body.competencies.map((c) => ({
      code: cleanText(c.code),
      groupCode: cleanText(c.groupCode),
      parentCode: c.parentCode === null ? null : cleanText(c.parentCode) || null,
      name: cleanLocalized(c.name),
      description: cleanLocalized(c.description),
      indicators: c.indicators.map((i) => ({ level: i.level, text: cleanLocalized(i.text) })),
      ...node(c),
      ...definedOnly({ criterion: c.criterion }),
    })),
  });
}
