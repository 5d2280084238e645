import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { notFound } from '../../platform/errors.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import { peoplePolicy } from './people.policy.js';

const personColumns = [
  'p.id',
  'p.staff_code as staffCode',
  'p.full_name as fullName',
  'p.date_of_birth as dateOfBirth',
  'p.gender',
  'p.role_category as roleCategory',
  'p.rank',
  'p.email',
  'p.phone',
  'p.status',
  'p.agency_id as agencyId',
  'a.name as agencyName',
  'a.path as agencyPath',
] as const;

export async function peopleRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/',
    {
      config: { access: { roles: ['national_admin', 'hr_officer', 'leader'] } },
      schema: {
        tags: ['people'],
        summary: 'Staff of the caller’s agency subtree',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const items = await app.db
        .selectFrom('people as p')
        .innerJoin('agencies as a', 'a.id', 'p.agency_id')
        .select(personColumns)
        .where(scopeCondition(request.actor!, 'a.path'))
        .orderBy('p.full_name')
        .limit(limit)
        .offset(offset)
        .execute();
      return { items };
    },
  );

  app.get(
    '/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['people'], summary: 'One person’s record', params: z.strictObject({ id: z.uuid() }) },
    },
    async (request) => {
      const person = await app.db
        .selectFrom('people as p')
        .innerJoin('agencies as a', 'a.id', 'p.agency_id')
        .select(personColumns)
        .where('p.id', '=', request.params.id)
        .executeTakeFirst();
      // Out of scope answers exactly like absent: the caller learns nothing about other agencies.
      if (!person || !peoplePolicy.canRead(request.actor!, person)) throw notFound();
      return person;
    },
  );
}
