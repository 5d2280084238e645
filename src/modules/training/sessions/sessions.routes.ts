import { z } from 'zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { staffInstitution } from './sessions.repository.js';
import { contentDisposition } from '../../../platform/export/spreadsheet-safe.js';
import { fileResponse } from '../../../platform/http/response-types.js';
import { attendanceGrid, importAttendance, saveAttendance } from './attendance.service.js';
import { closeSession } from './session-close.service.js';
import { buildCalendar } from './calendar.js';
import { enrolPeople, listEnrolments } from './enrolment.service.js';
import { enrolmentRoutes } from './enrolments.routes.js';
import { groupEnrolmentRoutes } from './group-enrolment.routes.js';
import {
  enrolPeopleBody,
  enrolmentList,
  idParams,
  sessionCreateBody,
  sessionDetail,
  sessionList,
  sessionListQuery,
  sessionUpdateBody,
} from './sessions.schema.js';
import { createSession, getSession, listSessions, updateSession } from './sessions.service.js';

const tags = ['training'];
const PLANNERS = { roles: ['national_admin', 'trainer'] } as const;
const ENROLLERS = { roles: ['national_admin', 'hr_officer'] } as const;
const ENROLMENT_READERS = { roles: ['national_admin', 'hr_officer', 'leader', 'trainer'] } as const;
const FILE_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const MAX_SHEET = 5 * 1024 * 1024;

const attendanceGridSchema = z.object({
  sessionId: z.string(),
  status: z.enum(['planned', 'open', 'running', 'completed', 'cancelled']),
  passScore: z.number().nullable(),
  minAttendance: z.number(),
  meetings: sessionDetail.shape.meetings,
  people: z.array(
    z.object({
      enrolmentId: z.string(),
      personId: z.string(),
      fullName: z.string(),
      staffCode: z.string(),
      agencyName: z.string(),
      status: z.enum(['enrolled', 'completed', 'not_completed', 'pending_approval', 'waitlisted', 'rejected', 'cancelled']),
      finalScore: z.number().nullable(),
      attendanceShare: z.number().nullable(),
    }),
  ),
  marks: z.array(z.object({ enrolmentId: z.string(), meetingId: z.string(), present: z.boolean() })),
});

const attendanceBody = z.strictObject({
  marks: z
    .array(z.strictObject({ enrolmentId: z.uuid(), meetingId: z.uuid(), present: z.boolean() }))
    .max(20_000)
    .default([]),
  scores: z
    .array(z.strictObject({ enrolmentId: z.uuid(), score: z.number().min(0).max(100).nullable() }))
    .max(10_000)
    .default([]),
});

async function attendanceImportRoutes(files: AppInstance): Promise<void> {
  files.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_SHEET }, (_request, body, done) => done(null, body));
  files.post(
    '/sessions/:id/attendance/import',
    {
      bodyLimit: MAX_SHEET,
      config: { access: PLANNERS },
      schema: {
        tags,
        summary: 'Import marks from a sheet (xlsx or csv, raw body: staff code, meeting date, present); all or nothing',
        params: idParams,
        response: { 200: attendanceGridSchema },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('import_file_empty', 400);
      return importAttendance(files.db, request.actor!, request.params.id, body);
    },
  );
}

