import type { AppInstance } from '../../platform/http/types.js';
import { findPackage, findServed, itemAssociations, servedPackages } from './case-service.js';
import { cfAssociation, cfDocument, cfDocumentList, cfItem, cfItemAssociations, cfPackage, cfRubric, sourcedIdParams } from './case-service.schema.js';

/**
 * The CASE 1.1 REST service (1EdTech CASE Service 1.1, read endpoints): CASE
 * consumers read the published national frameworks without a file or an
 * account. Public routes; what each caller may see is decided in
 * case-service.ts (frameworkPolicy.canReadCase): a draft or an agency's own
 * framework is 404 to an anonymous caller, as if it did not exist.
 */
const tags = ['CASE 1.1'];

export async function caseServiceRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/CFDocuments',
    { config: { access: 'public' }, schema: { tags, summary: 'The published frameworks (CFDocuments)', response: { 200: cfDocumentList } } },
    async (request) => ({ CFDocuments: (await servedPackages(app.db, request.actor)).map((pkg) => pkg.CFDocument) }),
  );

  app.get(
    '/CFDocuments/:sourcedId',
    { config: { access: 'public' }, schema: { tags, summary: 'One CFDocument', params: sourcedIdParams, response: { 200: cfDocument } } },
    async (request) => (await findPackage(app.db, request.actor, request.params.sourcedId)).CFDocument,
  );

  app.get(
    '/CFPackages/:sourcedId',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A whole framework: document, items, associations, rubrics', params: sourcedIdParams, response: { 200: cfPackage } },
    },
    async (request) => findPackage(app.db, request.actor, request.params.sourcedId),
  );

  // One object of a package by its identifier: the same lookup for items, associations and rubrics.
  const single = [
    ['CFItems', 'One CFItem (group or competency)', cfItem],
    ['CFAssociations', 'One CFAssociation', cfAssociation],
    ['CFRubrics', 'One CFRubric (behavioural indicators per level)', cfRubric],
  ] as const;
  for (const [collection, summary, answer] of single) {
    app.get(
      `/${collection}/:sourcedId`,
      { config: { access: 'public' }, schema: { tags, summary, params: sourcedIdParams, response: { 200: answer } } },
      async (request) => findServed(app.db, request.actor, collection, request.params.sourcedId),
    );
  }

  app.get(
    '/CFItemAssociations/:sourcedId',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A CFItem and every association from or to it', params: sourcedIdParams, response: { 200: cfItemAssociations } },
    },
    async (request) => itemAssociations(app.db, request.actor, request.params.sourcedId),
  );
}

/**
 * Certificates issued before identifiers were kept align with
 * https://<host>/ims/case/v1p0/CFItems/<uuid>: that address keeps answering
 * with the same item, so their alignment still resolves.
 */
export async function caseServiceV1p0Routes(app: AppInstance): Promise<void> {
  app.get(
    '/CFItems/:sourcedId',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'One CFItem at the address of certificates issued before CASE 1.1', params: sourcedIdParams, response: { 200: cfItem } },
    },
    async (request) => findServed(app.db, request.actor, 'CFItems', request.params.sourcedId),
  );
}
