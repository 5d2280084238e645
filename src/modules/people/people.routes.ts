import type { AppInstance } from '../../platform/http/types.js';
import { notFound } from '../../platform/errors.js';
import { isInScope } from '../../platform/auth/scope.js';
import { escapeLike } from '../../platform/text/like.js';
import { foldForSearch, likePattern } from '../../platform/text/vietnamese.js';
import { peoplePolicy } from './people.policy.js';
import { assignmentsOf, findPerson, listPeople } from './people.repository.js';
import {
  idParams,
  peopleListQuery,
  person as personAnswer,
  personCreateBody,
  personDetail,
  personList,
  personStatusBody,
  personTransferBody,
  personUpdateBody,
} from './people.schema.js';
import { changePersonStatus, createPerson, transferPerson, updatePerson } from './people.service.js';
import { staffImportRoutes } from './import/staff-import.routes.js';
import { staffRegisterRoutes } from './export/staff-register.routes.js';

const READERS = { roles: ['national_admin', 'hr_officer', 'leader'] } as const;
const WRITERS = { roles: ['national_admin', 'hr_officer'] } as const;

export async function peopleRoutes(app: AppInstance): Promise<void> {
  await app.register(staffImportRoutes, { prefix: '/import' });
  await app.register(staffRegisterRoutes, { prefix: '/export' });

  app.get(
    '/',
    {
      config: { access: READERS },
      schema: {
        tags: ['people'],
        summary: 'Staff of the caller’s agency subtree; search with or without diacritics, Vietnamese name order',
        querystring: peopleListQuery,
        response: { 200: personList },
      },
    },
    async (request) => {
      const { q, agencyId, status, sort, limit, offset } = request.query;
      let agencyPath: string | undefined;
      if (agencyId) {
        const agency = await app.db.selectFrom('agencies').select('path').where('id', '=', agencyId).executeTakeFirst();
        if (!agency || !isInScope(request.actor!, agency.path)) throw notFound({ agencyId });
        agencyPath = agency.path;
      }
      const query = q?.trim();
      return listPeople(app.db, request.actor!, {
        namePattern: query ? likePattern(foldForSearch(query)) : undefined,
        codePrefix: query ? escapeLike(query.toUpperCase()) + '%' : undefined,
        agencyPath,
        status,
        sort,
        limit,
        offset,
      });
    },
  );

  app.get(
    '/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['people'], summary: 'One person’s record with the history of their posts', params: idParams, response: { 200: personDetail } },
    },
    async (request) => {
      const person = await findPerson(app.db, request.params.id);
      // Out of scope answers exactly like absent: the caller learns nothing about other agencies.
      if (!person || !peoplePolicy.canRead(request.actor!, person)) throw notFound();
      return { ...person, assignments: await assignmentsOf(app.db, person.id) };
    },
  );

  app.post(
    '/',
    {
      config: { access: WRITERS },
      schema: { tags: ['people'], summary: 'Add a civil servant to the register', body: personCreateBody, response: { 201: personAnswer } },
    },
    async (request, reply) => reply.code(201).send(await createPerson(app.db, request.actor!, request.body)),
  );

  app.patch(
    '/:id',
    {
      config: { access: WRITERS },
      schema: { tags: ['people'], summary: 'Correct personal details', params: idParams, body: personUpdateBody, response: { 200: personAnswer } },
    },
    async (request) => updatePerson(app.db, request.actor!, request.params.id, request.body),
  );

  app.post(
    '/:id/transfer',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['people'],
        summary: 'Transfer to another agency or post (history kept)',
        params: idParams,
        body: personTransferBody,
        response: { 200: personAnswer },
      },
    },
    async (request) => transferPerson(app.db, request.actor!, request.params.id, request.body),
  );

  app.post(
    '/:id/status',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['people'],
        summary: 'Change status: active, on leave, transferred, retired',
        params: idParams,
        body: personStatusBody,
        response: { 200: personAnswer },
      },
    },
    async (request) => changePersonStatus(app.db, request.actor!, request.params.id, request.body.status, request.body.effectiveDate),
  );
}
