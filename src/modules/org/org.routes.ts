import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { notFound } from '../../platform/errors.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import { foldForSearch, likePattern } from '../../platform/text/vietnamese.js';
import { foldedColumn } from '../../platform/text/vietnamese-sql.js';
import { adminUnitRoutes } from './admin-units.routes.js';
import { unitChangeRoutes } from './unit-changes/unit-changes.routes.js';
import { agencyPolicy } from './agencies.policy.js';
import { agencyColumns, agencyHistory, findAgency } from './agencies.repository.js';
import { changeAgencyUnit, createAgency, dissolveAgency, mergeAgency, moveAgency, renameAgency } from './agencies.service.js';
import {
  agency,
  agencyCreateBody,
  agencyDetail,
  agencyDissolveBody,
  agencyList,
  agencyListQuery,
  agencyMerge,
  agencyMergeBody,
  agencyMoveBody,
  agencyRenameBody,
  agencyUnitBody,
  staffByProvinceQuery,
  staffByProvinceReport,
  today,
} from './org.schema.js';
import { staffByProvince } from './org.reports.js';

const ORG_EDITORS = { roles: ['national_admin', 'hr_officer'] } as const;
const idParams = z.strictObject({ id: z.uuid() });

export async function orgRoutes(app: AppInstance): Promise<void> {
  await app.register(adminUnitRoutes);
  await app.register(unitChangeRoutes);

  app.get(
    '/agencies',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['org'], summary: 'Agencies in the caller’s scope (a tree by parentId)', querystring: agencyListQuery, response: { 200: agencyList } },
    },
    async (request) => {
      const { parentId, q, asOf, limit, offset } = request.query;
      let query = app.db.selectFrom('agencies as a').leftJoin('admin_units as u', 'u.id', 'a.admin_unit_id').where(scopeCondition(request.actor!, 'a.path'));
      if (parentId) query = query.where('a.parent_id', '=', parentId);
      if (asOf)
        query = query.where((eb) =>
          eb.and([eb.or([eb('a.valid_from', 'is', null), eb('a.valid_from', '<=', asOf)]), eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', asOf)])]),
        );
      if (q) {
        // The user's % and _ are text, not wildcards.
        query = query.where((eb) => eb.or([eb(foldedColumn('a.name'), 'like', likePattern(foldForSearch(q))), eb('a.code', 'ilike', likePattern(q))]));
      }
      const items = await query
        .select([...agencyColumns, 'u.full_name as adminUnitName'])
        .select((eb) =>
          eb.fn
            .coalesce(
              eb
                .selectFrom('agencies as c')
                .select((c) => c.fn.countAll<number>().as('n'))
                .whereRef('c.parent_id', '=', 'a.id'),
              eb.lit(0),
            )
            .as('childCount'),
        )
        .orderBy('a.path')
        .limit(limit)
        .offset(offset)
        .execute();
      return { items };
    },
  );

  app.get(
    '/agencies/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['org'], summary: 'One agency with its history', params: idParams, response: { 200: agencyDetail } },
    },
    async (request) => {
      const agency = await findAgency(app.db, request.params.id);
      if (!agency || !agencyPolicy.canRead(request.actor!, agency)) throw notFound();
      return { ...agency, history: await agencyHistory(app.db, agency.id) };
    },
  );

  app.post(
    '/agencies',
    { config: { access: ORG_EDITORS }, schema: { tags: ['org'], summary: 'Create an agency', body: agencyCreateBody, response: { 201: agency } } },
    async (request, reply) => reply.code(201).send(await createAgency(app.db, request.actor!, request.body)),
  );

  app.post(
    '/agencies/:id/move',
    {
      config: { access: ORG_EDITORS },
      schema: {
        tags: ['org'],
        summary: 'Move an agency under another parent (history kept)',
        params: idParams,
        body: agencyMoveBody,
        response: { 200: agency },
      },
    },
    async (request) => moveAgency(app.db, request.actor!, request.params.id, request.body.parentId, request.body.effectiveDate),
  );

  app.post(
    '/agencies/:id/merge',
    {
      config: { access: ORG_EDITORS },
      schema: {
        tags: ['org'],
        summary: 'Merge an agency into another; staff and sub-agencies follow',
        params: idParams,
        body: agencyMergeBody,
        response: { 200: agencyMerge },
      },
    },
    async (request) => mergeAgency(app.db, request.actor!, request.params.id, request.body.intoId, request.body.effectiveDate),
  );

  app.post(
    '/agencies/:id/rename',
    {
      config: { access: ORG_EDITORS },
      schema: {
        tags: ['org'],
        summary: 'Rename an agency from a date (the old name stays in its history)',
        params: idParams,
        body: agencyRenameBody,
        response: { 200: agency },
      },
    },
    async (request) => renameAgency(app.db, request.actor!, request.params.id, request.body),
  );

  app.post(
    '/agencies/:id/dissolve',
    {
      config: { access: ORG_EDITORS },
      schema: {
        tags: ['org'],
        summary: 'Dissolve an agency without active staff or sub-agencies (history kept)',
        params: idParams,
        body: agencyDissolveBody,
        response: { 200: agency },
      },
    },
    async (request) => dissolveAgency(app.db, request.actor!, request.params.id, request.body.effectiveDate),
  );

  app.post(
    '/agencies/:id/admin-unit',
    {
      config: { access: ORG_EDITORS },
      schema: {
        tags: ['org'],
        summary: 'Tie an agency to another administrative unit from a date',
        params: idParams,
        body: agencyUnitBody,
        response: { 200: agency },
      },
    },
    async (request) => changeAgencyUnit(app.db, request.actor!, request.params.id, request.body.adminUnitId, request.body.effectiveDate),
  );

  app.get(
    '/reports/staff-by-province',
    {
      config: { access: { roles: ['national_admin', 'hr_officer', 'leader'] } },
      schema: {
        tags: ['org'],
        summary: 'Staff per province on a date, in that date’s or today’s geography',
        querystring: staffByProvinceQuery,
        response: { 200: staffByProvinceReport },
      },
    },
    async (request) => {
      const on = request.query.on ?? today();
      return { on, geography: request.query.geography, items: await staffByProvince(app.db, request.actor!, on, request.query.geography) };
    },
  );
}
