import { z } from 'zod';
import type { AppInstance } from '../../../platform/http/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { fileResponse, timestamp } from '../../../platform/http/response-types.js';
import { buildCalendar, feedPerson, feedStatus, renewFeedToken } from './calendar.js';
import {
  cancelEnrolment,
  decideEnrolment,
  listEnrolments,
  myEnrolments,
  myNotifications,
  readableEnrolment,
  replaceEnrolment,
  requestEnrolment,
} from './enrolment.service.js';
import { findPerson, meetingsOf, sessionBase } from './sessions.repository.js';
import { cancelBody, enrolment, enrolmentList, enrolmentListQuery, idParams, replaceBody, requestBody } from './sessions.schema.js';
import type { Db } from '../../../platform/db/engine.js';
import { scopeCondition } from '../../../platform/auth/scope.js';
import { foldForSearch, likePattern } from '../../../platform/text/vietnamese.js';

const tags = ['training'];
const DECIDERS = { roles: ['national_admin', 'leader'] } as const;
const ENROLLERS = { roles: ['national_admin', 'hr_officer'] } as const;
const FEED_PATH = '/api/training/calendar/';

const notification = z.object({
  id: z.string(),
  kind: z.string(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
  enrolmentId: z.string().nullable(),
  sessionCode: z.string().nullable(),
});
const feed = z.object({ active: z.boolean(), createdAt: timestamp.nullable(), path: z.string().nullable() });

/** The meetings of a person's seats and requests still live, for their feed. */
async function personCalendar(db: Db, personId: string) {
  const sessions = await sessionBase(db)
    .innerJoin('training_enrolments as mine', 'mine.session_id', 's.id')
    .where('mine.person_id', '=', personId)
    .where('mine.status', 'in', ['enrolled', 'completed', 'not_completed'])
    .execute();
  const meetings = await meetingsOf(
    db,
    sessions.map((s) => s.id),
  );
  return sessions.map((s) => ({ ...s, meetings: meetings.filter((m) => m.sessionId === s.id) }));
}

export async function enrolmentRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/enrolments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Enrolments the caller may see (HR, leaders: subtree; trainers: their institution; others: their own)',
        querystring: enrolmentListQuery,
        response: { 200: enrolmentList },
      },
    },
    async (request) => listEnrolments(app.db, request.actor!, request.query),
  );

  app.get(
    '/enrolments/candidates',
    {
      config: { access: ENROLLERS },
      schema: {
        tags,
        summary: 'People of the caller’s scope to enrol, by name or staff code (with or without diacritics)',
        querystring: z.strictObject({ q: z.string().trim().max(100).default('') }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), fullName: z.string(), staffCode: z.string(), agencyName: z.string() })) }) },
      },
    },
    async (request) => {
      let query = app.db
        .selectFrom('people as p')
        .innerJoin('agencies as a', 'a.id', 'p.agency_id')
        .select(['p.id', 'p.full_name as fullName', 'p.staff_code as staffCode', 'a.name as agencyName'])
        .where(scopeCondition(request.actor!, 'a.path'));
      if (request.query.q) {
        const pattern = likePattern(foldForSearch(request.query.q));
        query = query.where((eb) => eb.or([eb('p.search_name', 'like', pattern), eb('p.staff_code', 'ilike', pattern)]));
      }
      return { items: await query.orderBy('p.full_name').orderBy('p.staff_code').limit(20).execute() };
    },
  );

  app.get(
    '/enrolments/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'One enrolment', params: idParams, response: { 200: enrolment } } },
    async (request) => readableEnrolment(app.db, request.actor!, request.params.id),
  );

  app.post(
    '/enrolments/:id/approve',
    {
      config: { access: DECIDERS },
      schema: { tags, summary: 'The leader approves a request: a seat if free, else the waiting list', params: idParams, response: { 200: enrolment } },
    },
    async (request) => decideEnrolment(app.db, request.actor!, request.params.id, true),
  );

  app.post(
    '/enrolments/:id/reject',
    { config: { access: DECIDERS }, schema: { tags, summary: 'The leader rejects a request', params: idParams, response: { 200: enrolment } } },
    async (request) => decideEnrolment(app.db, request.actor!, request.params.id, false),
  );

  app.post(
    '/enrolments/:id/cancel',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cancel a request or a seat (HR in scope, or the person); the first waiting person takes a freed seat',
        params: idParams,
        body: cancelBody,
        response: { 200: enrolment },
      },
    },
    async (request) => cancelEnrolment(app.db, request.actor!, request.params.id, request.body.reason),
  );

  app.post(
    '/enrolments/:id/replace',
    {
      config: { access: ENROLLERS },
      schema: {
        tags,
        summary: 'Give an enrolled person’s seat to another person of the caller’s scope',
        params: idParams,
        body: replaceBody,
        response: { 200: enrolment },
      },
    },
    async (request) => replaceEnrolment(app.db, request.actor!, request.params.id, request.body.personId),
  );

  app.get(
    '/me/enrolments',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'My training: my requests, seats and results', response: { 200: enrolmentList } } },
    async (request) => myEnrolments(app.db, request.actor!),
  );

  app.post(
    '/me/enrolments',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Ask for a place in a session (my leader approves)', body: requestBody, response: { 201: enrolment } },
    },
    async (request, reply) => reply.code(201).send(await requestEnrolment(app.db, request.actor!, request.body.sessionId)),
  );

  app.get(
    '/me/notifications',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My latest training notifications', response: { 200: z.object({ items: z.array(notification) }) } },
    },
    async (request) => myNotifications(app.db, request.actor!),
  );

  app.get(
    '/me/calendar-feed',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Whether my calendar feed link exists (the secret is shown only when made)', response: { 200: feed } },
    },
    async (request) => {
      const status = request.actor!.personId ? await feedStatus(app.db, request.actor!.personId) : null;
      return { active: status !== null, createdAt: status?.createdAt ?? null, path: null };
    },
  );

  app.post(
    '/me/calendar-feed',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Make or renew my calendar feed link (the old link stops working)', response: { 200: feed } },
    },
    async (request) => {
      const actor = request.actor!;
      if (!actor.personId) throw new AppError('training_no_person', 409);
      const person = (await findPerson(app.db, actor.personId))!;
      const { token, createdAt } = await renewFeedToken(app.db, actor, actor.personId, person.agencyPath);
      return { active: true, createdAt, path: FEED_PATH + token };
    },
  );

  // A calendar app subscribes without a cookie: the secret in the URL is the credential.
  app.get(
    '/calendar/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A person’s calendar feed (secret link)',
        params: z.strictObject({ token: z.string().max(100) }),
        response: { 200: fileResponse('text/calendar', 'iCalendar feed') },
      },
    },
    async (request, reply) => {
      const personId = await feedPerson(app.db, request.params.token);
      if (!personId) throw notFound();
      const file = buildCalendar('NangLuc', await personCalendar(app.db, personId));
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(Buffer.from(file));
    },
  );
}
