import { okAnswer } from '../../platform/http/response-types.js';
import type { AppInstance } from '../../platform/http/types.js';
import { notFound } from '../../platform/errors.js';
import { positionsPolicy } from './positions.policy.js';
import * as repo from './positions.repository.js';
import * as service from './positions.service.js';
import { matrixFileRoutes } from './matrix-file.routes.js';
import {
  createBody,
  listQuery,
  matrixAnswer,
  matrixBody,
  matrixSaved,
  positionCreated,
  positionDetail,
  positionList,
  positionParams,
  profileBody,
  profileCompetencyList,
  templateAnswer,
  templateParams,
  updateBody,
} from './positions.schema.js';

const READERS = { roles: ['national_admin', 'hr_officer', 'leader'] } as const;
const WRITERS = { roles: ['national_admin', 'hr_officer'] } as const;

export async function positionsRoutes(app: AppInstance): Promise<void> {
  await app.register(matrixFileRoutes, { prefix: '/matrix' });
  app.get(
    '/',
    {
      config: { access: READERS },
      schema: { tags: ['positions'], summary: 'Job positions of the caller’s agency subtree', querystring: listQuery, response: { 200: positionList } },
    },
    async (request) => {
      const items = await repo.listPositions(app.db, request.actor!, request.query);
      return { items: items.map(({ agencyPath: _path, ...p }) => p) };
    },
  );

  app.get(
    '/competencies',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['positions'], summary: 'Competencies a profile may require (published versions)', response: { 200: profileCompetencyList } },
    },
    async (request) => {
      return { items: await repo.profileCompetencies(app.db, request.actor) };
    },
  );

  /** Everything the matrix editor shows in one answer: rows, columns and cells. */
  app.get(
    '/matrix',
    {
      config: { access: READERS },
      schema: { tags: ['positions'], summary: 'Positions x competencies matrix of the subtree', querystring: listQuery, response: { 200: matrixAnswer } },
    },
    async (request) => {
      const actor = request.actor!;
      const positions = await repo.listPositions(app.db, actor, request.query);
      const competencies = await repo.profileCompetencies(app.db, actor);
      const cells = await repo.requirementsOf(
        app.db,
        positions.map((p) => p.id),
      );
      return {
        positions: positions.map(({ agencyPath, ...p }) => ({ ...p, canEdit: positionsPolicy.canWrite(actor, { agencyPath }) })),
        competencies,
        cells: cells.map(({ code: _code, ...c }) => c),
      };
    },
  );

  app.patch(
    '/matrix',
    {
      config: { access: WRITERS },
      schema: { tags: ['positions'], summary: 'Save many matrix cells at once (all or nothing)', body: matrixBody, response: { 200: matrixSaved } },
    },
    async (request) => {
      return service.applyMatrixChanges(app.db, request.actor!, request.body.changes);
    },
  );

  app.get(
    '/templates/:role/:tier',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['positions'], summary: 'Profile template of a role and tier', params: templateParams, response: { 200: templateAnswer } },
    },
    async (request) => {
      return { items: await repo.templateRequirements(app.db, request.params.role, request.params.tier) };
    },
  );

  app.put(
    '/templates/:role/:tier',
    {
      config: { access: { roles: ['national_admin'] } },
      schema: { tags: ['positions'], summary: 'Replace a profile template', params: templateParams, body: profileBody, response: { 200: okAnswer } },
    },
    async (request) => {
      await service.replaceTemplate(app.db, request.actor!, request.params.role, request.params.tier, request.body.requirements);
      return { ok: true } as const;
    },
  );

  app.post(
    '/',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['positions'],
        summary: 'Create a position (optionally from its role x tier template)',
        body: createBody,
        response: { 201: positionCreated },
      },
    },
    async (request, reply) => {
      return reply.code(201).send(await service.createPosition(app.db, request.actor!, request.body));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: READERS },
      schema: { tags: ['positions'], summary: 'One position with its competency profile', params: positionParams, response: { 200: positionDetail } },
    },
    async (request) => {
      const position = await repo.findPosition(app.db, request.params.id);
      if (!position || !positionsPolicy.canRead(request.actor!, position)) throw notFound();
      const { agencyPath, ...rest } = position;
      return { ...rest, canEdit: positionsPolicy.canWrite(request.actor!, { agencyPath }), requirements: await repo.requirementsOf(app.db, [position.id]) };
    },
  );

  app.put(
    '/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['positions'],
        summary: 'Change a position’s title, role or tier',
        params: positionParams,
        body: updateBody,
        response: { 200: okAnswer },
      },
    },
    async (request) => {
      await service.updatePosition(app.db, request.actor!, request.params.id, request.body);
      return { ok: true } as const;
    },
  );

  app.delete(
    '/:id',
    { config: { access: WRITERS }, schema: { tags: ['positions'], summary: 'Delete a position', params: positionParams, response: { 200: okAnswer } } },
    async (request) => {
      await service.deletePosition(app.db, request.actor!, request.params.id);
      return { ok: true } as const;
    },
  );

  app.put(
    '/:id/profile',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['positions'],
        summary: 'Replace the competency profile of a position',
        params: positionParams,
        body: profileBody,
        response: { 200: okAnswer },
      },
    },
    async (request) => {
      await service.replaceProfile(app.db, request.actor!, request.params.id, request.body.requirements);
      return { ok: true } as const;
    },
  );

  app.post(
    '/:id/apply-template',
    {
      config: { access: WRITERS },
      schema: { tags: ['positions'], summary: 'Reset the profile to its role x tier template', params: positionParams, response: { 200: okAnswer } },
    },
    async (request) => {
      await service.applyTemplate(app.db, request.actor!, request.params.id);
      return { ok: true } as const;
    },
  );
}
