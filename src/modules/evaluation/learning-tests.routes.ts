import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.js';
import { learningGains } from './learning-gains.service.js';
import {
  attemptParams,
  gainsAnswer,
  gainsQuery,
  learningAnswersBody,
  myTestsAnswer,
  phaseParams,
  recordScoresBody,
  testPaper,
  testResult,
} from './learning-tests.schema.js';
import { myLearningTests, recordLearningScores, startLearningTest, submitLearningTest } from './learning-tests.service.js';

const tags = ['evaluation'];

/** Learning (level 2): pre- and post-tests per enrolment, and the gains. */
export async function learningTestsRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/learning/mine',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'My pre- and post-tests, by enrolment', response: { 200: myTestsAnswer } } },
    async (request) => myLearningTests(app.db, request.actor!),
  );

  app.post(
    '/learning/enrolments/:enrolmentId/:phase/start',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Start (or resume) my pre- or post-test: questions from the banks of the course’s competencies',
        params: phaseParams,
        body: z.strictObject({}).optional(),
        response: { 200: testPaper },
      },
    },
    async (request) => startLearningTest(app.db, request.actor!, request.params.enrolmentId, request.params.phase),
  );

  app.post(
    '/learning/attempts/:attemptId/submit',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Submit my test once: a 0–100 score and a level per competency',
        params: attemptParams,
        body: learningAnswersBody,
        response: { 200: testResult },
      },
    },
    async (request) => submitLearningTest(app.db, request.actor!, request.params.attemptId, request.body.answers),
  );

  app.put(
    '/learning/enrolments/:enrolmentId/:phase',
    {
      config: { access: { roles: ['trainer', 'national_admin'] } },
      schema: {
        tags,
        summary: 'The institution records a trainee’s pre- or post-test scores (0–100 per competency; the pre-test first)',
        params: phaseParams,
        body: recordScoresBody,
        response: { 200: testResult },
      },
    },
    async (request) => recordLearningScores(app.db, request.actor!, request.params.enrolmentId, request.params.phase, request.body.scores),
  );

  app.get(
    '/learning/gains',
    {
      config: { access: { roles: ['national_admin', 'hr_officer', 'leader', 'trainer'] } },
      schema: { tags, summary: 'Learning gains per course, competency and person', querystring: gainsQuery, response: { 200: gainsAnswer } },
    },
    async (request) => learningGains(app.db, request.actor!, request.query),
  );
}
