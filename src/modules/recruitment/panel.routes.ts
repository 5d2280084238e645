import type { AppInstance } from '../../platform/http/types.js';
import { noContent } from '../../platform/http/response-types.js';
import { declaration, declare, myPanels, panelCandidates, setPanel } from './panel.service.js';
import {
  declarationAnswer,
  declarationBody,
  idParams,
  myPanels as myPanelsSchema,
  panelBody,
  panelCandidates as panelCandidatesSchema,
  panelCandidatesQuery,
} from './recruitment.schema.js';

const tags = ['recruitment'];
const MANAGERS = { roles: ['national_admin', 'hr_officer'] } as const;

/** The panel: HR sets its members; each member declares their conflicts of interest before rating. */
export async function panelRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/campaigns/:id/panel/candidates',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Users who may sit on the panel: the agency’s users and experts',
        params: idParams,
        querystring: panelCandidatesQuery,
        response: { 200: panelCandidatesSchema },
      },
    },
    async (request) => panelCandidates(app.db, request.actor!, request.params.id, request.query.search),
  );

  app.put(
    '/campaigns/:id/panel',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Replace the panel (members kept keep their declaration)', params: idParams, body: panelBody, response: { 204: noContent } },
    },
    async (request, reply) => {
      await setPanel(app.db, request.actor!, request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  app.get(
    '/panels/mine',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The panels the caller sits on', response: { 200: myPanelsSchema } } },
    async (request) => myPanels(app.db, request.actor!),
  );

  app.get(
    '/campaigns/:id/declaration',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The caller’s conflict-of-interest declaration for a campaign they sit on',
        params: idParams,
        response: { 200: declarationAnswer },
      },
    },
    async (request) => declaration(app.db, request.actor!, request.params.id),
  );

  app.put(
    '/campaigns/:id/declaration',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Declare conflicts of interest (the applications the member may not rate; empty: none)',
        params: idParams,
        body: declarationBody,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await declare(app.db, request.actor!, request.params.id, request.body);
      return reply.code(204).send();
    },
  );
}
