import type { AppInstance } from '../../../platform/http/types.js';
import { noContent } from '../../../platform/http/response-types.js';
import * as schema from './catalogue.schema.js';
import * as repo from './courses.repository.js';
import { courseDetail, setCourseStatus, updateCourse } from './courses.service.js';
import { deleteLecturer, updateLecturer } from './lecturers.service.js';
import { catalogueFramework } from './catalogue-framework.js';

const tags = ['training'];
const KEEPERS = { roles: ['national_admin', 'trainer'] } as const;
const { idParams } = schema;

export async function coursesRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/courses',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The active catalogue: search without diacritics, filter by institution, format, competency, group',
        querystring: schema.courseListQuery,
        response: { 200: schema.courseList },
      },
    },
    async (request) => {
      const { ids, total } = await repo.searchActiveCourses(app.db, request.query);
      return { items: await repo.courseSummaries(app.db, ids), total };
    },
  );

  app.get(
    '/courses/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One course version: competencies and levels, prerequisites, versions',
        params: idParams,
        response: { 200: schema.courseDetail },
      },
    },
    async (request) => courseDetail(app.db, request.actor!, request.params.id),
  );

  app.put(
    '/courses/:id',
    {
      config: { access: KEEPERS },
      schema: {
        tags,
        summary: 'Change a course (a published course gets a new version)',
        params: idParams,
        body: schema.courseContentBody,
        response: { 200: schema.courseDetail },
      },
    },
    async (request) => {
      const id = await updateCourse(app.db, request.actor!, request.params.id, request.body);
      return courseDetail(app.db, request.actor!, id);
    },
  );

  app.post(
    '/courses/:id/publish',
    { config: { access: KEEPERS }, schema: { tags, summary: 'Publish a draft course', params: idParams, response: { 200: schema.courseDetail } } },
    async (request) => {
      await setCourseStatus(app.db, request.actor!, request.params.id, 'active');
      return courseDetail(app.db, request.actor!, request.params.id);
    },
  );

  app.post(
    '/courses/:id/retire',
    { config: { access: KEEPERS }, schema: { tags, summary: 'Withdraw a course from the catalogue', params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await setCourseStatus(app.db, request.actor!, request.params.id, 'retired');
      return reply.code(204).send();
    },
  );

  app.put(
    '/lecturers/:id',
    {
      config: { access: KEEPERS },
      schema: { tags, summary: 'Change a lecturer', params: idParams, body: schema.lecturerBody, response: { 200: schema.lecturer } },
    },
    async (request) => updateLecturer(app.db, request.actor!, request.params.id, request.body),
  );

  app.delete(
    '/lecturers/:id',
    { config: { access: KEEPERS }, schema: { tags, summary: 'Remove a lecturer who taught no session', params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await deleteLecturer(app.db, request.actor!, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/catalogue/framework',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Framework versions a course may map to; scale, groups and competencies of one',
        querystring: schema.frameworkQuery,
        response: { 200: schema.catalogueFramework },
      },
    },
    async (request) => catalogueFramework(app.db, request.query.versionId),
  );
}
