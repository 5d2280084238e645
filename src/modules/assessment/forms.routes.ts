import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { fileResponse, noContent } from '../../platform/http/response-types.js';
import * as r from './assessment.responses.js';
import { formBody, idParams, questionBody } from './assessment.schema.js';
import { forbidden } from '../../platform/errors.js';
import { assessmentPolicy } from './assessment.policy.js';
import { getForm, myForms, saveForm } from './forms.service.js';
import { addQuestion, listQuestions, myTests, startTest, submitTest, withdrawQuestion } from './knowledge-tests.service.js';
import { markNotificationRead, myNotifications } from './progress.service.js';
import { reportCardPdf } from './report.pdf.js';
import { agencyPlace } from './team.pdf.js';
import { myReport, personReport, reportablePeople } from './report.service.js';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';

const tags = ['assessment'];
const cycleQuery = z.strictObject({ cycleId: z.uuid().optional() });

/** The raters' and the rated person's side: forms, tests, notifications, reports. */
export async function formRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/forms',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Forms the caller has to fill', response: { 200: r.myFormList } } },
    async (request) => ({
      items: await myForms(app.db, request.actor!),
    }),
  );

  app.get(
    '/forms/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'A rating form (its rater only)', params: idParams, response: { 200: r.ratingForm } } },
    async (request) => getForm(app.db, request.actor!, request.params.id),
  );

  app.put(
    '/forms/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Save a draft', params: idParams, body: formBody, response: { 200: r.savedForm } } },
    async (request) => saveForm(app.db, request.actor!, request.params.id, request.body.ratings, false),
  );

  app.post(
    '/forms/:id/submit',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Submit a form (one transaction; final)', params: idParams, body: formBody, response: { 200: r.savedForm } },
    },
    async (request) => saveForm(app.db, request.actor!, request.params.id, request.body.ratings, true),
  );

  app.get(
    '/notifications',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The caller’s reminders', response: { 200: r.notificationList } } },
    async (request) => ({
      items: await myNotifications(app.db, request.actor!),
    }),
  );

  app.post(
    '/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Mark a reminder read', params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await markNotificationRead(app.db, request.actor!, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/questions',
    {
      config: { access: { roles: ['national_admin', 'hr_officer'] } },
      schema: { tags, summary: 'A competency’s question bank', querystring: z.strictObject({ competencyId: z.uuid() }), response: { 200: r.questionList } },
    },
    async (request) => ({ items: await listQuestions(app.db, request.actor!, request.query.competencyId) }),
  );

  app.post(
    '/questions',
    {
      config: { access: { roles: ['national_admin', 'hr_officer'] } },
      schema: { tags, summary: 'Add a question to a bank', body: questionBody, response: { 201: r.createdId } },
    },
    async (request, reply) => {
      if (!assessmentPolicy.canManageQuestions(request.actor!)) throw forbidden();
      return reply.code(201).send({ id: await addQuestion(app.db, request.actor!, request.body) });
    },
  );

  app.delete(
    '/questions/:id',
    {
      config: { access: { roles: ['national_admin', 'hr_officer'] } },
      schema: { tags, summary: 'Withdraw a question from its bank (kept for past tests)', params: idParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await withdrawQuestion(app.db, request.actor!, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/cycles/:id/tests',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Knowledge tests the caller can take', params: idParams, response: { 200: r.testOfferList } },
    },
    async (request) => ({
      items: await myTests(app.db, request.actor!, request.params.id),
    }),
  );

  app.post(
    '/cycles/:id/tests',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Start a knowledge test', params: idParams, body: z.strictObject({ competencyId: z.uuid() }), response: { 200: r.startedTest } },
    },
    async (request) => startTest(app.db, request.actor!, request.params.id, request.body.competencyId),
  );

  app.post(
    '/tests/:id/submit',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Submit answers (once)',
        params: idParams,
        body: z.strictObject({ answers: z.record(z.uuid(), z.number().int().min(0).max(5)) }),
        response: { 200: r.testScore },
      },
    },
    async (request) => submitTest(app.db, request.actor!, request.params.id, request.body.answers),
  );

  app.get(
    '/reports/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The caller’s competency profile', querystring: cycleQuery, response: { 200: r.personReport } },
    },
    async (request) => myReport(app.db, request.actor!, request.query.cycleId),
  );

  app.get(
    '/reports/people',
    {
      config: { access: { roles: ['national_admin', 'hr_officer', 'leader'] } },
      schema: { tags, summary: 'People with results the caller may read', response: { 200: r.reportablePeopleList } },
    },
    async (request) => ({
      items: await reportablePeople(app.db, request.actor!),
    }),
  );

  app.get(
    '/reports/people/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A person’s consolidated profile (anonymity-safe)',
        params: idParams,
        querystring: cycleQuery,
        response: { 200: r.personReport },
      },
    },
    async (request) => personReport(app.db, request.actor!, request.params.id, request.query.cycleId),
  );

  app.get(
    '/reports/people/:id/pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Printable report card (PDF, Vietnamese)',
        params: idParams,
        querystring: cycleQuery,
        response: { 200: fileResponse('application/pdf', 'The report card, A4') },
      },
    },
    async (request, reply) => {
      const report = await personReport(app.db, request.actor!, request.params.id, request.query.cycleId);
      const { agency_id: agencyId } = await app.db.selectFrom('people').select('agency_id').where('id', '=', report.person.id).executeTakeFirstOrThrow();
      const pdf = await reportCardPdf(report, await agencyPlace(app.db, agencyId));
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition('inline', `ket-qua-danh-gia-${report.person.staffCode}.pdf`))
          // fileResponse() declares the body as a binary string for OpenAPI; Fastify sends the Buffer as is.
          .send(pdf)
      );
    },
  );
}
