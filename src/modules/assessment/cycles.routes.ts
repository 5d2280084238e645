import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { addRater, assignCycle, listSubjects, removeAssignment } from './assignment.service.js';
import { previewAssignment } from './assignment.preview.js';
import { noContent } from '../../platform/http/response-types.js';
import * as r from './assessment.responses.js';
import { cycleBody, cyclePatch, idParams, raterBody } from './assessment.schema.js';
import { usableFrameworkVersions } from './catalogue.js';
import { consolidateCycle } from './consolidate.service.js';
import { createCycle, listCycles, managedCycle, participatedCycles, updateCycle } from './cycles.service.js';
import { reopenForm } from './forms.service.js';
import { cycleProgress, remindRaters } from './progress.service.js';

const HR = { roles: ['national_admin', 'hr_officer'] as const };
const tags = ['assessment'];

/** HR's side of a cycle: settings, raters, progress, reminders, reopening, consolidation. */
export async function cycleRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/framework-versions',
    { config: { access: HR }, schema: { tags, summary: 'Framework versions a cycle may use', response: { 200: r.frameworkVersionList } } },
    async () => ({
      items: await usableFrameworkVersions(app.db),
    }),
  );

  app.get(
    '/framework-versions/:id/competencies',
    {
      config: { access: HR },
      schema: { tags, summary: 'Competencies of a version (for question banks)', params: idParams, response: { 200: r.versionCompetencyList } },
    },
    async (request) => ({
      items: await app.db
        .selectFrom('competencies as c')
        .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
        .select(['c.id', 'c.code', 'c.name_vi as name', 'c.name_en as nameEn'])
        .where('c.version_id', '=', request.params.id)
        .orderBy('g.position')
        .orderBy('c.position')
        .execute(),
    }),
  );

  app.get(
    '/experts',
    { config: { access: HR }, schema: { tags, summary: 'Expert assessor accounts HR may assign', response: { 200: r.expertList } } },
    async () => ({
      items: await app.db
        .selectFrom('users as u')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .select(['u.id', 'u.display_name as displayName', 'a.name as agencyName'])
        .where('u.role', '=', 'expert')
        .where('u.active', '=', true)
        .orderBy('u.display_name')
        .execute(),
    }),
  );

  app.get(
    '/cycles',
    { config: { access: HR }, schema: { tags, summary: 'Cycles of the caller’s agency subtree', response: { 200: r.cycleList } } },
    async (request) => ({
      items: await listCycles(app.db, request.actor!),
      participated: await participatedCycles(app.db, request.actor!),
    }),
  );

  app.post(
    '/cycles',
    { config: { access: HR }, schema: { tags, summary: 'Create a cycle', body: cycleBody, response: { 201: r.createdId } } },
    async (request, reply) => {
      const id = await createCycle(app.db, request.actor!, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.get('/cycles/:id', { config: { access: HR }, schema: { tags, summary: 'One cycle', params: idParams, response: { 200: r.cycle } } }, async (request) =>
    managedCycle(app.db, request.actor!, request.params.id),
  );

  app.patch(
    '/cycles/:id',
    {
      config: { access: HR },
      schema: { tags, summary: 'Change a cycle’s settings or status', params: idParams, body: cyclePatch, response: { 200: r.cycle } },
    },
    async (request) => {
      await updateCycle(app.db, request.actor!, request.params.id, request.body);
      return managedCycle(app.db, request.actor!, request.params.id);
    },
  );

  app.post(
    '/cycles/:id/assign',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'Bulk assignment: everyone in scope (or one agency) with proposed raters',
        params: idParams,
        body: z.strictObject({ agencyId: z.uuid().optional() }).optional(),
        response: { 200: r.assignmentSummary },
      },
    },
    async (request) => assignCycle(app.db, request.actor!, request.params.id, request.body ?? {}),
  );

  app.post(
    '/cycles/:id/assign/preview',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'What bulk assignment would create (people, forms by role, raters who cannot sign in); changes nothing',
        params: idParams,
        body: z.strictObject({ agencyId: z.uuid().optional() }).optional(),
        response: { 200: r.assignmentPreview },
      },
    },
    async (request) => previewAssignment(app.db, request.actor!, request.params.id, request.body ?? {}),
  );

  app.get(
    '/cycles/:id/subjects',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'People assessed and their raters (no levels)',
        params: idParams,
        querystring: z.strictObject({
          agencyId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: r.subjectList },
      },
    },
    async (request) => ({ items: await listSubjects(app.db, request.actor!, request.params.id, request.query) }),
  );

  app.post(
    '/cycles/:id/subjects/:personId/raters',
    {
      config: { access: HR },
      schema: { tags, summary: 'Add a rater', params: z.strictObject({ id: z.uuid(), personId: z.uuid() }), body: raterBody, response: { 201: r.createdId } },
    },
    async (request, reply) => reply.code(201).send({ id: await addRater(app.db, request.actor!, request.params.id, request.params.personId, request.body) }),
  );

  app.delete(
    '/assignments/:id',
    { config: { access: HR }, schema: { tags, summary: 'Remove a rater who has not submitted', params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await removeAssignment(app.db, request.actor!, request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/forms/:id/reopen',
    { config: { access: HR }, schema: { tags, summary: 'Reopen a submitted form (HR only)', params: idParams, response: { 200: r.reopenedForm } } },
    async (request) => reopenForm(app.db, request.actor!, request.params.id),
  );

  app.get(
    '/cycles/:id/progress',
    { config: { access: HR }, schema: { tags, summary: 'Completion per agency and rater', params: idParams, response: { 200: r.cycleProgress } } },
    async (request) => cycleProgress(app.db, request.actor!, request.params.id),
  );

  app.post(
    '/cycles/:id/reminders',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'Remind raters with unsubmitted forms',
        params: idParams,
        body: z.strictObject({ overdueOnly: z.boolean().default(true), minHoursBetween: z.number().min(0).max(720).default(20) }).optional(),
        response: { 200: r.reminderSummary },
      },
    },
    async (request) => remindRaters(app.db, request.actor!, request.params.id, request.body ?? {}),
  );

  app.post(
    '/cycles/:id/consolidate',
    {
      config: { access: HR },
      schema: {
        tags,
        summary: 'Consolidate results (new version)',
        params: idParams,
        body: z.strictObject({ personIds: z.array(z.uuid()).max(10000).optional() }).optional(),
        response: { 200: r.consolidationSummary },
      },
    },
    async (request) => consolidateCycle(app.db, request.actor!, request.params.id, request.body?.personIds),
  );
}