/** Sessions, their calendar file, enrolment by HR, attendance and results; enrolments, "me" and the feed in enrolments.routes.ts. */
export async function sessionsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/sessions',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Training sessions (offers), newest first', querystring: sessionListQuery, response: { 200: sessionList } },
    },
    async (request) => listSessions(app.db, request.actor!, request.query),
  );

  app.get(
    '/sessions/plannable-courses',
    {
      config: { access: PLANNERS },
      schema: {
        tags,
        summary: 'Active courses the caller may plan sessions for (a trainer: their institution’s)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                code: z.string(),
                title: z.string(),
                titleEn: z.string(),
                institutionName: z.string(),
                costPerSeat: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const staffOf = await staffInstitution(app.db, request.actor!.userId);
      const items = await app.db
        .selectFrom('training_courses as c')
        .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
        .select(['c.id', 'c.code', 'c.title', 'c.title_en as titleEn', 'i.name as institutionName', 'c.cost_per_seat as costPerSeat'])
        .where('c.status', '=', 'active')
        .$if(request.actor!.role !== 'national_admin', (q) => q.where('c.institution_id', '=', staffOf ?? '00000000-0000-0000-0000-000000000000'))
        .orderBy('c.code')
        .limit(500)
        .execute();
      return { items };
    },
  );

  app.get(
    '/sessions/:id/lecturers',
    {
      config: { access: PLANNERS },
      schema: {
        tags,
        summary: 'Lecturers of the session’s institution (to choose from)',
        params: idParams,
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), fullName: z.string(), title: z.string() })) }) },
      },
    },
    async (request) => {
      const session = await getSession(app.db, request.actor!, request.params.id);
      if (!session.canManage) throw notFound({ sessionId: request.params.id });
      const items = await app.db
        .selectFrom('training_lecturers')
        .select(['id', 'full_name as fullName', 'title'])
        .where('institution_id', '=', session.institutionId)
        .orderBy('full_name')
        .execute();
      return { items };
    },
  );

  app.post(
    '/sessions',
    {
      config: { access: PLANNERS },
      schema: { tags, summary: 'Plan a session of a course of the caller’s institution', body: sessionCreateBody, response: { 201: sessionDetail } },
    },
    async (request, reply) => reply.code(201).send(await createSession(app.db, request.actor!, request.body)),
  );

  app.get(
    '/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'A session with its meetings and lecturers', params: idParams, response: { 200: sessionDetail } },
    },
    async (request) => getSession(app.db, request.actor!, request.params.id),
  );

  app.patch(
    '/sessions/:id',
    {
      config: { access: PLANNERS },
      schema: {
        tags,
        summary: 'Change dates, place, seats, window, cost, lecturers or meetings',
        params: idParams,
        body: sessionUpdateBody,
        response: { 200: sessionDetail },
      },
    },
    async (request) => updateSession(app.db, request.actor!, request.params.id, request.body),
  );

  app.get(
    '/sessions/:id/calendar.ics',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The session’s meetings as an iCalendar file',
        params: idParams,
        response: { 200: fileResponse('text/calendar', 'iCalendar file') },
      },
    },
    async (request, reply) => {
      const session = await getSession(app.db, request.actor!, request.params.id);
      const file = buildCalendar(session.courseTitle, [session]);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', `${session.code}.ics`))
        .send(Buffer.from(file));
    },
  );

  app.get(
    '/sessions/:id/enrolments',
    {
      config: { access: ENROLMENT_READERS },
      schema: {
        tags,
        summary: 'Enrolments of a session the caller may see (HR and leaders: their subtree; trainers: their institution’s)',
        params: idParams,
        response: { 200: enrolmentList },
      },
    },
    async (request) => {
      await getSession(app.db, request.actor!, request.params.id);
      return listEnrolments(app.db, request.actor!, { sessionId: request.params.id, limit: 500, offset: 0 });
    },
  );

  app.post(
    '/sessions/:id/enrolments',
    {
      config: { access: ENROLLERS },
      schema: {
        tags,
        summary: 'Enrol people of the caller’s scope (all or nothing); a full session puts them on the waiting list',
        params: idParams,
        body: enrolPeopleBody,
        response: { 201: enrolmentList },
      },
    },
    async (request, reply) => reply.code(201).send(await enrolPeople(app.db, request.actor!, request.params.id, request.body.personIds, request.body.source)),
  );

  app.get(
    '/sessions/:id/attendance',
    {
      config: { access: PLANNERS },
      schema: { tags, summary: 'Attendance grid: meetings × enrolled people, marks and scores', params: idParams, response: { 200: attendanceGridSchema } },
    },
    async (request) => attendanceGrid(app.db, request.actor!, request.params.id),
  );

  app.put(
    '/sessions/:id/attendance',
    {
      config: { access: PLANNERS },
      schema: {
        tags,
        summary: 'Record present/absent marks and final scores',
        params: idParams,
        body: attendanceBody,
        response: { 200: attendanceGridSchema },
      },
    },
    async (request) => saveAttendance(app.db, request.actor!, request.params.id, request.body),
  );

  // Only the import takes raw file bytes: the parser lives in its own context, so every other route still refuses them (415).
  await app.register(attendanceImportRoutes);

  app.post(
    '/sessions/:id/close',
    {
      config: { access: PLANNERS },
      schema: {
        tags,
        summary: 'Close the session: results by the course’s rule, training.completed for each completed',
        params: idParams,
        response: { 200: attendanceGridSchema },
      },
    },
    async (request) => closeSession(app.db, request.actor!, request.params.id),
  );

  await enrolmentRoutes(app);
  await groupEnrolmentRoutes(app);
}
