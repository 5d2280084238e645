import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { notFound } from '../../platform/errors.js';
import { foldForSearch, likePattern } from '../../platform/text/vietnamese.js';
import { ancestorsOf, findUnit, findUnitByCode, linksOf, listUnits, successorsOn } from './admin-units.repository.js';
import { historyOfUnit } from './unit-changes/unit-changes.repository.js';
import { today, unitDetail, unitList, unitListQuery, unitResolution, unitResolveQuery } from './org.schema.js';

/** Administrative geography is public reference data: any signed-in user reads it. */
export async function adminUnitRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/admin-units',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['org'], summary: 'Administrative units valid on a date', querystring: unitListQuery, response: { 200: unitList } },
    },
    async (request) => {
      const { asOf, tier, parentId, provinceId, q, limit, offset } = request.query;
      const result = await listUnits(app.db, {
        asOf: asOf ?? today(),
        tier,
        parentId,
        provinceId,
        search: q ? likePattern(foldForSearch(q)) : undefined,
        limit,
        offset,
      });
      return { asOf: asOf ?? today(), ...result };
    },
  );

  app.get(
    '/admin-units/resolve',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['org'],
        summary: 'What an official code recorded on one date has become on another',
        querystring: unitResolveQuery,
        response: { 200: unitResolution },
      },
    },
    async (request) => {
      const { code, tier, recordedOn, asOf } = request.query;
      const unit = await findUnitByCode(app.db, code, tier, recordedOn);
      if (!unit) throw notFound({ code, tier, recordedOn });
      const date = asOf ?? today();
      const successors = await successorsOn(app.db, unit.id, date);
      const primary = unit.currentUnitId ? (successors.find((s) => s.id === unit.currentUnitId) ?? successors[0]) : successors[0];
      return { unit, asOf: date, successors, primaryId: primary?.id ?? null };
    },
  );

  app.get(
    '/admin-units/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['org'],
        summary: 'One unit with its parents and its succession',
        params: z.strictObject({ id: z.string().max(40) }),
        response: { 200: unitDetail },
      },
    },
    async (request) => {
      const unit = await findUnit(app.db, request.params.id);
      if (!unit) throw notFound();
      const [ancestors, links, changes] = await Promise.all([ancestorsOf(app.db, unit.id), linksOf(app.db, unit.id), historyOfUnit(app.db, unit.id)]);
      return { ...unit, ancestors, ...links, changes };
    },
  );
}
